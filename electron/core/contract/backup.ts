import { z } from 'zod';
import { errorCodes, type ErrorCode } from './errors.js';
import { officeMutation, query, returns } from './define.js';

/** What a backup file holds, read from its backup.json without extracting anything. */
export interface BackupSummary {
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: { hearings: number; finalized: number; minuteEntries: number; evidenceFiles: number; packageFiles: number };
  bytes: { database: number; evidence: number; packages: number; total: number };
  /**
   * The fingerprint of the signing key inside, or null when the installation had
   * none yet. The key IS the installation's identity: restoring the backup
   * elsewhere makes that computer seal packages as this office.
   */
  keyFingerprint: string | null;
}

export interface BackupSnapshot {
  fileName: string;
  /** Null when the file cannot be read as a backup; `problem` then says why. */
  summary: BackupSummary | null;
  problem: ErrorCode | null;
}

export interface BackupFolderView {
  /** Empty when the office has not chosen a folder: no automatic backups then. */
  folder: string;
  /** Newest first. */
  snapshots: BackupSnapshot[];
}

/** Why a backup was made: on request, after a record was finalized, or the first use of the day. */
export const backupReasons = ['manual', 'finalized', 'daily'] as const;
export type BackupReason = (typeof backupReasons)[number];

export const backupMethods = {
  'backup.create': officeMutation(
    z.object({}).strict(),
    returns<{ fileName: string; summary: BackupSummary }>(),
    'Writes a backup of the whole data folder into the office’s backup folder now.',
  ),
  'backup.list': query(z.object({}).strict(), returns<BackupFolderView>(), 'The backups in the office’s backup folder, each with what it holds.'),
} as const;

export const backupEvents = {
  'backup.created': z.object({ fileName: z.string(), reason: z.enum(backupReasons) }),
  /** An automatic backup that failed: the finalize or the start it followed is not affected, but the office must know. */
  'backup.failed': z.object({ code: z.enum(errorCodes), reason: z.enum(backupReasons) }),
} as const;
