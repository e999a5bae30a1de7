import type { Ratio } from '../../../../electron/core/contract/index.js';

/** A rate as a percentage with one decimal, or null where nothing was counted (the screen then shows —). */
export function percentOf({ numerator, denominator }: Ratio): string | null {
  return denominator === 0 ? null : `${((numerator / denominator) * 100).toFixed(1)}%`;
}

/** Minutes with one decimal, from the clocks' milliseconds. */
export function minutesOf(ms: number): number {
  return Math.round(ms / 6000) / 10;
}

/** An average with one decimal, or null over nothing. */
export function averageOf(total: number, count: number): number | null {
  return count === 0 ? null : Math.round((total / count) * 10) / 10;
}
