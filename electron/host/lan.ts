import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import { isMethodName, methods, type LanInfo } from '../core/contract/index.js';

/**
 * The read-only follow view on the room's network (off unless `serve --lan`).
 * A screen on the network must show the access token, once in the address
 * (`?token=`, then kept in an HttpOnly cookie) or as a bearer header, and may
 * then call only the methods the contract marks `lan: true`. The clerk's own
 * laptop, on loopback, keeps full access without a token.
 */

export const lanCookieName = 'hd_lan';

/** A fresh access token: 32 random bytes, base64url. */
export function createLanToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first gives both sides the same length whatever was sent. */
export function tokenMatches(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined || candidate === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(candidate)) && expected.length > 0;
}

/** The cookies of a `Cookie` header, by name; the first of two with one name wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    let value = part.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export function lanCookie(token: string): string {
  return `${lanCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** This machine's IPv4 addresses on a network (loopback left out). */
export function lanAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  const addresses: string[] = [];
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && !addresses.includes(entry.address)) addresses.push(entry.address);
    }
  }
  return addresses;
}

/** The addresses another screen opens, token included: one per LAN address. */
export function lanUrls(addresses: readonly string[], port: number, token: string): string[] {
  return addresses.map((address) => `http://${address}:${port}/?token=${encodeURIComponent(token)}`);
}

/** Whether the room network may call a method: only queries the contract marks `lan: true`. */
export function isLanMethod(name: unknown): boolean {
  if (!isMethodName(name)) return false;
  const spec: { kind: string; lan?: boolean } = methods[name];
  return spec.lan === true && spec.kind === 'query';
}

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The clerk's laptop itself: a connection from loopback that names the host by
 * its loopback name (and, when it sends one, from a loopback origin). Anything
 * else, a loopback connection addressed to a LAN name included, counts as the
 * room network.
 */
export function isLocalRequest(req: IncomingMessage, port: number): boolean {
  if (!loopbackAddresses.has(req.socket.remoteAddress ?? '')) return false;
  const localHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!localHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || localHosts.some((host) => origin === `http://${host}`);
}

export type LanDecision =
  /** The laptop, or a screen with a valid token: go on (`setCookie` to send along, if any). */
  | { action: 'allow'; setCookie?: string }
  /** A page opened with `?token=`: set the cookie and send the browser to the address without it (303). */
  | { action: 'redirect'; setCookie: string; location: string }
  /** No valid token (401). */
  | { action: 'refuse' };

/** Decides a request in LAN mode before any route sees it. */
export function checkLanRequest(req: IncomingMessage, url: URL, token: string, port: number): LanDecision {
  if (isLocalRequest(req, port)) return { action: 'allow' };
  const fromQuery = url.searchParams.get('token') ?? undefined;
  const fromCookie = parseCookies(req.headers.cookie).get(lanCookieName);
  const authorization = req.headers.authorization ?? '';
  const fromHeader = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (tokenMatches(token, fromQuery)) {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !url.pathname.startsWith('/api/');
    if (!isPage) return { action: 'allow', setCookie: lanCookie(token) };
    const rest = new URLSearchParams(url.searchParams);
    rest.delete('token');
    const query = rest.toString();
    // One leading slash only: "//host" would send the browser elsewhere.
    const path = `/${url.pathname.replace(/^\/+/, '')}`;
    return { action: 'redirect', setCookie: lanCookie(token), location: query ? `${path}?${query}` : path };
  }
  if (tokenMatches(token, fromCookie) || tokenMatches(token, fromHeader)) return { action: 'allow' };
  return { action: 'refuse' };
}

/** What `lan.info` answers in LAN mode: the first address and its QR code as SVG, computed once. */
export async function lanInfoFor(urls: readonly string[]): Promise<LanInfo> {
  const url = urls[0];
  if (url === undefined) return { enabled: true, url: null, qrSvg: null };
  return { enabled: true, url, qrSvg: await QRCode.toString(url, { type: 'svg' }) };
}

/** A QR code of `url` drawn with block characters, for the terminal. */
export function terminalQrCode(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true });
}
