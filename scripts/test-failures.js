import { relative } from 'node:path';

const linesKept = 6;

/** The first lines of a failure message, indented under its test, without the terminal's colours. */
function firstLines(message) {
  return message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, linesKept)
    .map((line) => `    ${line}`)
    .join('\n');
}

/**
 * Each failed test, and each file that failed outside its tests (an import error, a hook), with the first lines of
 * why, from a Vitest JSON report. `npm test` prints them last: CI shows only the tail of a long log, and what failed
 * is what a reader of that tail needs.
 */
export function failuresIn(report, root) {
  return report.testResults.flatMap((file) => {
    const where = relative(root, file.name);
    const failedTests = file.assertionResults.filter(({ status }) => status === 'failed');
    const failures = failedTests.map(({ fullName, failureMessages }) => `✗ ${where} > ${fullName}\n${firstLines(failureMessages.join('\n'))}`);
    if (file.status === 'failed' && failedTests.length === 0) failures.push(`✗ ${where}\n${firstLines(file.message || 'failed')}`);
    return failures;
  });
}

/** Each test that passed only on a retry (see flaky-reporter.js), with the first lines of why it failed before. */
export function flakyIn(flaky, root) {
  return flaky.map(({ file, name, retries, errors }) => `~ ${relative(root, file)} > ${name} (passed on retry ${retries})\n${firstLines(errors.join('\n'))}`);
}
