import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import type { BackupReason, BackupSnapshot, BackupSummary } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { Handlers, Logger } from '../router.js';
import { readSettings } from '../settings/service.js';
import { summaryOf } from './format.js';
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
}

async function snapshotList(folder: string) {
  try {
    return await listSnapshots(folder);
  } catch {
    throw new AppError('backup/folderMissing', { folder });
  }
}

/** Writes a new snapshot into the folder, then deletes those the retention rule no longer keeps. */
export async function makeSnapshot(deps: BackupDeps, folder: string): Promise<{ fileName: string; summary: BackupSummary }> {
  const now = deps.clock.now();
  let fileName = snapshotName(now);
  for (let n = 1; await stat(join(folder, fileName)).catch(() => null); n += 1) fileName = snapshotName(now, n);
  const manifest = await writeBackup(deps.db, deps.dataDir, join(folder, fileName), {
    clock: deps.clock,
    ...(deps.openFile ? { openFile: deps.openFile } : {}),
  });
  // Judged at the new snapshot's own time: a second made within the same second counts a millisecond later.
  const { remove } = keep(await snapshotList(folder), parseSnapshotName(fileName)!);
  for (const old of remove) await rm(join(folder, old.name), { force: true });
  return { fileName, summary: summaryOf(manifest) };
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

export function backupHandlers(deps: BackupDeps): Pick<Handlers, 'backup.create' | 'backup.list'> {
  return {
    'backup.create': async (_input, ctx) => {
      const folder = readSettings(deps.db).backupFolder;
      if (folder === '') throw new AppError('backup/noFolder', {});
      const made = await makeSnapshot(deps, folder);
      deps.db.transaction(() => recordAudit(deps.db, deps.clock, ctx, { action: 'backup.create', hearingId: null, after: made }))();
      deps.bus.emit('backup.created', { fileName: made.fileName, reason: 'manual' });
      return made;
    },
    'backup.list': async () => {
      const folder = readSettings(deps.db).backupFolder;
      if (folder === '') return { folder, snapshots: [] };
      const snapshots: BackupSnapshot[] = [];
      for (const { name } of await snapshotList(folder)) {
        try {
          snapshots.push({ fileName: name, summary: summaryOf(await previewBackup(join(folder, name))), problem: null });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          snapshots.push({ fileName: name, summary: null, problem: error.code });
        }
      }
      return { folder, snapshots };
    },
  };
}
