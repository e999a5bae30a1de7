import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { chunkBytes, fileChunks, readableChunks, sha256OfHandle, type ChunkSource } from './chunks.js';
import { magicBytesLength, mediaTypeOf } from './media-type.js';
import { printableName, validateOriginalName } from './names.js';

export { chunkBytes } from './chunks.js';
export { magicBytesLength, mediaTypeOf } from './media-type.js';
export { badNameReason, maxOriginalNameBytes, printableName, validateOriginalName, type BadNameReason } from './names.js';

/** The store's folder beside the database. */
export const filesDirName = 'files';

/** While a large file is copied, what is written is flushed to disk every this many bytes, so the final sync has little left to do. */
export const flushEveryBytes = 32 * 1024 * 1024;

export interface StoredFile {
  /** Lowercase hex SHA-256 of the contents: the file's name in the store. */
  sha256: string;
  size: number;
  /** The name the file had outside, validated; metadata only. */
  originalName: string;
  /** Chosen from the first bytes, else the extension; for previews only, never for security. */
  mediaType: string;
  /** True when identical contents were already stored, so nothing new was written. */
  deduplicated: boolean;
}

export interface ImportOptions {
  originalName: string;
  /** The largest file accepted; the copy stops as soon as more arrives. */
  maxBytes: number;
  /** The size the source announced (a file's size): refused at once if over the limit or zero, and checked at the end. */
  expectedBytes?: number;
}

export type Verification = 'ok' | 'missing' | 'corrupt';

/** The temporary file a copy is written to, before it is moved under its hash. */
export interface TempFile {
  /**
   * Gives the file its announced size before the copy, so writes fill it
   * rather than extend it: on ext4 a write that moves the end of a file
   * updates the inode through the journal, and can wait there behind the
   * periodic flush.
   */
  reserve(bytes: number): Promise<void>;
  /** Writes every byte of the chunk after the last one written. */
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes the data written so far to the disk, while the copy goes on. */
  datasync(): Promise<void>;
  /** Flushes data and metadata; called once, after the last write. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileStoreOptions {
  /** Creates the temporary file a copy is written to. For tests, to simulate a disk that fills or turns read-only mid-copy. */
  createTempFile?: (path: string) => Promise<TempFile>;
}

/** The default temporary file: created exclusively, written through one handle. */
export async function openTempFile(path: string): Promise<TempFile> {
  const handle = await open(path, 'wx');
  let position = 0;
  return {
    reserve: (bytes) => handle.truncate(bytes),
    async write(chunk) {
      for (let offset = 0; offset < chunk.length;) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, position);
        offset += bytesWritten;
        position += bytesWritten;
      }
    },
    datasync: () => handle.datasync(),
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** Marks a failure of the source so it is not mistaken for one of the store. */
class SourceFailure extends Error {
  constructor(readonly reason: unknown) {
    super('source failed');
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A store-side failure as the refusal the user reads; anything unforeseen stays an internal error. */
function storeFailure(error: unknown, name: string): unknown {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  // EFBIG: the file is bigger than this file system (FAT32: 4 GiB) or the process's file-size limit allows; no room for it either way.
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new AppError('file/diskFull', { name: printableName(name) });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('file/readOnly', { name: printableName(name) });
  return error;
}

function unreadable(name: string, reason: unknown): AppError {
  return new AppError('file/unreadable', { name: printableName(name), reason: typeof reason === 'string' ? reason : (errorCode(reason) ?? 'error') });
}

function tooLarge(name: string, limitBytes: number): AppError {
  return new AppError('file/tooLarge', { name: printableName(name), limitBytes, limitMegabytes: Math.round((limitBytes / (1024 * 1024)) * 10) / 10 });
}

function isMissing(error: unknown): boolean {
  return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR';
}

/** A read that fails on the stored file itself (a folder in its place, a bad sector) means its contents cannot be vouched for. */
function isDamaged(error: unknown): boolean {
  return errorCode(error) === 'EISDIR' || errorCode(error) === 'EIO';
}

/** Makes a rename or a new entry in `dir` durable; Windows cannot open folders, and NTFS journals them anyway. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Evidence files, stored by content beside the database (design.md §4):
 * `files/ab/cdef…` where `abcdef…` is the SHA-256 of the bytes. A name from
 * outside is never used on disk; identical files are stored once; copies are
 * streamed through a temporary file in `files/.tmp` and appear under their
 * hash only when complete and synced, so a crash or a full disk leaves no
 * half file under a real name.
 */
export class FileStore {
  readonly dir: string;
  private readonly tempDir: string;
  private readonly createTempFile: (path: string) => Promise<TempFile>;

  constructor(dir: string, options: FileStoreOptions = {}) {
    this.dir = resolve(dir);
    this.tempDir = join(this.dir, '.tmp');
    this.createTempFile = options.createTempFile ?? openTempFile;
  }

  /** The store of a data folder: `<dataDir>/files`. */
  static inDataDir(dataDir: string, options: FileStoreOptions = {}): FileStore {
    return new FileStore(join(dataDir, filesDirName), options);
  }

  /** Where the file with this SHA-256 lives. Throws on anything but 64 lowercase hex digits, so no path can be smuggled in. */
  pathOf(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new RangeError(`not a SHA-256 in lowercase hex: ${JSON.stringify(String(sha256).slice(0, 80))}`);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2));
  }

