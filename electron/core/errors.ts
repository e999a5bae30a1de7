import type { AppErrorData, ErrorCode, ErrorParams } from './contract/errors.js';

/** Thrown by services for a refusal the user should read; the router turns it into data. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toData(): AppErrorData {
    return { code: this.code, params: this.params };
  }
}
