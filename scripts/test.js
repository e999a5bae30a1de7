import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.js';

/**
 * `npm test`: everything CI runs, in order, stopping at the first red stage.
 * Ends with one plain "N passed, N failed, N skipped" line for CI to read.
 *
 * The typecheck, the lint and the build read the sources and write nothing
 * the others read, and each is mostly one busy thread, so they run side by
 * side on the two cores; each one's output is printed whole when it ends.
 *
 * The tests run in two Vitest runs: the unit project on both cores, then the
 * browser, reliability and Electron projects (see vitest.config.ts for how
 * many files of each run at once).
 */
const testRuns = [
  { report: 'build/test-report-unit.json', args: ['--project', 'unit', '--maxWorkers=2'] },
  { report: 'build/test-report-system.json', args: ['--project', 'e2e', '--project', 'reliability', '--project', 'electron'] },
];

function vitest({ report, args }) {
  return ['npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]];
}

const checks = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
];

const testSteps = [
  ['unit tests', ...vitest(testRuns[0])],
  ['e2e, reliability and Electron tests', ...vitest(testRuns[1])],
];

const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** Runs a command with its output held back, resolving to its exit status and everything it printed, in order. */
function runQuietly(command, args) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push([process.stdout, chunk]));
    child.stderr.on('data', (chunk) => output.push([process.stderr, chunk]));
    child.on('error', (error) => output.push([process.stderr, Buffer.from(`${error.message}\n`)]));
    child.on('close', (status) => resolveRun({ status, output }));
  });
}

// The checks before any test: a red one stops here, after all three have said what they found.
console.log(`\n=== ${checks.map(([name]) => name).join(', ')} (side by side) ===`);
const checksStarted = Date.now();
const checked = await Promise.all(
  checks.map(async ([name, command, args]) => {
    const started = Date.now();
    const result = await runQuietly(command, args);
    return { name, ...result, took: seconds(started) };
  }),
);
for (const { name, status, output, took } of checked) {
  console.log(`\n=== ${name} ===`);
  for (const [stream, chunk] of output) stream.write(chunk);
  console.log(`=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${took} ===`);
}
console.log(`\n=== checks: ${seconds(checksStarted)} in all ===`);
const failedCheck = checked.find(({ status }) => status !== 0);
if (failedCheck) process.exit(failedCheck.status ?? 1);

const totals = { passed: 0, failed: 0, skipped: 0 };
// A report left by an earlier run must not stand in for a run that wrote none.
for (const { report } of testRuns) rmSync(report, { force: true });
let failed = false;

for (const [name, command, args] of testSteps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${seconds(started)} ===`);
  const testRun = testRuns.find((candidate) => args.includes(`--outputFile.json=${candidate.report}`));
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
}

if (!findElectronBinary()) console.log('Electron e2e: skipped, no Electron binary on this machine (see test/electron).');
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
