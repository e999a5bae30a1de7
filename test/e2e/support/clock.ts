import type { BrowserContext } from 'playwright-core';
import { testClockVariable } from '../../../electron/host/test-clock.js';

/**
 * The morning the e2e tests happen on, in the hearing room's time (Nanning,
 * UTC+8): a Thursday before the fixtures' sittings (王建平 on 8 December,
 * 李秀英 on 15 December), after the applications they answer. Deadlines and
 * "overdue" are judged against it, so the tests read the same in any year.
 */
export const e2eMorning = '2026-11-26T09:00:00+08:00';

/**
 * How far the tests' clock is from the system clock. The host, every page and
 * the test itself run on it, so they agree on the time to the millisecond,
 * and it keeps running: speech timers and idle locks behave as in the room.
 */
const offsetMs = Date.parse(e2eMorning) - Date.now();

/** Now on the tests' clock: for the times a test sends as a window would (a speech's start). */
export function e2eNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The environment that puts a host started by the tests on their clock (electron/host/test-clock.ts). */
export function hostClockEnvironment(): Record<string, string> {
  return { [testClockVariable]: String(offsetMs) };
}

/**
 * Puts every page of the context on the tests' clock before its scripts run.
 * Only Date moves: Playwright's own clock would also replace the timers the
 * screens and the speech clock rely on.
 */
export async function usePageClock(context: BrowserContext): Promise<void> {
  await context.addInitScript((shiftMs: number) => {
    const SystemDate = Date;
    const now = () => SystemDate.now() + shiftMs;
    function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
      if (!new.target) return new SystemDate(now()).toString();
      return args.length === 0 ? new SystemDate(now()) : new (SystemDate as new (...values: unknown[]) => Date)(...args);
    }
    ShiftedDate.prototype = SystemDate.prototype;
    ShiftedDate.now = now;
    ShiftedDate.parse = SystemDate.parse;
    ShiftedDate.UTC = SystemDate.UTC;
    globalThis.Date = ShiftedDate as unknown as DateConstructor;
  }, offsetMs);
}
