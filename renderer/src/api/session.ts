/**
 * The window's session token. Kept in sessionStorage: it survives a reload of
 * this window and is handed to the chair's and the parties' windows this one
 * opens, but not to another tab, and it dies with the window.
 */
const storageKey = 'hearing-desk-session';

export function sessionToken(): string | null {
  return sessionStorage.getItem(storageKey);
}

export function keepSession(token: string): void {
  sessionStorage.setItem(storageKey, token);
}

export function forgetSession(): void {
  sessionStorage.removeItem(storageKey);
}

/** The print page a PDF renderer loads brings its one-job token in the address (printPage.hash). */
export function adoptGrantFromAddress(hash: string): void {
  const grant = /[?&]grant=([A-Za-z0-9_-]{20,100})(?:&|$)/.exec(hash)?.[1];
  if (grant) keepSession(grant);
}

export type AuthLoss = 'signedOut' | 'locked';
const listeners = new Set<(loss: AuthLoss) => void>();

/** The gate listens: whichever screen's call found the session gone or locked, the whole window follows. */
export function onAuthLoss(listener: (loss: AuthLoss) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportAuthLoss(code: string): void {
  if (code === 'auth/signedOut' || code === 'auth/locked') for (const listener of listeners) listener(code === 'auth/locked' ? 'locked' : 'signedOut');
}

const resumedListeners = new Set<() => void>();

/** After an unlock or a new sign-in, screens that were refused while locked ask again. */
export function onSessionResumed(listener: () => void): () => void {
  resumedListeners.add(listener);
  return () => resumedListeners.delete(listener);
}

export function announceSessionResumed(): void {
  for (const listener of resumedListeners) listener();
}
