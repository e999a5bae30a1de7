import type { Readable } from 'node:stream';
import type { Db } from '../db/index.js';
import { recordedMediaType } from '../db/evidence.js';
import { AppError } from '../errors.js';
import { validateOriginalName, type FileStore, type StoredFile } from '../files/store.js';
import { evidenceMaxBytes } from '../settings/service.js';

/** Types a page may show inline; anything else is offered as a download, so an uploaded page or script can never run. */
const inlineTypes = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+|text\/plain)$/;

export interface ServedFile {
  stream: Readable;
  headers: Record<string, string>;
}

/**
 * Receives an upload from a shell: the name is checked, the bytes streamed
 * into the store under their hash, up to the office's size limit as it is
 * at this moment.
 */
export async function receiveUpload(db: Db, store: FileStore, source: Readable, originalName: string, expectedBytes: number | undefined): Promise<StoredFile> {
  validateOriginalName(originalName);
  return store.importStream(source, { originalName, maxBytes: evidenceMaxBytes(db), ...(expectedBytes === undefined ? {} : { expectedBytes }) });
}

/**
 * A stored file for a viewer, only after its hash checked out, with headers
 * that keep it inert: a sandboxing CSP, no sniffing, inline only for types a
 * browser shows without running anything.
 */
export async function openForViewing(db: Db, store: FileStore, sha256: string): Promise<ServedFile> {
  const recorded = recordedMediaType(db, sha256);
  if (!recorded) throw new AppError('file/missing', { sha256 });
  const stream = await store.openVerified(sha256);
  const inline = inlineTypes.test(recorded);
  return {
    stream,
    headers: {
      'Content-Type': inline ? recorded : 'application/octet-stream',
      'Content-Disposition': inline ? 'inline' : 'attachment',
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
    },
  };
}
