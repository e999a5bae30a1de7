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

/**
 * Exit status of a bench run: 0 when every target is met, 1 when a
 * benchmark ran and missed its target, 2 when a benchmark could not run at
 * all. CI tells the two apart: a missed ratio on a shared machine is a figure
 * to read, a benchmark that no longer runs is a defect.
 */
export const benchStatus = { met: 0, missed: 1, broken: 2 } as const;

export interface BenchOutput {
  /** One JSON line per result, for machines. */
  result(line: string): void;
  /** Progress and diagnosis, for people. */
  note(line: string): void;
}

/** Runs each benchmark in turn (or only the one named), one failing never stopping the rest, and says how it went. */
export async function runBenchmarks(
  benchmarks: readonly Benchmark[],
  options: { quick: boolean; only?: string | undefined },
  output: BenchOutput,
): Promise<number> {
  const missed: string[] = [];
  const broken: string[] = [];
  for (const benchmark of benchmarks) {
    if (options.only && benchmark.name !== options.only) continue;
    const started = process.hrtime.bigint();
    try {
      const outcome = await benchmark.run({ quick: options.quick });
      if (!outcome.pass) missed.push(benchmark.name);
      output.result(JSON.stringify(outcome));
    } catch (error) {
      broken.push(benchmark.name);
      output.note(`${benchmark.name} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    output.note(`${benchmark.name}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  }
  if (broken.length > 0) output.note(`bench: could not run ${broken.join(', ')}`);
  if (missed.length > 0) output.note(`bench: target missed by ${missed.join(', ')}`);
  return broken.length > 0 ? benchStatus.broken : missed.length > 0 ? benchStatus.missed : benchStatus.met;
}
