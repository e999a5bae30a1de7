import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Core } from '../core/app.js';
import type { Result } from '../core/contract/index.js';
import { contentSecurityPolicy } from '../core/security.js';
import { checkLanRequest, isLanMethod, isLocalRequest, lanAddresses, lanUrls } from './lan.js';
import { packageRoute } from '../core/seal/serving.js';
import { handlePackage, handleStoredFile, handleUpload, handleVerify } from './files.js';
import { followSession, sessionOf } from './session.js';
import { resolveStaticFile, sendFile } from './static.js';

export interface HostOptions {
  core: Core;
  /** The built renderer (build/renderer). */
  staticDir: string;
  port: number;
  /**
   * Serve the read-only follow view to the room's network (`serve --lan`):
   * listen on every interface, demand `token` from anyone but this machine's
   * own loopback, and let the network call only `lan: true` methods.
   * `addresses` are the LAN addresses the host answers to (default: this
   * machine's non-internal IPv4 addresses).
   */
  lan?: { token: string; addresses?: readonly string[] };
}

export interface RunningHost {
  /** The loopback address, for this computer's browser. */
  url: string;
  /** The address the server is bound to: 127.0.0.1, or 0.0.0.0 in LAN mode. */
  bindAddress: string;
  /** In LAN mode, one address per LAN address, token included; otherwise empty. */
  lanUrls: string[];
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const loopbackAddress = '127.0.0.1';

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function badRequest(reason: string): Result<never> {
  return { ok: false, error: { code: 'contract/badRequest', params: { reason } } };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolveBody(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The browser host: the built renderer and the core's router over HTTP, for
 * tests, development and screens other than the Electron window. It listens on
 * loopback only, and refuses requests whose Host or Origin is not its own, so
 * neither a web page in the user's browser nor a DNS-rebinding trick can call it.
 * In LAN mode (see lan.ts) it also answers the room network, token first.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const staticRoot = resolve(options.staticDir);
  const lan = options.lan;
  const bindAddress = lan ? '0.0.0.0' : loopbackAddress;
  const lanHostAddresses = lan ? [...(lan.addresses ?? lanAddresses())] : [];
  let allowedHosts = new Set<string>();
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('host request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', params: {} } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendJson(res, 421, badRequest('host'));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, badRequest('origin'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const fromLan = lan !== undefined && !isLocalRequest(req, port);
    if (lan) {
      const decision = checkLanRequest(req, url, lan.token, port);
      if (decision.action === 'refuse') return sendJson(res, 401, badRequest('token'));
      if (decision.setCookie) res.setHeader('Set-Cookie', decision.setCookie);
      if (decision.action === 'redirect') {
        res.writeHead(303, { ...securityHeaders, Location: decision.location, 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
    }

    if (path === '/api/invoke') {
      if (req.method !== 'POST') return sendJson(res, 405, badRequest('method'));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, badRequest('contentType'));
      const body = await readBody(req);
      if (body === undefined) return sendJson(res, 413, badRequest('tooLarge'));
      let call: { method?: unknown; input?: unknown };
      try {
        call = JSON.parse(body) as { method?: unknown; input?: unknown };
      } catch {
        return sendJson(res, 400, badRequest('json'));
      }
      if (typeof call !== 'object' || call === null) return sendJson(res, 400, badRequest('json'));
      if (fromLan && !isLanMethod(call.method)) return sendJson(res, 403, badRequest('lan'));
      const result = await options.core.router.invoke(call.method, call.input, { session: sessionOf(req) ?? null });
      followSession(res, call.method, result);
      return sendJson(res, 200, result);
    }

    if (path === '/api/events') {
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      const unsubscribe = options.core.events.on((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      return;
    }

    // Beside the router, the same rule: a signed-in operator, or nothing.
    const signedIn = () => options.core.operatorOf(sessionOf(req)) !== undefined;
    const signedOut = () => sendJson(res, 401, { ok: false, error: { code: 'auth/signedOut', params: {} } });

    if (path === '/api/files') {
      if (fromLan) return sendJson(res, 403, badRequest('lan'));
      if (!signedIn()) return signedOut();
      if (req.method !== 'POST') return sendJson(res, 405, badRequest('method'));
      return handleUpload(req, url, options.core, (status, body) => sendJson(res, status, body));
    }
    if (path === '/api/packages/verify') {
      if (fromLan) return sendJson(res, 403, badRequest('lan'));
      if (!signedIn()) return signedOut();
      if (req.method !== 'POST') return sendJson(res, 405, badRequest('method'));
      return handleVerify(req, (status, body) => sendJson(res, status, body));
    }
    const sealed = packageRoute.exec(path);
    if (sealed) {
      if (fromLan) return sendJson(res, 403, badRequest('lan'));
      if (!signedIn()) return signedOut();
      const addendum = sealed[2] === undefined ? undefined : Number(sealed[2]);
      return handlePackage(res, sealed[1] as string, addendum, options.core, (status, body) => sendJson(res, status, body));
    }
    const stored = /^\/files\/([0-9a-f]{64})$/.exec(path);
    // What the public display shows may be fetched by anyone who may see the display; the rest needs an operator.
    if (stored) return handleStoredFile(res, stored[1] as string, options.core, fromLan || !signedIn(), (status, body) => sendJson(res, status, body));

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, badRequest('method'));
    const file = resolveStaticFile(staticRoot, path === '/' ? '/index.html' : path) ?? resolveStaticFile(staticRoot, '/index.html');
    if (!file) {
      sendJson(res, 404, badRequest('notFound'));
      return;
    }
    sendFile(res, file, securityHeaders);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, bindAddress, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${loopbackAddress}:${port}`, `localhost:${port}`, ...lanHostAddresses.map((address) => `${address}:${port}`)]);

  return {
    url: `http://${loopbackAddress}:${port}/`,
    bindAddress,
    lanUrls: lan ? lanUrls(lanHostAddresses, port, lan.token) : [],
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

export function staticDirFor(appRoot: string): string {
  return join(appRoot, 'build', 'renderer');
}
