import { methods, type MethodName, type RecoveryStatus, type RestoreOutcome } from '../contract/index.js';
import { AppError } from '../errors.js';
import type { CallContext, Handlers } from '../router.js';

/** A normal core's answers: it is not in recovery, so there is nothing to restore from here (backup.restore does that). */
export const normalRecoveryHandlers: Pick<Handlers, 'recovery.status' | 'recovery.restore'> = {
  'recovery.status': () => ({ active: false }),
  'recovery.restore': () => {
    throw new AppError('recovery/notActive', {});
  },
};

export interface RecoveryMode {
  status(): Promise<RecoveryStatus>;
  restore(fileName: string, ctx: CallContext): Promise<RestoreOutcome>;
}

/** Every method of the contract while the database cannot be opened: the two recovery methods work, everything else says why it cannot. */
export function recoveryModeHandlers(mode: RecoveryMode): Handlers {
  const refuse = () => {
    throw new AppError('recovery/active', {});
  };
  const handlers = Object.fromEntries((Object.keys(methods) as MethodName[]).map((name) => [name, refuse])) as unknown as Handlers;
  return {
    ...handlers,
    'recovery.status': () => mode.status(),
    'recovery.restore': ({ fileName }, ctx) => mode.restore(fileName, ctx),
  };
}
