import { describe, expect, it } from 'vitest';
import { failuresIn, type VitestJsonReport } from '../../../scripts/test-failures.js';

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
