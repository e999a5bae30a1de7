import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCore, type Core } from '../../../electron/core/app.js';
import type { Clock } from '../../../electron/core/clock.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/core/contract/index.js';
import type { Logger } from '../../../electron/core/router.js';
import type { PdfRenderer } from '../../../electron/core/seal/pdf.js';

export const resourcesDir = resolve(import.meta.dirname, '../../../resources');

export function tempDir(prefix = 'hearing-desk-unit-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A clock that stands still until told to move: audit times and created-at become predictable. */
export function fixedClock(iso = '2026-11-20T01:30:00.000Z'): Clock & { advance(ms: number): void; now(offsetMs?: number): Date } {
  let now = new Date(iso).getTime();
  return { now: (offsetMs: number = 0) => new Date(now + offsetMs), advance: (ms: number) => (now += ms) };
}

export interface TestCore extends Core {
  dataDir: string;
  loggedErrors: unknown[];
  /** Calls through the router like a shell would, and fails the test on a refusal. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** Without a PDF renderer unless one is given: LibreOffice takes seconds per package, and only its own tests need it. */
export function openTestCore(dataDir: string = tempDir(), clock: Clock = fixedClock(), pdf: PdfRenderer | null = null): TestCore {
  const loggedErrors: unknown[] = [];
  const logger: Logger = { error: (_message, error) => loggedErrors.push(error) };
  const core = openCore({ dataDir, resourcesDir, clock, logger, pdf });
  return {
    ...core,
    dataDir,
    loggedErrors,
    async ok(method, input) {
      const result = await core.router.invoke(method, input, { actor: 'test' });
      if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
  };
}

/** Calls a method that must be refused and returns the refusal; a test fails if the core accepts it. */
export async function refusal(core: TestCore, method: string, input: unknown) {
  const result = await core.router.invoke(method, input, { actor: 'test' });
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}

/**
 * Creates the office's administrator, as the first-run screen does, and
 * returns their session token: for tests that call the core as a window (the
 * hosts' HTTP routes) rather than as a trusted caller.
 */
export async function administratorSession(core: Core): Promise<string> {
  const result = await core.router.invoke('auth.setup', { username: 'wangfang', displayName: '王芳', password: 'tingzheng-2026' }, { session: null });
  if (!result.ok) throw new Error(`auth.setup refused: ${JSON.stringify(result.error)}`);
  return (result.value as { token: string }).token;
}
