import type { Reporter } from 'vitest/reporters';

export default class FlakyReporter implements Reporter {
  onTestCaseResult: NonNullable<Reporter['onTestCaseResult']>;
  onTestRunEnd(): void;
}
