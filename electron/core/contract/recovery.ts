import { z } from 'zod';
import type { BackupSnapshot, RestoreOutcome } from './backup.js';
import { snapshotFileName } from './backup.js';
import { officeMutation, query, returns } from './define.js';

/**
 * Where the app stands when its database failed the check at start: what was
 * found, and the backups the data folder's `backup-folder` file leads to.
 */
export type RecoveryStatus =
  | { active: false }
  | {
      active: true;
      /** The check's own words, for whoever repairs it. */
      detail: string;
      dataDir: string;
      /** Empty when no backup folder was ever chosen. */
      folder: string;
      /** False when a folder is recorded but cannot be read now (a USB disk not plugged in). */
      folderFound: boolean;
      /** Newest first, each with what it holds or why it cannot be used. */
      snapshots: BackupSnapshot[];
      /** The newest snapshot that reads as a backup this version can restore. */
      latest: string | null;
      /** The same restore from the command line, for the latest backup. */
      command: string | null;
    };

/**
 * Answered by every core: in recovery mode (the database is damaged) they are
 * the only methods that work, and they need no signed-in user since the
 * accounts live in the unreadable database; a normal core answers "not in
 * recovery".
 */
export const recoveryMethods = {
  'recovery.status': query(z.object({}).strict(), returns<RecoveryStatus>(), 'Whether the app started in recovery mode, and the backups it can restore.'),
  'recovery.restore': officeMutation(
    z.object({ fileName: snapshotFileName }).strict(),
    returns<RestoreOutcome>(),
    'In recovery mode, replaces the damaged data with a backup of the recorded folder (the damaged folder is kept beside) and opens the app on it.',
  ),
} as const;
