import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A Vitest reporter that writes down each test that passed only on a retry, with why its earlier attempts failed,
 * to the JSON file named by HEARING_DESK_FLAKY_REPORT. A retry keeps one slow moment of a loaded machine from
 * failing a run; this keeps the flaky test from passing unnoticed: `npm test` prints the list at its end.
 */
export default class FlakyReporter {
  flaky = [];

  onTestCaseResult(testCase) {
    if (!testCase.diagnostic()?.flaky) return;
    this.flaky.push({
      file: testCase.module.moduleId,
      name: testCase.fullName,
      retries: testCase.diagnostic().retryCount,
      errors: (testCase.result().errors ?? []).map((error) => error.message),
    });
  }

  onTestRunEnd() {
    const path = process.env.HEARING_DESK_FLAKY_REPORT;
    if (!path) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(this.flaky, null, 2));
  }
}
