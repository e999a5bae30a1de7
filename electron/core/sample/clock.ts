import type { Clock } from '../clock.js';

/** A clock the sample's script moves: it stands still between calls and never runs backwards. */
export interface ScriptClock extends Clock {
  set(at: Date): void;
}

export function scriptClock(start: Date): ScriptClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set(at) {
      if (at.getTime() < now) throw new Error(`the sample's clock cannot go back from ${new Date(now).toISOString()} to ${at.toISOString()}`);
      now = at.getTime();
    },
  };
}
