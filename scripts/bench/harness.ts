/**
 * Benchmarks report a figure beside a baseline measured in the same run, so
 * the verdict is a ratio that holds on any machine, never a wall-clock limit.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target: number;
  /** An absolute ceiling on `value` that must hold besides the ratio, when the issue sets one. */
  limit?: number;
  pass: boolean;
}

export interface Benchmark {
  name: string;
  run(options: { quick: boolean }): Promise<BenchResult>;
}

export function result(name: string, value: number, baseline: number, unit: string, target: number, limit?: number): BenchResult {
  const ratio = value / baseline;
  const common = { name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio), target };
  if (limit === undefined) return { ...common, pass: ratio <= target };
  return { ...common, limit, pass: ratio <= target && value <= limit };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Runs `body` `count` times and returns the mean milliseconds per call. */
export async function meanMs(count: number, body: (index: number) => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) await body(index);
  return Number(process.hrtime.bigint() - started) / 1e6 / count;
}

/** Milliseconds one run of `body` takes, by the monotonic clock. */
export async function elapsedMs(body: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The middle sample, or the mean of the two middle ones: one slow run (a GC pause, a busy disk) does not move it. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
