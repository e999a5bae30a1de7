export interface VitestJsonReport {
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

export function failuresIn(report: VitestJsonReport, root: string): string[];

export interface FlakyTest {
  file: string;
  name: string;
  retries: number;
  errors: string[];
}

export function flakyIn(flaky: FlakyTest[], root: string): string[];
