import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionHeader, type Result } from '../core/contract/index.js';
import { parseCookies } from './lan.js';

/**
 * The same token as an HttpOnly cookie, for what a page fetches without
 * script: an evidence picture, a package download.
 */
export const sessionCookieName = 'hd_session';

export function sessionOf(req: IncomingMessage): string | undefined {
  const header = req.headers[sessionHeader];
  if (typeof header === 'string' && header.length > 0) return header;
  return parseCookies(req.headers.cookie).get(sessionCookieName);
}

/** Signing in or setting up sets the cookie; signing out clears it. */
export function followSession(res: ServerResponse, method: unknown, result: Result<unknown>): void {
  if (!result.ok) return;
  if (method === 'auth.signIn' || method === 'auth.setup') {
    const { token } = result.value as { token: string };
    appendCookie(res, `${sessionCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
  } else if (method === 'auth.signOut') {
    appendCookie(res, `${sessionCookieName}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
  }
}

function appendCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader('Set-Cookie');
  const cookies = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('Set-Cookie', [...cookies, cookie]);
}
