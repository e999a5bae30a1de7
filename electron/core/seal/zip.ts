import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

/**
 * The case package's zip: every entry stored uncompressed (the documents are
 * zips already, evidence is mostly compressed media), with fixed timestamps
 * and attributes, so the writer's output is a pure function of its entries.
 * That lets the reader be strict: it re-encodes every header it reads and
 * refuses any byte that differs, so a flip anywhere in the file is caught,
 * not only one inside an entry's data.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const localHeaderBytes = 30;
const centralHeaderBytes = 46;
const endBytes = 22;
/** Names are UTF-8 (bit 11): 听证笔录.docx stays readable in any unzip tool. */
const utf8Flag = 0x0800;
const version = 20;
/** 1980-01-01 00:00, the first moment a zip's DOS date can hold. */
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;
/** Without zip64, sizes and offsets are 32-bit. */
export const maxZipBytes = 0xffffffff;
const chunkBytes = 1024 * 1024;

export interface ZipEntry {
  name: string;
  size: number;
  crc: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

export class ZipStructureError extends Error {
  constructor(
    readonly entry: string | null,
    detail: string,
  ) {
    super(detail);
  }
}

export class ZipTooLargeError extends Error {}

function localHeader(entry: ZipEntry, name: Buffer): Buffer {
  const header = Buffer.alloc(localHeaderBytes);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(version, 4);
  header.writeUInt16LE(utf8Flag, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(dosTime, 10);
  header.writeUInt16LE(dosDate, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.size, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader(entry: ZipEntry, name: Buffer): Buffer {
  const header = Buffer.alloc(centralHeaderBytes);
  header.writeUInt32LE(CENTRAL, 0);
  header.writeUInt16LE(version, 4);
  header.writeUInt16LE(version, 6);
  header.writeUInt16LE(utf8Flag, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(dosTime, 12);
  header.writeUInt16LE(dosDate, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.size, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(entry.headerOffset, 42);
  return Buffer.concat([header, name]);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(endBytes);
  record.writeUInt32LE(END, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}

export interface WrittenEntry {
  name: string;
  size: number;
  sha256: string;
}

/** Writes a zip entry by entry, hashing each as it goes; a file source is streamed, never held in memory. */
export class ZipWriter {
  private readonly entries: ZipEntry[] = [];
  private offset = 0;

  private constructor(private readonly handle: FileHandle) {}

  /** `openFile` lets a test stand in a disk that fills or turns read-only mid-write. */
  static async create(path: string, openFile: (path: string) => Promise<FileHandle> = (target) => open(target, 'wx')): Promise<ZipWriter> {
    return new ZipWriter(await openFile(path));
  }

  async addBytes(name: string, bytes: Buffer): Promise<WrittenEntry> {
    return this.add(name, async (write) => write(bytes));
  }

  async addFile(name: string, path: string): Promise<WrittenEntry> {
    const source = await open(path, 'r');
    try {
      return await this.add(name, async (write) => {
        const buffer = Buffer.allocUnsafe(chunkBytes);
        for (;;) {
          const { bytesRead } = await source.read(buffer, 0, chunkBytes, null);
          if (bytesRead === 0) return;
          await write(buffer.subarray(0, bytesRead));
        }
      });
    } finally {
      await source.close();
    }
  }

  /** Writes the header with placeholders, the data, then the header again with its size and CRC: one pass over the source. */
  private async add(name: string, produce: (write: (chunk: Buffer) => Promise<void>) => Promise<void>): Promise<WrittenEntry> {
    const encodedName = Buffer.from(name, 'utf8');
    const headerOffset = this.offset;
    const placeholder = localHeader({ name, size: 0, crc: 0, headerOffset }, encodedName);
    await this.handle.write(placeholder, 0, placeholder.length, headerOffset);
    let size = 0;
    let crc = 0;
    const hash = createHash('sha256');
    await produce(async (chunk) => {
      if (headerOffset + placeholder.length + size + chunk.length > maxZipBytes) throw new ZipTooLargeError(name);
      await this.handle.write(chunk, 0, chunk.length, headerOffset + placeholder.length + size);
      size += chunk.length;
      crc = crc32(chunk, crc);
      hash.update(chunk);
    });
    const entry = { name, size, crc, headerOffset };
    const header = localHeader(entry, encodedName);
    await this.handle.write(header, 0, header.length, headerOffset);
    this.entries.push(entry);
    this.offset = headerOffset + header.length + size;
    return { name, size, sha256: hash.digest('hex') };
  }

  /** Writes the directory and flushes the file to disk; returns the zip's size. */
  async close(): Promise<number> {
    const directory = Buffer.concat(this.entries.map((entry) => centralHeader(entry, Buffer.from(entry.name, 'utf8'))));
    const end = endRecord(this.entries.length, directory.length, this.offset);
    if (this.offset + directory.length + end.length > maxZipBytes || this.entries.length > 0xffff) throw new ZipTooLargeError('(directory)');
    await this.handle.write(Buffer.concat([directory, end]), 0, directory.length + end.length, this.offset);
    await this.handle.sync();
    await this.handle.close();
    return this.offset + directory.length + end.length;
  }

  async abandon(): Promise<void> {
    await this.handle.close();
  }
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipStructureError(null, 'the file ends early');
  return buffer;
}

/**
 * A zip written by `ZipWriter`, read strictly: the end record must close the
 * file, the directory must sit right before it, every entry's local header
 * must follow the previous entry's data, and every header must be exactly the
 * bytes the writer would have produced.
 */
export class ZipReader {
  private constructor(
    private readonly handle: FileHandle,
    readonly entries: ZipEntry[],
  ) {}

  static async open(path: string): Promise<ZipReader> {
    const handle = await open(path, 'r');
    try {
      return new ZipReader(handle, await ZipReader.directory(handle));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private static async directory(handle: FileHandle): Promise<ZipEntry[]> {
    const { size } = await handle.stat();
    if (size < endBytes) throw new ZipStructureError(null, 'too short to be a zip');
    const end = await readExactly(handle, size - endBytes, endBytes);
    const count = end.readUInt16LE(10);
    const directorySize = end.readUInt32LE(12);
    const directoryOffset = end.readUInt32LE(16);
    if (directoryOffset + directorySize !== size - endBytes || !end.equals(endRecord(count, directorySize, directoryOffset))) {
      throw new ZipStructureError(null, 'the end of the zip directory is damaged');
    }
    const directory = await readExactly(handle, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let at = 0;
    let expectedOffset = 0;
    for (let index = 0; index < count; index += 1) {
      if (at + centralHeaderBytes > directory.length) throw new ZipStructureError(null, 'the zip directory is damaged');
      const nameLength = directory.readUInt16LE(at + 28);
      const encodedName = directory.subarray(at + centralHeaderBytes, at + centralHeaderBytes + nameLength);
      const name = encodedName.toString('utf8');
      const entry = { name, crc: directory.readUInt32LE(at + 16), size: directory.readUInt32LE(at + 24), headerOffset: directory.readUInt32LE(at + 42) };
      const expected = centralHeader(entry, encodedName);
      if (!directory.subarray(at, at + expected.length).equals(expected) || !Buffer.from(name, 'utf8').equals(encodedName)) {
        throw new ZipStructureError(name, 'its directory record is damaged');
      }
      if (entry.headerOffset !== expectedOffset) throw new ZipStructureError(name, 'it is not where the directory says');
      if (entries.some((earlier) => earlier.name === name)) throw new ZipStructureError(name, 'the name appears twice');
      const local = await readExactly(handle, entry.headerOffset, localHeaderBytes + nameLength);
      if (!local.equals(localHeader(entry, encodedName))) throw new ZipStructureError(name, 'its local header is damaged');
      entries.push(entry);
      expectedOffset = entry.headerOffset + localHeaderBytes + nameLength + entry.size;
      at += expected.length;
    }
    if (at !== directory.length || expectedOffset !== directoryOffset) throw new ZipStructureError(null, 'the zip holds bytes outside its entries');
    return entries;
  }

  /** Streams an entry's bytes, checking its CRC; returns its SHA-256. */
  async sha256Of(entry: ZipEntry): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of this.chunks(entry)) hash.update(chunk);
    return hash.digest('hex');
  }

  /** An entry's bytes in chunks (each valid until the next is asked for); the CRC is checked after the last. */
  async *chunks(entry: ZipEntry): AsyncGenerator<Buffer> {
    let crc = 0;
    const start = entry.headerOffset + localHeaderBytes + Buffer.byteLength(entry.name, 'utf8');
    const buffer = Buffer.allocUnsafe(chunkBytes);
    for (let done = 0; done < entry.size;) {
      const want = Math.min(chunkBytes, entry.size - done);
      const { bytesRead } = await this.handle.read(buffer, 0, want, start + done);
      if (bytesRead !== want) throw new ZipStructureError(entry.name, 'the file ends early');
      const chunk = buffer.subarray(0, want);
      crc = crc32(chunk, crc);
      done += want;
      yield chunk;
    }
    if (crc !== entry.crc) throw new ZipStructureError(entry.name, 'its checksum does not match');
  }

  async read(entry: ZipEntry): Promise<Buffer> {
    return readExactly(this.handle, entry.headerOffset + localHeaderBytes + Buffer.byteLength(entry.name, 'utf8'), entry.size);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
