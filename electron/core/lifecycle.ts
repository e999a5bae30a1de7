import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from './app.js';
import { recordAudit } from './audit/log.js';
import { readBackupFolderFile } from './backup/folder.js';
import { summaryOf } from './backup/format.js';
import { Operations, type RunningOperation } from './backup/operations.js';
import { previewBackup } from './backup/read.js';
import { restoreBackup } from './backup/restore.js';
import { writeSnapshot } from './backup/service.js';
import { systemClock } from './clock.js';
import type { Result, RestoreOutcome } from './contract/index.js';
import { AppError } from './errors.js';
import { EventBus } from './events.js';
import { recoveryStatus } from './recovery/status.js';
import { recoveryModeHandlers } from './recovery/service.js';
import { createRouter, type CallContext, type Caller, type Router } from './router.js';
import { readSettings } from './settings/service.js';

export type CoreMode = 'normal' | 'recovery';

/**
 * The core as the shells hold it: opened on a data folder, replaced by another
 * on the same folder when a backup is restored, and in recovery mode (only the
 * recovery methods answer) when the database failed its check at start.
 */
export interface LiveCore {
  /**
   * What the shells serve. Its router and events are the same objects for the
   * app's whole run, so windows and the event stream follow a restore without
   * reconnecting; every other field is the open core's, read at each use, and
   * reading one in recovery mode or during a restore's swap throws the
   * AppError that says so.
   */
  readonly core: Core;
  mode(): CoreMode;
  /** Waits for automatic backups, then closes the database (nothing to close in recovery mode). */
  close(): Promise<void>;
}

type State = { mode: 'normal'; core: Core; unforward: () => void } | { mode: 'recovery'; detail: string } | { mode: 'swapping' };

function refused(code: 'backup/restoring'): Promise<Result<never>> {
  return Promise.resolve({ ok: false, error: { code, params: {} } });
}

