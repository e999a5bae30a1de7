import type { Clock } from '../clock.js';

/** Failures allowed before a wait; then 1 s, 2 s, 4 s … up to a minute per further try. */
const freeFailures = 3;
const maxWaitMs = 60_000;

/**
 * Slows down guessing by name. Kept in memory: a restart clears it, but a
 * restart takes longer than the waits it would skip.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; retryAt: number }>();

  constructor(private readonly clock: Clock) {}

  /** Seconds until this name may try again; 0 when it may now. */
  waitSeconds(username: string): number {
    const entry = this.failures.get(username.toLowerCase());
    if (!entry) return 0;
    return Math.max(0, Math.ceil((entry.retryAt - this.clock.now().getTime()) / 1000));
  }

  failed(username: string): void {
    const key = username.toLowerCase();
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const wait = count < freeFailures ? 0 : Math.min(maxWaitMs, 1000 * 2 ** (count - freeFailures));
    this.failures.set(key, { count, retryAt: this.clock.now().getTime() + wait });
  }

  succeeded(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}