  /**
   * Copies a file into the store from a path. Refuses folders, devices and
   * pipes, and files that are empty or over the limit, before copying a byte.
   */
  async importPath(path: string, options: Omit<ImportOptions, 'expectedBytes'>): Promise<StoredFile> {
    validateOriginalName(options.originalName);
    let handle: FileHandle;
    try {
      // Non-blocking, so a named pipe cannot hang the open; it is refused below like any non-file.
      handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      throw unreadable(options.originalName, error);
    }
    let size: number;
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw unreadable(options.originalName, stats.isDirectory() ? 'EISDIR' : 'notAFile');
      size = stats.size;
    } catch (error) {
      await handle.close();
      throw error instanceof AppError ? error : unreadable(options.originalName, error);
    }
    return this.importChunks(fileChunks(handle), { ...options, expectedBytes: size });
  }

  /**
   * Copies a stream into the store, hashing on the way, never holding more
   * than a few chunks in memory. On any failure the temporary file is
   * removed, nothing is stored, the stream is destroyed, and a `file/*`
   * refusal says why.
   */
  async importStream(source: Readable, options: ImportOptions): Promise<StoredFile> {
    return this.importChunks(readableChunks(source), options);
  }

  private async importChunks(source: ChunkSource, options: ImportOptions): Promise<StoredFile> {
    const { originalName, maxBytes, expectedBytes } = options;
    const tempPath = join(this.tempDir, randomBytes(16).toString('hex'));
    let temp: TempFile;
    try {
      validateOriginalName(originalName);
      if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be positive, not ${maxBytes}`);
      if (expectedBytes !== undefined && expectedBytes > maxBytes) throw tooLarge(originalName, maxBytes);
      if (expectedBytes === 0) throw new AppError('file/empty', { name: printableName(originalName) });
      await mkdir(this.tempDir, { recursive: true });
      temp = await this.createTempFile(tempPath);
    } catch (error) {
      await source.close().catch(() => {});
      await rm(tempPath, { force: true, maxRetries: 3 });
      throw storeFailure(error, originalName);
    }

    const hash = createHash('sha256');
    const head = new Uint8Array(magicBytesLength);
    let headBytes = 0;
    let size = 0;
    // One write and one flush in flight at a time, overlapping the hashing of the next chunk.
    let writing: Promise<void> = Promise.resolve();
    let flushing: Promise<void> = Promise.resolve();
    let flushedAt = 0;
    let flushInFlight = false;
    let tempOpen = true;
    try {
      if (expectedBytes !== undefined) await temp.reserve(expectedBytes);
      for (;;) {
        let chunk: Uint8Array | null;
        try {
          chunk = await source.next();
        } catch (error) {
          throw new SourceFailure(error);
        }
        if (chunk === null) break;
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(originalName, maxBytes);
        hash.update(chunk);
        if (headBytes < magicBytesLength) {
          const part = chunk.subarray(0, magicBytesLength - headBytes);
          head.set(part, headBytes);
          headBytes += part.length;
        }
        await writing;
        const written = chunk;
        writing = temp.write(written).then(() => source.release(written));
        // Awaited before the next write or at the end; this only keeps a failure from counting as unhandled meanwhile.
        writing.catch(() => {});
        if (size - flushedAt >= flushEveryBytes && !flushInFlight) {
          flushedAt = size;
          flushInFlight = true;
          flushing = Promise.all([flushing, writing])
            .then(() => temp.datasync())
            .finally(() => (flushInFlight = false));
          flushing.catch(() => {});
        }
      }
      await writing;
      await flushing;
      if (size === 0) throw new AppError('file/empty', { name: printableName(originalName) });
      if (expectedBytes !== undefined && size !== expectedBytes) throw unreadable(originalName, 'sizeChanged');
      await temp.sync();
      tempOpen = false;
      await temp.close();
      const sha256 = hash.digest('hex');
      const deduplicated = await this.commit(tempPath, sha256);
      return { sha256, size, originalName, mediaType: mediaTypeOf(originalName, head.subarray(0, headBytes)), deduplicated };
    } catch (error) {
      await Promise.allSettled([writing, flushing, source.close()]);
      if (tempOpen) await temp.close().catch(() => {});
      await rm(tempPath, { force: true, maxRetries: 3 });
      if (error instanceof SourceFailure) throw unreadable(originalName, error.reason);
      throw storeFailure(error, originalName);
    } finally {
      await source.close().catch(() => {});
    }
  }

  /** Moves a complete, synced temporary file under its hash, or drops it when a sound copy is already there. */
  private async commit(tempPath: string, sha256: string): Promise<boolean> {
    if ((await this.verify(sha256)) === 'ok') {
      await rm(tempPath, { force: true, maxRetries: 3 });
      return true;
    }
    // Missing, or damaged: then the fresh copy replaces it.
    const shardDir = join(this.dir, sha256.slice(0, 2));
    const created = await mkdir(shardDir, { recursive: true });
    await rename(tempPath, this.pathOf(sha256));
    await syncDirectory(shardDir);
    if (created !== undefined) await syncDirectory(this.dir);
    return false;
  }

  /** Re-reads a stored file and compares its hash with its name. */
  async verify(sha256: string): Promise<Verification> {
    const path = this.pathOf(sha256);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) return 'missing';
      throw error;
    }
    try {
      return (await sha256OfHandle(handle)) === sha256 ? 'ok' : 'corrupt';
    } catch (error) {
      if (isDamaged(error)) return 'corrupt';
      throw error;
    } finally {
      await handle.close();
    }
  }

  /**
   * A stream of a stored file, given only after its contents were re-hashed
   * and found intact; `file/missing` or `file/corrupt` otherwise. Hashes and
   * streams through the same open file, so it cannot be swapped in between.
   */
  async openVerified(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) throw new AppError('file/missing', { sha256 });
      throw error;
    }
    let intact: boolean;
    try {
      intact = (await sha256OfHandle(handle)) === sha256;
    } catch (error) {
      await handle.close();
      if (isDamaged(error)) throw new AppError('file/corrupt', { sha256 });
      throw error;
    }
    if (!intact) {
      await handle.close();
      throw new AppError('file/corrupt', { sha256 });
    }
    return handle.createReadStream({ start: 0, highWaterMark: chunkBytes });
  }
}