/** Opens the data folder; a damaged database (`db/corrupt`) starts recovery mode instead of failing. Any other failure is thrown. */
export function startCore(options: Omit<CoreOptions, 'restoreControl'>): LiveCore {
  const bus = new EventBus();
  const operations = new Operations();
  const clock = options.clock ?? systemClock;
  let state: State;
  /** Read through a call: a restore changes the mode across its awaits, which narrowing would not see. */
  const modeNow = (): State['mode'] => state.mode;
  const logger = options.logger ?? { error: (message: string, error: unknown) => console.error(message, error) };
  /** From the first step of a restore to the new core: other calls are refused, so nothing is written that the safety backup would miss. */
  let restoring = false;

  function open(): void {
    try {
      const core = openCore({ ...options, restoreControl: { restore: restoreRunning, operations } });
      const unforward = core.events.on((event) => bus.emit(event.name, event.payload as never));
      state = { mode: 'normal', core, unforward };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'db/corrupt')) throw error;
      state = { mode: 'recovery', detail: String(error.params.detail ?? '') };
    }
  }

  async function closeOpen(): Promise<void> {
    if (state.mode !== 'normal') return;
    const { core, unforward } = state;
    state = { mode: 'swapping' };
    unforward();
    await core.backups.idle();
    core.close();
  }

  /** The backup to restore, checked before anything is touched: refused if it is not a backup or too new for this version. */
  async function chosenBackup(folder: string, fileName: string): Promise<{ file: string; summary: RestoreOutcome['summary'] }> {
    if (folder === '') throw new AppError('backup/noFolder', {});
    if (!(await stat(folder).catch(() => null))?.isDirectory()) throw new AppError('backup/folderMissing', { folder });
    const file = join(folder, fileName);
    return { file, summary: summaryOf(await previewBackup(file)) };
  }

  /** After the swap: the new core records who restored what, in its own audit log, and every window reloads. */
  function announce(action: 'backup.restore' | 'recovery.restore', outcome: RestoreOutcome, ctx: CallContext): RestoreOutcome {
    if (state.mode === 'normal') {
      const { db } = state.core;
      db.transaction(() => recordAudit(db, clock, ctx, { action, hearingId: null, after: outcome }))();
    }
    bus.emit('backup.restored', { fileName: outcome.fileName, safetyBackup: outcome.safetyBackup, previousData: outcome.previousData });
    return outcome;
  }

  async function swapIn(file: string, operation: RunningOperation): Promise<string | null> {
    const result = await restoreBackup(file, options.dataDir, clock.now(), {
      onProgress: operation.report,
      checkCancelled: operation.check,
      nativeBinding: options.nativeBinding,
      beforeSwap: async () => {
        operation.commit();
        operation.report({ phase: 'swap', done: 0, total: 0 });
        await closeOpen();
      },
    });
    operation.report({ phase: 'reopen', done: 0, total: 0 });
    return result.previousData;
  }

  /** backup.restore, called by the open core's own handler: this core is closed before the swap and a new one opened after it. */
  async function restoreRunning(fileName: string, operationId: string | undefined, ctx: CallContext): Promise<RestoreOutcome> {
    if (state.mode !== 'normal' || restoring) throw new AppError('backup/restoring', {});
    const current = state.core;
    const folder = readSettings(current.db).backupFolder;
    const { file, summary } = await chosenBackup(folder, fileName);
    const operation = operations.start(bus, 'restore', operationId);
    restoring = true;
    try {
      operation.report({ phase: 'safetyBackup', done: 0, total: 0 });
      await current.backups.idle();
      const safety = await writeSnapshot(
        { db: current.db, clock, bus: current.events, dataDir: options.dataDir, logger, nativeBinding: options.nativeBinding },
        folder,
        { onProgress: (step) => operation.report({ ...step, phase: 'safetyBackup' }), checkCancelled: operation.check },
      );
      const previousData = await swapIn(file, operation);
      open();
      operation.report({ phase: 'done', done: 0, total: 0 });
      return announce('backup.restore', { fileName, summary, safetyBackup: safety.fileName, previousData }, ctx);
    } catch (error) {
      // Refused or failed before the swap took place (restoreBackup puts the folder back if the swap itself fails): the same data opens again.
      if (modeNow() === 'swapping') open();
      throw error;
    } finally {
      restoring = false;
      operation.finish();
    }
  }

  async function restoreInRecovery(fileName: string, ctx: CallContext): Promise<RestoreOutcome> {
    if (state.mode !== 'recovery' || restoring) throw new AppError('backup/restoring', {});
    const recovering = state;
    const { file, summary } = await chosenBackup(readBackupFolderFile(options.dataDir), fileName);
    const operation = operations.start(bus, 'restore');
    restoring = true;
    try {
      const previousData = await swapIn(file, operation);
      open();
      // The backup's database passed the full integrity check, so this does not happen; if it does, the screen stays.
      if (modeNow() !== 'normal') throw new AppError('db/corrupt', {});
      operation.report({ phase: 'done', done: 0, total: 0 });
      return announce('recovery.restore', { fileName, summary, safetyBackup: null, previousData }, ctx);
    } catch (error) {
      if (modeNow() === 'swapping') state = recovering;
      throw error;
    } finally {
      restoring = false;
      operation.finish();
    }
  }

  const recoveryRouter = createRouter(
    recoveryModeHandlers({
      status: () => recoveryStatus(options.dataDir, state.mode === 'recovery' ? state.detail : ''),
      restore: restoreInRecovery,
    }),
    logger,
    undefined,
    // No accounts can be read from a damaged database: the recovery methods answer whoever asks this shell.
    (_method, caller: Caller) => ({ actor: 'actor' in caller ? caller.actor : 'recovery' }),
  );

  const router: Router = {
    invoke(method, input, caller) {
      // While a restore prepares, its cancel still reaches the open core; once the swap starts nothing does.
      if (state.mode === 'swapping' || (restoring && method !== 'backup.cancel')) return refused('backup/restoring');
      return state.mode === 'normal' ? state.core.router.invoke(method, input, caller) : recoveryRouter.invoke(method, input, caller);
    },
  };

  const openNow = (): Core => {
    if (state.mode === 'normal') return state.core;
    throw new AppError(state.mode === 'recovery' ? 'recovery/active' : 'backup/restoring', {});
  };

  // A proxy rather than a copy: every field a shell reads besides these is the core open at that moment, whatever fields Core gains.
  const fixed: Partial<Record<keyof Core, unknown>> = {
    router,
    events: bus,
    dataDir: options.dataDir,
    close: () => {
      if (state.mode === 'normal') state.core.close();
    },
  };
  const core = new Proxy({} as Core, {
    get: (_target, property) => {
      if (Object.hasOwn(fixed, property)) return fixed[property as keyof Core];
      if (property === 'templateProblems' && state.mode !== 'normal') return [];
      return Reflect.get(openNow(), property);
    },
  });

  open();
  return {
    core,
    mode: () => (state.mode === 'recovery' ? 'recovery' : 'normal'),
    close: async () => {
      if (state.mode !== 'normal') return;
      await state.core.backups.idle();
      state.core.close();
    },
  };
}
