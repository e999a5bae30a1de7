import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import FlakyReporter from '../../../scripts/flaky-reporter.js';
import { failuresIn, flakyIn, type FlakyTest, type VitestJsonReport } from '../../../scripts/test-failures.js';

const passed = { fullName: 'the clerk signs in', status: 'passed', failureMessages: [] };

describe('what npm test prints last about failures', () => {
  it('names each failed test by file and full name, with the first lines of why, without terminal colours', () => {
    const report: VitestJsonReport = {
      testResults: [
        {
          name: '/repo/test/e2e/minutes.test.ts',
          status: 'failed',
          message: '',
          assertionResults: [
            passed,
            {
              fullName: 'live minutes keeps every entry',
              status: 'failed',
              failureMessages: [
                '\u001b[31mAssertionError: expected 3 to be 4\u001b[39m\n\n    at minutes.test.ts:12:5\n    at a\n    at b\n    at c\n    at d\n    at e',
              ],
            },
          ],
        },
        { name: '/repo/test/e2e/display.test.ts', status: 'passed', message: '', assertionResults: [passed] },
      ],
    };
    expect(failuresIn(report, '/repo')).toEqual([
      [
        '✗ test/e2e/minutes.test.ts > live minutes keeps every entry',
        '    AssertionError: expected 3 to be 4',
        '        at minutes.test.ts:12:5',
        '        at a',
        '        at b',
        '        at c',
        '        at d',
      ].join('\n'),
    ]);
  });

  it('names a file that failed before or around its tests, with its message', () => {
    const report: VitestJsonReport = {
      testResults: [{ name: '/repo/test/reliability/crash.test.ts', status: 'failed', message: 'Hook timed out in 10000ms.', assertionResults: [] }],
    };
    expect(failuresIn(report, '/repo')).toEqual(['✗ test/reliability/crash.test.ts\n    Hook timed out in 10000ms.']);
  });

  it('has nothing to say of a run that passed', () => {
    expect(failuresIn({ testResults: [{ name: '/repo/test/unit/a.test.ts', status: 'passed', message: '', assertionResults: [passed] }] }, '/repo')).toEqual(
      [],
    );
  });
});

describe('what npm test prints last about tests that passed only on a retry', () => {
  it('names each, how many retries it took, and why it failed before', () => {
    const flaky: FlakyTest[] = [
      {
        file: '/repo/test/e2e/minutes.test.ts',
        name: 'live minutes > writes the procedure into the record',
        retries: 1,
        errors: ["TimeoutError: locator.fill: Timeout 30000ms exceeded.\nCall log:\n  - waiting for getByLabel('关联性方面的理由')"],
      },
    ];
    expect(flakyIn(flaky, '/repo')).toEqual([
      [
        '~ test/e2e/minutes.test.ts > live minutes > writes the procedure into the record (passed on retry 1)',
        '    TimeoutError: locator.fill: Timeout 30000ms exceeded.',
        '    Call log:',
        "      - waiting for getByLabel('关联性方面的理由')",
      ].join('\n'),
    ]);
  });
});

describe('the flaky reporter', () => {
  const testCase = (name: string, flaky: boolean, errors: string[]) => ({
    fullName: name,
    module: { moduleId: `/repo/test/e2e/${name}.test.ts` },
    diagnostic: () => ({ flaky, retryCount: flaky ? 1 : 0 }),
    result: () => ({ state: 'passed', errors: errors.map((message) => ({ message })) }),
  });

  it('writes down the tests that passed only on a retry, with their earlier errors, to the file it is given', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hearing-desk-flaky-')), 'build', 'flaky.json');
    const previous = process.env.HEARING_DESK_FLAKY_REPORT;
    process.env.HEARING_DESK_FLAKY_REPORT = path;
    try {
      const reporter = new FlakyReporter();
      reporter.onTestCaseResult(testCase('display', false, []) as never);
      reporter.onTestCaseResult(testCase('minutes', true, ['expected 0 to be 1']) as never);
      reporter.onTestRunEnd();
    } finally {
      if (previous === undefined) delete process.env.HEARING_DESK_FLAKY_REPORT;
      else process.env.HEARING_DESK_FLAKY_REPORT = previous;
    }
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([
      { file: '/repo/test/e2e/minutes.test.ts', name: 'minutes', retries: 1, errors: ['expected 0 to be 1'] },
    ]);
  });
});
