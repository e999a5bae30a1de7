import { describe, expect, it } from 'vitest';
import { testClockFromEnvironment, testClockVariable } from '../../../electron/host/test-clock.js';

describe('the e2e tests’ clock for the browser host', () => {
  it('is the system clock moved by the variable, still running', async () => {
    const offsetMs = Date.parse('2026-11-26T01:00:00.000Z') - Date.now();
    const clock = testClockFromEnvironment({ [testClockVariable]: String(offsetMs) });
    const first = clock!.now().getTime();
    expect(Math.abs(first - Date.parse('2026-11-26T01:00:00.000Z'))).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock!.now().getTime()).toBeGreaterThan(first);
  });

  it('is absent unless the variable is set, so the app runs on the system clock', () => {
    expect(testClockFromEnvironment({})).toBeUndefined();
    expect(testClockFromEnvironment({ [testClockVariable]: '' })).toBeUndefined();
  });

  it('refuses a value that is not a whole number of milliseconds rather than run on a wrong clock', () => {
    expect(() => testClockFromEnvironment({ [testClockVariable]: '2026-11-26' })).toThrow(testClockVariable);
    expect(() => testClockFromEnvironment({ [testClockVariable]: '1.5' })).toThrow(testClockVariable);
  });
});
