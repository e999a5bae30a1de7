import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A test that holds a whole hearing to its sealed package takes 2–4 s here, on the one core the unit run gets
          // beside the browser tests; Vitest's 5 s default would fail it on a slower day, so only a hang fails.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // A loaded two-core machine can take seconds to render a screen; polls wait for it rather than fail.
          expect: { poll: { timeout: 10_000, interval: 50 } },
          // Two cores: one browser at a time keeps timings honest and the machine responsive.
          fileParallelism: false,
          // A screen that misses its moment once on a loaded machine is tried again, not taken for a broken feature;
          // npm test lists every test that needed it (scripts/flaky-reporter.js), so a flaky one is still seen and fixed.
          retry: 1,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
