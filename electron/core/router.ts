import { z } from 'zod';
import { isMethodName, methods, type MethodName, type MethodOutput, type ParsedInput, type Result } from './contract/index.js';
import { toValidationIssues, validationErrorMap } from './contract/validation.js';
import { storageFailure } from './db/failures.js';
import type { Operator } from './contract/accounts.js';
import { AppError } from './errors.js';

/**
 * Who is calling, as a shell hands it over: its own trusted caller by name
 * (the command line, tests, the sample builder), or a window with the session
 * token it holds (null before anyone signs in).
 */
export type Caller = { actor: string } | { session: string | null };

/** Who is calling, as the handlers see it: the audit log records `actor`. */
export interface CallContext {
  actor: string;
  /** The window's session token, for the methods that act on the session itself. */
  session?: string;
  user?: Operator;
}

/** Trusted callers only: what a router without accounts (the sample builder's, tests') accepts. */
const trustedOnly = (_method: MethodName, caller: Caller): CallContext => {
  if ('actor' in caller) return { actor: caller.actor };
  throw new AppError('auth/signedOut', {});
};

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface Logger {
  error(message: string, error: unknown): void;
}

export interface Router {
  invoke(method: unknown, input: unknown, caller: Caller): Promise<Result<unknown>>;
}

/**
 * The one entry point of the core. Every shell hands it untrusted input;
 * it validates against the contract and never lets an exception escape as
 * anything but `{ ok: false }`. Who may call is decided first, before the
 * input is even read (the operator accounts); a guard then sees each
 * validated call before its handler (the finalized-record lock).
 */
export function createRouter(
  handlers: Handlers,
  logger: Logger,
  guard: (method: MethodName, input: unknown) => void = () => undefined,
  authorize: (method: MethodName, caller: Caller) => CallContext = trustedOnly,
): Router {
  return {
    async invoke(method, input, caller) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'contract/unknownMethod', params: { method: String(method).slice(0, 100) } } };
      }
      try {
        const ctx = authorize(method, caller);
        // Inside the try: a refinement or transform that throws on odd input must not escape as an exception.
        const parsed = methods[method].input.safeParse(input, { error: validationErrorMap });
        if (!parsed.success) {
          return { ok: false, error: { code: 'validation', params: { issues: toValidationIssues(parsed.error) } } };
        }
        guard(method, parsed.data);
        const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
        const value = await handler(parsed.data, ctx);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        if (error instanceof z.ZodError) {
          return { ok: false, error: { code: 'validation', params: { issues: toValidationIssues(error) } } };
        }
        logger.error(`${method} failed`, error);
        // A full or read-only disk is the machine's state, not a bug: the user can act on it, so it is named.
        return { ok: false, error: storageFailure(error)?.toData() ?? { code: 'internal', params: {} } };
      }
    },
  };
}
