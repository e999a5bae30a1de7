import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.js';

/**
 * `npm test`: everything CI runs, in order, stopping at the first red step.
 * Ends with one plain "N passed, N failed, N skipped" line for CI to read.
 *
 * The tests run in two Vitest runs: the unit project on both cores, then the
 * browser, reliability and Electron projects one file at a time. In one run,
 * the projects that must not share the machine (fileParallelism: false) hold
 * every project to a single worker.
 */
const testRuns = [
  { report: 'build/test-report-unit.json', args: ['--project', 'unit', '--maxWorkers=2'] },
  { report: 'build/test-report-system.json', args: ['--project', 'e2e', '--project', 'reliability', '--project', 'electron'] },
];

function vitest({ report, args }) {
  return ['npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]];
}

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['unit tests', ...vitest(testRuns[0])],
  ['e2e, reliability and Electron tests', ...vitest(testRuns[1])],
];

const totals = { passed: 0, failed: 0, skipped: 0 };
// A report left by an earlier run must not stand in for a run that wrote none.
for (const { report } of testRuns) rmSync(report, { force: true });
let failed = false;

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  const testRun = testRuns.find((candidate) => args.includes(`--outputFile.json=${candidate.report}`));
  if (testRun) {
    // Both test runs go ahead whatever the first found, so one report counts every test.
    failed ||= run.status !== 0;
    if (!existsSync(testRun.report)) {
      failed = true;
      continue;
    }
    const results = JSON.parse(readFileSync(testRun.report, 'utf8'));
    totals.passed += results.numPassedTests;
    totals.failed += results.numFailedTests;
    totals.skipped += results.numPendingTests + results.numTodoTests;
    continue;
  }
  if (run.status !== 0) process.exit(run.status ?? 1);
}

if (!findElectronBinary()) console.log('Electron e2e: skipped, no Electron binary on this machine (see test/electron).');
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
