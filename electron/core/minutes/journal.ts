import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { AppError } from '../errors.js';

/**
 * An append-only file of records, each on disk before `append` returns: one
 * small write and one fdatasync, the least a durable acknowledgement can cost.
 *
 * A record is its length (4 bytes), the first 8 bytes of its SHA-256, then
 * its JSON. A power cut can leave the last record half written; reading
 * stops at the first record that is short or does not match its digest, and
 * that record was never acknowledged, since `append` returns only after the
 * sync.
 */
export class RecordJournal<T> {
  private closed = false;

  private constructor(
    private readonly fd: number,
    private length: number,
  ) {}

  /** Opens (creating) the journal and reads back every whole record in it. */
  static open<T>(file: string): { journal: RecordJournal<T>; records: T[] } {
    const fd = openSync(file, 'a+');
    try {
      const bytes = readFileSync(file);
      const { records, length } = readRecords<T>(bytes);
      // A torn tail is cut off now, so the next record starts on a boundary.
      if (length < bytes.length) {
        ftruncateSync(fd, length);
        fdatasyncSync(fd);
      }
      return { journal: new RecordJournal<T>(fd, length), records };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Bytes in the journal: where `retract` can cut back to. */
  get size(): number {
    return this.length;
  }

  append(record: T): void {
    const payload = Buffer.from(JSON.stringify(record), 'utf8');
    const header = Buffer.alloc(headerBytes);
    header.writeUInt32LE(payload.length, 0);
    digestOf(payload).copy(header, 4);
    const bytes = Buffer.concat([header, payload]);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
      fdatasyncSync(this.fd);
    } catch (error) {
      this.length = fstatSync(this.fd).size;
      throw journalFailure(error);
    }
    this.length += bytes.length;
  }

  /** Takes back what was appended after `size`: for a record whose transaction did not commit. */
  retract(size: number): void {
    ftruncateSync(this.fd, size);
    fdatasyncSync(this.fd);
    this.length = size;
  }

  clear(): void {
    if (this.length > 0) this.retract(0);
  }

  /** Closing twice is harmless, as closing the database is: a core may be closed by its shell and again by a test. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

const headerBytes = 12;

function digestOf(payload: Buffer): Buffer {
  return createHash('sha256').update(payload).digest().subarray(0, 8);
}

function readRecords<T>(bytes: Buffer): { records: T[]; length: number } {
  const records: T[] = [];
  let offset = 0;
  while (offset + headerBytes <= bytes.length) {
    const size = bytes.readUInt32LE(offset);
    const end = offset + headerBytes + size;
    if (end > bytes.length) break;
    const payload = bytes.subarray(offset + headerBytes, end);
    if (!digestOf(payload).equals(bytes.subarray(offset + 4, offset + headerBytes))) break;
    records.push(JSON.parse(payload.toString('utf8')) as T);
    offset = end;
  }
  return { records, length: offset };
}

/** The same refusals SQLite's own write failures get (db/failures.ts), from the errno a file write has. */
function journalFailure(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new AppError('db/diskFull', {});
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('db/readOnly', {});
  if (code === 'EIO') return new AppError('db/writeFailed', { detail: code });
  return error;
}
