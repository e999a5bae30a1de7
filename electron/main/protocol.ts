import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Core } from '../core/app.js';
import { sessionHeader } from '../core/contract/index.js';
import { AppError } from '../core/errors.js';
import { openForViewing, receiveUpload } from '../core/evidence/serving.js';
import { openPackage, packageRoute, verifyUploadedPackage } from '../core/seal/serving.js';
import { contentSecurityPolicy } from '../core/security.js';
import { appScheme } from './security-policy.js';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/**
 * The same file routes as the browser host: POST api/files (upload into the store), GET files/<sha256> (verified, inert),
 * GET packages/<hearingId> (a sealed case package) and POST api/packages/verify.
 */
async function serveEvidence(request: Request, pathname: string, core: Core): Promise<Response | undefined> {
  try {
    // Uploads change data: like every call, only from a signed-in, unlocked window (the token rides in a header).
    if (request.method === 'POST' && !core.operatorOf(request.headers.get(sessionHeader) ?? undefined)) {
      return json(401, { ok: false, error: { code: 'auth/signedOut', params: {} } });
    }
    if (pathname === '/api/files' && request.method === 'POST' && request.body) {
      const declared = Number(request.headers.get('content-length'));
      const name = new URL(request.url).searchParams.get('name') ?? '';
      const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
      const stored = await receiveUpload(core.db, core.files, source, name, Number.isFinite(declared) && declared > 0 ? declared : undefined);
      return json(200, { ok: true, value: stored });
    }
    if (pathname === '/api/packages/verify' && request.method === 'POST' && request.body) {
      return json(200, { ok: true, value: await verifyUploadedPackage(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream)) });
    }
    const sealed = packageRoute.exec(pathname);
    if (sealed) {
      const served = await openPackage(core.db, core.dataDir, sealed[1] as string, sealed[2] === undefined ? undefined : Number(sealed[2]));
      return new Response(Readable.toWeb(served.stream) as ReadableStream, { headers: served.headers });
    }
    const stored = /^\/files\/([0-9a-f]{64})$/.exec(pathname);
    if (stored) {
      const served = await openForViewing(core.db, core.files, stored[1] as string);
      return new Response(Readable.toWeb(served.stream) as ReadableStream, { headers: served.headers });
    }
  } catch (error) {
    if (error instanceof AppError)
      return json(error.code === 'file/missing' || error.code === 'file/corrupt' ? 404 : 400, { ok: false, error: error.toData() });
    throw error;
  }
  return undefined;
}

/** Serves the built renderer under app://hearing-desk/ with the app's CSP on every response, and the evidence files. */
export function serveRenderer(rendererDir: string, core: Core): void {
  const root = normalize(rendererDir);
  protocol.handle(appScheme, async (request) => {
    const pathname = decodeURIComponent(new URL(request.url).pathname);
    const evidence = await serveEvidence(request, pathname, core);
    if (evidence) return evidence;
    let file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    if (!mimeTypes[extname(file)]) file = join(root, 'index.html');
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': contentSecurityPolicy },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
