import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import type { BackupReason, BackupSnapshot, BackupSummary, RestoreOutcome } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { CallContext, Handlers, Logger } from '../router.js';
import { readSettings } from '../settings/service.js';
import { summaryOf } from './format.js';
import { Operations } from './operations.js';
import { previewBackup } from './read.js';
import { keep } from './retention.js';
import { listSnapshots, parseSnapshotName, snapshotName } from './snapshots.js';
import { writeBackup, type WriteOptions } from './write.js';

export interface BackupDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  dataDir: string;
  logger: Logger;
  /** For tests: see WriteOptions. */
  openFile?: WriteOptions['openFile'];
  nativeBinding?: string;
}

/**
 * What a shell that can swap its core lends the backup handlers
 * (core/lifecycle.ts): the restore itself, which closes this core and opens
 * another, and the running operations, which outlive any one core.
 */
export interface RestoreControl {
  restore(fileName: string, operationId: string | undefined, ctx: CallContext): Promise<RestoreOutcome>;
  operations: Operations;
}

async function snapshotList(folder: string) {
  try {
    return await listSnapshots(folder);
  } catch {
    throw new AppError('backup/folderMissing', { folder });
  }
}

/**
 * Writes a new snapshot into the folder, named by its time, without touching
 * the others: a restore's safety backup must not make the retention rule
 * delete the very backup being restored.
 */
export async function writeSnapshot(
  deps: BackupDeps,
  folder: string,
  progress: Pick<WriteOptions, 'onProgress' | 'checkCancelled'> = {},
): Promise<{ fileName: string; summary: BackupSummary }> {
  const now = deps.clock.now();
  let fileName = snapshotName(now);
  for (let n = 1; await stat(join(folder, fileName)).catch(() => null); n += 1) fileName = snapshotName(now, n);
  const manifest = await writeBackup(deps.db, deps.dataDir, join(folder, fileName), {
    clock: deps.clock,
    ...progress,
    ...(deps.openFile ? { openFile: deps.openFile } : {}),
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
  });
  return { fileName, summary: summaryOf(manifest) };
}

/** Writes a new snapshot into the folder, then deletes those the retention rule no longer keeps. */
export async function makeSnapshot(
  deps: BackupDeps,
  folder: string,
  progress: Pick<WriteOptions, 'onProgress' | 'checkCancelled'> = {},
): Promise<{ fileName: string; summary: BackupSummary }> {
  const made = await writeSnapshot(deps, folder, progress);
  // Judged at the new snapshot's own time: a second made within the same second counts a millisecond later.
  const { remove } = keep(await snapshotList(folder), parseSnapshotName(made.fileName)!);
  for (const old of remove) await rm(join(folder, old.name), { force: true });
  return made;
}

/** Each snapshot of a folder with what it holds, or the code of why it cannot be restored. */
export async function describeSnapshots(folder: string): Promise<BackupSnapshot[]> {
  const snapshots: BackupSnapshot[] = [];
  for (const { name } of await snapshotList(folder)) {
    try {
      snapshots.push({ fileName: name, summary: summaryOf(await previewBackup(join(folder, name))), problem: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      snapshots.push({ fileName: name, summary: null, problem: error.code });
    }
  }
  return snapshots;
}

export interface AutomaticBackups {
  /** Backs up if a folder is set (for 'daily': unless today already has a snapshot); never throws, reports through events. */
  run(reason: Exclude<BackupReason, 'manual'>): Promise<void>;
  /** Resolves once no automatic backup is running: the shells wait for it before closing the database. */
  idle(): Promise<void>;
}

export function automaticBackups(deps: BackupDeps): AutomaticBackups {
  let queue: Promise<void> = Promise.resolve();

  async function once(folder: string, reason: Exclude<BackupReason, 'manual'>): Promise<void> {
    try {
      if (reason === 'daily') {
        const today = deps.clock.now().toDateString();
        if ((await snapshotList(folder)).some((snapshot) => snapshot.createdAt.toDateString() === today)) return;
      }
      const { fileName } = await makeSnapshot(deps, folder);
      deps.bus.emit('backup.created', { fileName, reason });
    } catch (error) {
      deps.logger.error(`automatic backup (${reason}) failed`, error);
      deps.bus.emit('backup.failed', { code: error instanceof AppError ? error.code : 'internal', reason });
    }
  }

  return {
    run(reason) {
      // Read now, not when the queue reaches it: the database may be closed by then.
      const folder = readSettings(deps.db).backupFolder;
      if (folder === '') return queue;
      queue = queue.then(() => once(folder, reason));
      return queue;
    },
    idle: () => queue,
  };
}

export function backupHandlers(
  deps: BackupDeps,
  control?: RestoreControl,
): Pick<Handlers, 'backup.create' | 'backup.list' | 'backup.cancel' | 'backup.restore'> {
  const operations = control?.operations ?? new Operations();
  return {
    'backup.create': async ({ operationId }, ctx) => {
      const folder = readSettings(deps.db).backupFolder;
      if (folder === '') throw new AppError('backup/noFolder', {});
      const operation = operations.start(deps.bus, 'backup', operationId);
      try {
        const made = await makeSnapshot(deps, folder, { onProgress: operation.report, checkCancelled: operation.check });
        operation.report({ phase: 'done', done: made.summary.bytes.total, total: made.summary.bytes.total });
        deps.db.transaction(() => recordAudit(deps.db, deps.clock, ctx, { action: 'backup.create', hearingId: null, after: made }))();
        deps.bus.emit('backup.created', { fileName: made.fileName, reason: 'manual' });
        return made;
      } finally {
        operation.finish();
      }
    },
    'backup.list': async () => {
      const folder = readSettings(deps.db).backupFolder;
      if (folder === '') return { folder, snapshots: [] };
      return { folder, snapshots: await describeSnapshots(folder) };
    },
    'backup.cancel': ({ operationId }, ctx) => {
      const cancelled = operations.cancel(operationId);
      if (cancelled) deps.db.transaction(() => recordAudit(deps.db, deps.clock, ctx, { action: 'backup.cancel', hearingId: null, after: { operationId } }))();
      return { cancelled };
    },
    'backup.restore': ({ fileName, operationId }, ctx) => {
      // Only a shell that can close this core and open another can restore in place of its data.
      if (!control) throw new AppError('backup/restoreUnavailable', {});
      return control.restore(fileName, operationId, ctx);
    },
  };
}
