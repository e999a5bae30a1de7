import type { Result, SignedIn } from '../../../electron/core/contract/index.js';
import { sessionHeader } from '../../../electron/core/contract/index.js';

/** The office's administrator in every e2e data folder: the first run's account, holding all three roles. */
export const officeAdmin = { username: 'wangfang', displayName: '王芳', password: 'tingzheng-2026' } as const;

const tokens = new Map<string, string>();

async function call<T>(url: string, method: string, input: unknown, token?: string): Promise<Result<T>> {
  const response = await fetch(new URL('api/invoke', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { [sessionHeader]: token } : {}) },
    body: JSON.stringify({ method, input }),
  });
  return (await response.json()) as Result<T>;
}

/**
 * Signs the office administrator in on a running host, creating the account
 * on a fresh data folder, through the same methods the first-run and sign-in
 * screens call (their own tests drive those screens). Returns the session token.
 */
export async function signInAsAdmin(url: string): Promise<string> {
  const status = await call<{ needsSetup: boolean }>(url, 'auth.status', {});
  if (!status.ok) throw new Error(`auth.status failed: ${JSON.stringify(status.error)}`);
  const signedIn = status.value.needsSetup
    ? await call<SignedIn>(url, 'auth.setup', officeAdmin)
    : await call<SignedIn>(url, 'auth.signIn', { username: officeAdmin.username, password: officeAdmin.password });
  if (!signedIn.ok) throw new Error(`signing in failed: ${JSON.stringify(signedIn.error)}`);
  tokens.set(new URL(url).origin, signedIn.value.token);
  return signedIn.value.token;
}

/** The token the support signed in with on the host serving `url`, if any. */
export function tokenFor(url: string): string | undefined {
  return tokens.get(new URL(url).origin);
}

export function sessionHeaders(url: string): Record<string, string> {
  const token = tokenFor(url);
  return token ? { [sessionHeader]: token } : {};
}
