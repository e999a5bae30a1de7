import { describe, expect, it } from 'vitest';
import { benchStatus, result, runBenchmarks, type Benchmark } from '../../../scripts/bench/harness.js';

function benchmark(name: string, value: number, baseline: number): Benchmark {
  return { name, run: async () => result(name, value, baseline, 'ms', 1.5) };
}

const broken: Benchmark = {
  name: 'renderer.open',
  run: async () => {
    throw new Error('Chromium did not start');
  },
};

async function run(benchmarks: Benchmark[], only?: string) {
  const results: string[] = [];
  const notes: string[] = [];
  const status = await runBenchmarks(benchmarks, { quick: true, only }, { result: (line) => results.push(line), note: (line) => notes.push(line) });
  return { status, results: results.map((line) => JSON.parse(line) as { name: string; pass: boolean }), notes };
}

describe('a bench run', () => {
  it('exits 0 and prints one JSON line per benchmark when every target is met', async () => {
    const outcome = await run([benchmark('hearing.create', 1.9, 3.6), benchmark('minutes.append', 0.7, 0.5)]);
    expect(outcome.status).toBe(benchStatus.met);
    expect(outcome.results).toEqual([
      expect.objectContaining({ name: 'hearing.create', pass: true }),
      expect.objectContaining({ name: 'minutes.append', pass: true }),
    ]);
  });

  it('exits 1 and names the benchmark when a target is missed', async () => {
    const outcome = await run([benchmark('evidence.import', 877, 183), benchmark('hearing.create', 1.9, 3.6)]);
    expect(outcome.status).toBe(benchStatus.missed);
    expect(outcome.results.map((line) => line.pass)).toEqual([false, true]);
    expect(outcome.notes).toContain('bench: target missed by evidence.import');
  });

  it('exits 2 when a benchmark cannot run, and still runs the ones after it', async () => {
    const outcome = await run([broken, benchmark('evidence.import', 877, 183), benchmark('documents.record', 150, 138)]);
    expect(outcome.status).toBe(benchStatus.broken);
    expect(outcome.results.map((line) => line.name)).toEqual(['evidence.import', 'documents.record']);
    expect(outcome.notes.some((line) => line.startsWith('renderer.open could not run: Error: Chromium did not start'))).toBe(true);
    expect(outcome.notes).toContain('bench: could not run renderer.open');
  });

  it('runs only the benchmark named by --only', async () => {
    const outcome = await run([benchmark('hearing.create', 1.9, 3.6), benchmark('evidence.import', 877, 183)], 'hearing.create');
    expect(outcome.results.map((line) => line.name)).toEqual(['hearing.create']);
    expect(outcome.status).toBe(benchStatus.met);
  });
});
