import { randomUUID } from 'node:crypto';
import type { OperationPhase } from '../contract/index.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';

/** Progress is told at most this often per operation, besides every change of phase: a folder of evidence files is thousands of entries. */
const reportEveryMs = 200;

export interface ProgressStep {
  phase: OperationPhase;
  done: number;
  total: number;
}

export interface RunningOperation {
  id: string;
  signal: AbortSignal;
  /** Reports a step to every window; the last phase before the end is always told, however soon it follows. */
  report(step: ProgressStep): void;
  /** From here on the operation cannot be stopped (a restore's swap): cancel answers false and windows hide the button. */
  commit(): void;
  /** Throws `backup/cancelled` if the operation was cancelled: called between entries. */
  check(): void;
  finish(): void;
}

/**
 * The long operations running in one app, by the id the window that started
 * each chose: what `backup.cancel` reaches. Shared by the cores a restore
 * opens one after the other, so a restore's id stays valid across the swap.
 */
export class Operations {
  private readonly running = new Map<string, { controller: AbortController; cancellable: boolean }>();

  start(bus: EventBus, operation: 'backup' | 'restore', id: string = randomUUID()): RunningOperation {
    if (this.running.has(id)) throw new AppError('validation', { issues: [{ path: 'operationId', key: 'validation.invalid', params: {} }] });
    const controller = new AbortController();
    const entry = { controller, cancellable: true };
    this.running.set(id, entry);
    let lastPhase: OperationPhase | undefined;
    let lastAt = 0;
    const emit = ({ phase, done, total }: ProgressStep) => {
      lastPhase = phase;
      lastAt = performance.now();
      bus.emit('operation.progress', { operationId: id, operation, phase, done, total, cancellable: entry.cancellable });
    };
    return {
      id,
      signal: controller.signal,
      report(step) {
        if (step.phase === lastPhase && step.done < step.total && performance.now() - lastAt < reportEveryMs) return;
        emit(step);
      },
      commit() {
        entry.cancellable = false;
      },
      check() {
        if (controller.signal.aborted) throw new AppError('backup/cancelled', {});
      },
      finish: () => {
        this.running.delete(id);
      },
    };
  }

  /** True when the operation was running and could still be stopped; it stops at its next check. */
  cancel(id: string): boolean {
    const entry = this.running.get(id);
    if (!entry?.cancellable || entry.controller.signal.aborted) return false;
    entry.controller.abort();
    return true;
  }
}
