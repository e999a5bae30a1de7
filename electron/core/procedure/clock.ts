/** Time on a clock that can be paused: what was accumulated, plus the run since it last started. */
export function runningMs(accumulatedMs: number, runningSince: string | null, now: Date): number {
  return accumulatedMs + (runningSince ? Math.max(0, now.getTime() - new Date(runningSince).getTime()) : 0);
}

/** Stops a running clock, folding the current run into the accumulated time. */
export function paused<T extends { runningSince: string | null }>(
  clock: T,
  accumulated: (value: T) => number,
  now: Date,
): { accumulatedMs: number; runningSince: null } {
  return { accumulatedMs: runningMs(accumulated(clock), clock.runningSince, now), runningSince: null };
}

/** When the speaker is warned: the last 30 seconds, or the last fifth of a short turn. */
export function warningMsFor(limitMs: number): number {
  return Math.min(30_000, Math.round(limitMs * 0.2));
}
