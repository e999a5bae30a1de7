import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Core } from '../core/app.js';
import type { Result } from '../core/contract/index.js';
import { isPresentedPublicly } from '../core/db/evidence.js';
import { AppError } from '../core/errors.js';
import { openForViewing, receiveUpload } from '../core/evidence/serving.js';
import type { StoredFile } from '../core/files/store.js';
import { openPackage, verifyUploadedPackage } from '../core/seal/serving.js';

type Send = (status: number, body: unknown) => void;

function refusal(error: unknown): Result<never> | undefined {
  return error instanceof AppError ? { ok: false, error: error.toData() } : undefined;
}

/** POST /api/files?name=…: the raw bytes of one file, streamed into the store; answers its hash for evidence.attachFile. */
export async function handleUpload(req: IncomingMessage, url: URL, core: Core, send: Send): Promise<void> {
  const declared = Number(req.headers['content-length']);
  // The store may destroy what it reads on a refusal; a pass-through keeps the socket alive for the answer.
  const body = new PassThrough();
  req.pipe(body);
  // pipe() passes on no cut-off: without this, a cancelled or dropped upload left the copy waiting forever, its temporary file in the store.
  req.once('close', () => {
    if (!req.complete) body.destroy(new Error('the upload was cut off'));
  });
  try {
    const stored: StoredFile = await receiveUpload(
      core.db,
      core.files,
      body,
      url.searchParams.get('name') ?? '',
      Number.isFinite(declared) ? declared : undefined,
    );
    send(200, { ok: true, value: stored });
  } catch (error) {
    req.unpipe(body);
    req.resume();
    const known = refusal(error);
    if (!known) throw error;
    send(known.ok ? 200 : 400, known);
  }
}

/** GET /files/<sha256>: a verified stored file; from the room network only the one a public hearing is showing. */
export async function handleStoredFile(res: ServerResponse, sha256: string, core: Core, publicOnly: boolean, send: Send): Promise<void> {
  if (publicOnly && !isPresentedPublicly(core.db, sha256)) return send(403, { ok: false, error: { code: 'contract/badRequest', params: { reason: 'lan' } } });
  try {
    const served = await openForViewing(core.db, core.files, sha256);
    res.writeHead(200, served.headers);
    await pipeline(served.stream, res);
  } catch (error) {
    const known = refusal(error);
    if (!known) throw error;
    if (!res.headersSent) send(known.ok ? 200 : 404, known);
  }
}

/** GET /packages/<hearingId>[/addenda/<n>]: a sealed case package, as a download; never to the room network. */
export async function handlePackage(res: ServerResponse, hearingId: string, addendum: number | undefined, core: Core, send: Send): Promise<void> {
  try {
    const served = await openPackage(core.db, core.dataDir, hearingId, addendum);
    res.writeHead(200, served.headers);
    await pipeline(served.stream, res);
  } catch (error) {
    const known = refusal(error);
    if (!known) throw error;
    if (!res.headersSent) send(404, known);
  }
}

/** POST /api/packages/verify: the raw bytes of a package to check; answers the verdict. */
export async function handleVerify(req: IncomingMessage, send: Send): Promise<void> {
  send(200, { ok: true, value: await verifyUploadedPackage(req) });
}
