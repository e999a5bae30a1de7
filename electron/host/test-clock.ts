import type { Clock } from '../core/clock.js';

/**
 * For the e2e tests only (test/e2e/support/clock.ts): their fixtures are dated
 * (a sitting on 8 December 2026, an application of 1 September) and the
 * deadlines the host shows depend on today, so the tests run the host, the page
 * and themselves on one clock set to a fixed morning. The clock keeps running
 * from there: speech timers, idle locks and sign-in waits behave as they do in
 * the room. Nobody else sets this variable; without it the host runs on the
 * system clock.
 */
export const testClockVariable = 'HEARING_DESK_TEST_CLOCK_OFFSET_MS';

/** The system clock moved by the variable's milliseconds, or undefined when it is not set. */
export function testClockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock | undefined {
  const value = env[testClockVariable];
  if (value === undefined || value === '') return undefined;
  const offsetMs = Number(value);
  if (!Number.isSafeInteger(offsetMs)) throw new Error(`${testClockVariable} must be a whole number of milliseconds, not "${value}"`);
  return { now: () => new Date(Date.now() + offsetMs) };
}
