import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PackageVerdict } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findFinalization, listAddenda } from '../db/signing.js';
import { AppError } from '../errors.js';
import type { ServedFile } from '../evidence/serving.js';
import { packageDir } from '../finalize/service.js';
import { verifyPackage } from './verify.js';

/** packages/<hearingId> and packages/<hearingId>/addenda/<n>, in both shells. */
export const packageRoute = /^\/packages\/([0-9a-f-]{36})(?:\/addenda\/([1-9]\d{0,3}))?$/;

/**
 * GET packages/<hearingId> (the sealed record) and packages/<hearingId>/addenda/<n>:
 * streamed as a download, never shown inline. The name goes out RFC 5987
 * encoded, so 听证案卷 survives every browser.
 */
export async function openPackage(db: Db, dataDir: string, hearingId: string, addendum?: number): Promise<ServedFile> {
  const finalization = findFinalization(db, hearingId);
  if (!finalization) throw new AppError('record/notFinalized', {});
  const name = addendum === undefined ? finalization.packageName : listAddenda(db, hearingId).find((candidate) => candidate.number === addendum)?.packageName;
  if (!name) throw new AppError('record/notFinalized', {});
  const path = join(packageDir(dataDir, hearingId), name);
  const { size } = await stat(path).catch(() => {
    throw new AppError('file/missing', { sha256: finalization.manifestSha256 });
  });
  return {
    stream: createReadStream(path),
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Content-Type-Options': 'nosniff',
    },
  };
}

/** POST api/packages/verify: the bytes of a package someone picked, checked in a private temporary folder that is removed afterwards. */
export async function verifyUploadedPackage(source: Readable): Promise<PackageVerdict> {
  const dir = await mkdtemp(join(tmpdir(), 'hearing-desk-verify-'));
  try {
    const path = join(dir, 'package.zip');
    await pipeline(source, createWriteStream(path, { mode: 0o600 }));
    return await verifyPackage(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
