import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.js';

/**
 * `npm test`: everything CI runs, in order, stopping at the first red step.
 * Ends with one plain "N passed, N failed, N skipped" line for CI to read.
 */
const report = 'build/test-report.json';
const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]],
];

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (name === 'tests') {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    if (!findElectronBinary()) console.log('Electron e2e: skipped, no Electron binary on this machine (see test/electron).');
    console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`);
  }
  if (run.status !== 0) process.exit(run.status ?? 1);
}
