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

/** A snapshot's name as the app writes it: only the backups listed in the office's folder can be restored from a screen. */
export const snapshotFileName = z.string().regex(/^hearing-desk-backup-\d{8}-\d{6}(?:-\d{1,4})?\.zip$/);

/** Chosen by the window that starts a long operation, so its progress events and its cancel name it. */
const operationId = z.uuid();

export interface RestoreOutcome {
  fileName: string;
  summary: BackupSummary;
  /** The backup of the data as it was just before, written first into the same folder; null in recovery mode (the database could not be read). */
  safetyBackup: string | null;
  /** Where the data that was replaced now lies, whole and unchanged, beside the data folder. */
  previousData: string | null;
}

export const backupMethods = {
  'backup.create': officeMutation(
    z.object({ operationId: operationId.optional() }).strict(),
    returns<{ fileName: string; summary: BackupSummary }>(),
    'Writes a backup of the whole data folder into the office’s backup folder now, telling its progress under operationId.',
  ),
  'backup.list': query(z.object({}).strict(), returns<BackupFolderView>(), 'The backups in the office’s backup folder, each with what it holds.'),
  'backup.cancel': officeMutation(
    z.object({ operationId }).strict(),
    returns<{ cancelled: boolean }>(),
    'Stops a backup being written (its partial file is deleted), or a restore before it starts replacing the data; false when there is nothing left to stop.',
  ),
  'backup.restore': officeMutation(
    z.object({ fileName: snapshotFileName, operationId: operationId.optional() }).strict(),
    returns<RestoreOutcome>(),
    'Replaces the data with a backup of the office’s folder: a safety backup of the current data first, the current data kept beside, then every window reloads.',
  ),
} as const;

/** The long operations whose progress a window shows. */
export const operations = ['backup', 'restore'] as const;
/** Where an operation is: the backup's database copy and files; the restore's check, safety backup, extraction and swap. */
export const operationPhases = ['database', 'files', 'check', 'safetyBackup', 'extract', 'swap', 'reopen', 'done'] as const;
export type OperationPhase = (typeof operationPhases)[number];

export const backupEvents = {
  'backup.created': z.object({ fileName: z.string(), reason: z.enum(backupReasons) }),
  /** An automatic backup that failed: the finalize or the start it followed is not affected, but the office must know. */
  'backup.failed': z.object({ code: z.enum(errorCodes), reason: z.enum(backupReasons) }),
  /** The data was replaced by a backup: every window reloads, since everything it shows may have changed. */
  'backup.restored': z.object({ fileName: z.string(), safetyBackup: z.string().nullable(), previousData: z.string().nullable() }),
  /** A long operation's progress in bytes (0 of 0 while a phase cannot be measured); `cancellable` turns false once a restore starts the swap. */
  'operation.progress': z.object({
    operationId: z.string(),
    operation: z.enum(operations),
    phase: z.enum(operationPhases),
    done: z.number(),
    total: z.number(),
    cancellable: z.boolean(),
  }),
} as const;
