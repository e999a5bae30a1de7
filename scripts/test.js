import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.js';
import { failuresIn, flakyIn } from './test-failures.js';

/**
 * `npm test`: everything CI runs, in order, stopping at the first red stage.
 * Ends with the tests that passed only on a retry and those that failed, if any, and one plain
 * "N passed, N failed, N skipped" line for CI to read.
 *
 * The typecheck, the lint and the build read the sources and write nothing
 * the others read, and each is mostly one busy thread, so they run side by
 * side on the two cores; each one's output is printed whole when it ends.
 *
 * The tests run in two Vitest runs side by side. The browser, reliability and
 * Electron projects take one file at a time (each file drives a host and a
 * browser, see vitest.config.ts) and spend much of it waiting on them, so
 * the unit project runs beside them on one worker and fits in those waits;
 * the system run prints as it goes, the unit run's output is printed whole
 * when it ends.
 */
const testRuns = [
  {
    name: 'unit tests',
    live: false,
    report: 'build/test-report-unit.json',
    flakyReport: 'build/test-flaky-unit.json',
    args: ['--project', 'unit', '--maxWorkers=1'],
  },
  {
    name: 'e2e, reliability and Electron tests',
    live: true,
    report: 'build/test-report-system.json',
    flakyReport: 'build/test-flaky-system.json',
    args: ['--project', 'e2e', '--project', 'reliability', '--project', 'electron'],
  },
];

function vitest({ report, args }) {
  return ['npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, '--reporter=./scripts/flaky-reporter.js']];
}

const checks = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
];

const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** Runs a command with its output going straight to ours, resolving to its exit status. */
function runLive(command, args, env) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => console.error(error.message));
    child.on('close', (status) => resolveRun({ status, output: [] }));
  });
}

/** Runs a command with its output held back, resolving to its exit status and everything it printed, in order. */
function runQuietly(command, args, env) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
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
const failures = [];
const flaky = [];
// A report left by an earlier run must not stand in for a run that wrote none.
for (const { report, flakyReport } of testRuns) for (const path of [report, flakyReport]) rmSync(path, { force: true });
let failed = false;

console.log(`\n=== ${testRuns.map(({ name }) => name).join(' and ')} (side by side) ===`);
const testsStarted = Date.now();
const ran = await Promise.all(
  testRuns.map(async (testRun) => {
    const started = Date.now();
    const [command, args] = vitest(testRun);
    const result = await (testRun.live ? runLive : runQuietly)(command, args, { HEARING_DESK_FLAKY_REPORT: testRun.flakyReport });
    if (testRun.live) console.log(`=== ${testRun.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds(started)} ===`);
    return { ...testRun, ...result, took: seconds(started) };
  }),
);
for (const { name, live, status, output, took, report, flakyReport } of ran) {
  if (!live) {
    console.log(`\n=== ${name} ===`);
    for (const [stream, chunk] of output) stream.write(chunk);
    console.log(`=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${took} ===`);
  }
  // Both test runs go ahead whatever the other finds, so one report counts every test.
  failed ||= status !== 0;
  if (!existsSync(report)) {
    failed = true;
    continue;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  totals.skipped += results.numPendingTests + results.numTodoTests;
  failures.push(...failuresIn(results, process.cwd()));
  if (existsSync(flakyReport)) flaky.push(...flakyIn(JSON.parse(readFileSync(flakyReport, 'utf8')), process.cwd()));
}
console.log(`\n=== tests: ${seconds(testsStarted)} in all ===`);
if (flaky.length > 0) {
  console.log(`\n=== passed only on a retry (${flaky.length}): flaky, to be fixed ===`);
  for (const each of flaky) console.log(each);
}
if (failures.length > 0) {
  console.log(`\n=== what failed (${failures.length}) ===`);
  for (const failure of failures) console.log(failure);
}

if (!findElectronBinary()) console.log('Electron e2e: skipped, no Electron binary on this machine (see test/electron).');
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
