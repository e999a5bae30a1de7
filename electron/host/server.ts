import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Core } from '../core/app.js';
import type { Result } from '../core/contract/index.js';
import type { CallContext } from '../core/router.js';
import { contentSecurityPolicy } from '../core/security.js';
import { resolveStaticFile, sendFile } from './static.js';

export interface HostOptions {
  core: Core;
  /** The built renderer (build/renderer). */
  staticDir: string;
  port: number;
  actor: string;
}

export interface RunningHost {
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const bindAddress = '127.0.0.1';

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
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const staticRoot = resolve(options.staticDir);
  const ctx: CallContext = { actor: options.actor };
  let allowedHosts = new Set<string>();

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
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;

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
      return sendJson(res, 200, await options.core.router.invoke(call.method, call.input, ctx));
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
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${bindAddress}:${port}`, `localhost:${port}`]);

  return {
    url: `http://${bindAddress}:${port}/`,
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
