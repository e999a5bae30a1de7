import { join } from 'node:path';
import { readBackupFolderFile } from '../backup/folder.js';
import { describeSnapshots } from '../backup/service.js';
import type { BackupSnapshot, RecoveryStatus } from '../contract/index.js';

/** A path as a shell command line quotes it: double quotes work in both cmd.exe and POSIX shells for paths without quotes. */
const quoted = (path: string) => JSON.stringify(path);

/**
 * What the recovery screen offers: the backups in the folder the data
 * folder's `backup-folder` file names (the database, which holds the
 * setting, cannot be read), newest first, the newest good one singled out.
 */
export async function recoveryStatus(dataDir: string, detail: string): Promise<RecoveryStatus & { active: true }> {
  const folder = readBackupFolderFile(dataDir);
  let snapshots: BackupSnapshot[] = [];
  let folderFound = false;
  if (folder !== '') {
    try {
      snapshots = await describeSnapshots(folder);
      folderFound = true;
    } catch {
      // A folder recorded but not reachable now (the USB disk is in a drawer): the screen says so.
    }
  }
  const latest = snapshots.find((snapshot) => snapshot.summary !== null)?.fileName ?? null;
  return {
    active: true,
    detail,
    dataDir,
    folder,
    folderFound,
    snapshots,
    latest,
    command: latest === null ? null : `hearing-desk restore --data ${quoted(dataDir)} ${quoted(join(folder, latest))}`,
  };
}
