import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors.js';
import { FileStore, badNameReason, mediaTypeOf, openTempFile, printableName, validateOriginalName, type TempFile } from '../../../electron/core/files/store.js';
import { tempDir } from '../support/core.js';

const megabyte = 1024 * 1024;
const reportName = '王建平房屋评估报告（2026年）.pdf';

const dirs: string[] = [];
function freshDir(): string {
  const dir = tempDir('hearing-desk-files-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

function freshStore(options?: ConstructorParameters<typeof FileStore>[1]): FileStore {
  return FileStore.inDataDir(freshDir(), options);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under the store, as paths relative to it; the temporary folder included, so a leftover shows. */
function filesIn(store: FileStore): string[] {
  if (!existsSync(store.dir)) return [];
  return readdirSync(store.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(store.dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A PDF-looking document of `size` bytes, different on every call. */
function pdfBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

function writeSource(name: string, bytes: Uint8Array): string {
  const path = join(freshDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** The refusal a promise ends with, to check its code and parameters. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** A stream of `total` bytes made on the fly in chunks, reading ahead no more than one chunk; `produced` counts what was asked for. */
function generated(total: number, chunkSize = 64 * 1024): { stream: Readable; produced: () => number; hash: () => string } {
  let produced = 0;
  const hash = createHash('sha256');
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      if (produced >= total) return void this.push(null);
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, total - produced));
      chunk.fill(produced % 251);
      chunk.writeUInt32LE(produced, 0);
      produced += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced, hash: () => hash.digest('hex') };
}

/** A temporary file that fails like a full or read-only disk once `afterBytes` are written, remembering how much of it was on disk then. */
function failingDisk(code: string, afterBytes: number): { createTempFile: (path: string) => Promise<TempFile>; partialBytes: () => number } {
  let partialBytes = -1;
  return {
    partialBytes: () => partialBytes,
    async createTempFile(path) {
      const real = await openTempFile(path);
      let written = 0;
      return {
        ...real,
        async write(chunk) {
          if (written + chunk.length > afterBytes) {
            partialBytes = statSync(path).size;
            throw Object.assign(new Error(`${code}: simulated, write`), { code, syscall: 'write' });
          }
          await real.write(chunk);
          written += chunk.length;
        },
      };
    },
  };
}

const isRoot = process.getuid?.() === 0;

describe('importing a file', () => {
  it('stores it under its SHA-256, byte for byte, and stores identical contents once', async () => {
    const store = freshStore();
    const bytes = pdfBytes(3 * megabyte + 12_345);
    const expected = sha256(bytes);

    const first = await store.importPath(writeSource('评估报告.pdf', bytes), { originalName: reportName, maxBytes: 10 * megabyte });
    expect(first).toEqual({ sha256: expected, size: bytes.length, originalName: reportName, mediaType: 'application/pdf', deduplicated: false });
    expect(store.pathOf(expected)).toBe(join(store.dir, expected.slice(0, 2), expected.slice(2)));
    expect(readFileSync(store.pathOf(expected)).equals(bytes)).toBe(true);

    const again = await store.importStream(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), {
      originalName: '王建平房屋评估报告（复印件）.pdf',
      maxBytes: 10 * megabyte,
    });
    expect(again).toMatchObject({ sha256: expected, size: bytes.length, originalName: '王建平房屋评估报告（复印件）.pdf', deduplicated: true });
    expect(filesIn(store)).toEqual([`${expected.slice(0, 2)}/${expected.slice(2)}`]);
  });

  it('keeps different files apart, and two imports of the same file at once leave one copy', async () => {
    const store = freshStore();
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200_000)]);
    const recording = Buffer.concat([Buffer.from('ID3'), randomBytes(300_000)]);
    const [a, b, c] = await Promise.all([
      store.importStream(Readable.from([photo]), { originalName: '现场照片-东城街道12号.jpg', maxBytes: megabyte }),
      store.importStream(Readable.from([photo]), { originalName: '现场照片（副本）.jpg', maxBytes: megabyte }),
      store.importStream(Readable.from([recording]), { originalName: '2026-12-08 听证录音.mp3', maxBytes: megabyte }),
    ]);
    expect(a.sha256).toBe(b.sha256);
    expect([a.mediaType, c.mediaType]).toEqual(['image/jpeg', 'audio/mpeg']);
    expect(filesIn(store)).toHaveLength(2);
    expect(readFileSync(store.pathOf(c.sha256)).equals(recording)).toBe(true);
  });

  it('replaces a damaged stored copy when the same file comes in again', async () => {
    const store = freshStore();
    const bytes = pdfBytes(100_000);
    const stored = await store.importStream(Readable.from([bytes]), { originalName: reportName, maxBytes: megabyte });
    const damaged = Buffer.from(bytes);
    damaged[50_000] = (damaged[50_000] as number) ^ 0xff;
    writeFileSync(store.pathOf(stored.sha256), damaged);

    const again = await store.importStream(Readable.from([bytes]), { originalName: reportName, maxBytes: megabyte });
    expect(again.deduplicated).toBe(false);
    expect(await store.verify(stored.sha256)).toBe('ok');
  });

  it('streams: 200 MB made on the fly pass through without the process growing by more than a few chunks', async () => {
    const store = freshStore();
    const source = generated(200 * megabyte, 256 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const stored = await store.importStream(source.stream, { originalName: '听证会现场录像（上午）.mp4', maxBytes: 2048 * megabyte });
      expect(stored.size).toBe(200 * megabyte);
      expect(stored.sha256).toBe(source.hash());
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log('RSS growth MB', (peak - before) / megabyte);
    expect(peak - before).toBeLessThan(60 * megabyte);
  }, 60_000);
});

describe('refusing a file', () => {
  it('stops copying as soon as the limit is passed, and keeps nothing', async () => {
    const store = freshStore();
    const source = generated(2 * megabyte);
    const error = await refusal(store.importStream(source.stream, { originalName: '现场录像.mp4', maxBytes: megabyte }));
    expect(error.code).toBe('file/tooLarge');
    expect(error.params).toEqual({ name: '现场录像.mp4', limitBytes: megabyte, limitMegabytes: 1 });
    expect(source.produced()).toBeLessThan(1.5 * megabyte);
    expect(source.stream.destroyed).toBe(true);
    expect(filesIn(store)).toEqual([]);
  });

  it('refuses a file over the limit by its size, before copying', async () => {
    const store = freshStore();
    const path = writeSource('录像.mp4', randomBytes(2 * megabyte));
    const error = await refusal(store.importPath(path, { originalName: '听证会现场录像.mp4', maxBytes: megabyte }));
    expect(error.code).toBe('file/tooLarge');
    expect(filesIn(store)).toEqual([]);
  });

  it('refuses an empty file, from a path or a stream', async () => {
    const store = freshStore();
    const path = writeSource('空白.txt', Buffer.alloc(0));
    expect((await refusal(store.importPath(path, { originalName: '情况说明.txt', maxBytes: megabyte }))).toData()).toEqual({
      code: 'file/empty',
      params: { name: '情况说明.txt' },
    });
    expect((await refusal(store.importStream(Readable.from([]), { originalName: '情况说明.txt', maxBytes: megabyte }))).code).toBe('file/empty');
    expect(filesIn(store)).toEqual([]);
  });

  it('refuses a folder, a missing file and a named pipe as unreadable, saying why', async () => {
    const store = freshStore();
    const folder = join(freshDir(), '证据材料');
    mkdirSync(folder);
    const options = { originalName: '证据材料', maxBytes: megabyte };
    expect((await refusal(store.importPath(folder, options))).params).toEqual({ name: '证据材料', reason: 'EISDIR' });
    expect((await refusal(store.importPath(join(folder, '不存在的文件.pdf'), options))).params).toMatchObject({ reason: 'ENOENT' });
    if (process.platform !== 'win32') {
      const pipe = join(folder, '管道');
      execFileSync('mkfifo', [pipe]);
      // Opening a pipe for reading would wait for a writer; the store must neither hang nor read it.
      expect((await refusal(store.importPath(pipe, options))).params).toMatchObject({ reason: 'notAFile' });
    }
    expect(filesIn(store)).toEqual([]);
  });

  it.skipIf(isRoot || process.platform === 'win32')('refuses a file it may not read', async () => {
    const store = freshStore();
    const path = writeSource('保密.pdf', pdfBytes(1000));
    chmodSync(path, 0o000);
    const error = await refusal(store.importPath(path, { originalName: '保密材料.pdf', maxBytes: megabyte }));
    expect(error.params).toEqual({ name: '保密材料.pdf', reason: 'EACCES' });
  });

  it('reports a source that fails midway as unreadable and removes the partial copy', async () => {
    const store = freshStore();
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent < 3) {
          sent += 1;
          this.push(randomBytes(512 * 1024));
        } else {
          this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
        }
      },
    });
    const error = await refusal(store.importStream(source, { originalName: 'U盘里的录音.m4a', maxBytes: 10 * megabyte }));
    expect(error.toData()).toEqual({ code: 'file/unreadable', params: { name: 'U盘里的录音.m4a', reason: 'EIO' } });
    expect(filesIn(store)).toEqual([]);
  });

  it('reports a source that ends short of its announced size as unreadable', async () => {
    const store = freshStore();
    const error = await refusal(store.importStream(Readable.from([Buffer.from('半截文件')]), { originalName: '上传.txt', maxBytes: 100, expectedBytes: 40 }));
    expect(error.params).toMatchObject({ reason: 'sizeChanged' });
    expect(filesIn(store)).toEqual([]);
  });

  it.each(['ENOSPC', 'EDQUOT', 'EFBIG'])('removes the partial copy when the disk fills (%s) and says so', async (code) => {
    const disk = failingDisk(code, 3 * megabyte);
    const store = freshStore({ createTempFile: disk.createTempFile });
    const source = generated(8 * megabyte, megabyte);
    const error = await refusal(store.importStream(source.stream, { originalName: '听证会现场录像.mp4', maxBytes: 100 * megabyte }));
    expect(error.toData()).toEqual({ code: 'file/diskFull', params: { name: '听证会现场录像.mp4' } });
    expect(disk.partialBytes()).toBeGreaterThanOrEqual(2 * megabyte);
    expect(filesIn(store)).toEqual([]);
  });

  it('refuses to store on a read-only disk, whether the copy cannot start or cannot go on', async () => {
    const onWrite = failingDisk('EROFS', megabyte);
    const store = freshStore({ createTempFile: onWrite.createTempFile });
    const path = writeSource('评估报告.pdf', pdfBytes(2 * megabyte));
    expect((await refusal(store.importPath(path, { originalName: reportName, maxBytes: 10 * megabyte }))).toData()).toEqual({
      code: 'file/readOnly',
      params: { name: reportName },
    });
    expect(filesIn(store)).toEqual([]);

    const denied = freshStore({
      createTempFile: () => Promise.reject(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' })),
    });
    const source = generated(megabyte);
    expect((await refusal(denied.importStream(source.stream, { originalName: reportName, maxBytes: 10 * megabyte }))).code).toBe('file/readOnly');
    expect(source.stream.destroyed).toBe(true);
  });

  it('lets an unforeseen store failure through as it is, still removing the partial copy', async () => {
    const store = freshStore({ createTempFile: failingDisk('EIO', 0).createTempFile });
    const error: unknown = await store.importStream(Readable.from([pdfBytes(1000)]), { originalName: reportName, maxBytes: megabyte }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AppError);
    expect((error as { code?: string }).code).toBe('EIO');
    expect(filesIn(store)).toEqual([]);
  });
});

describe('original names', () => {
  it.each([
    ['王建平房屋评估报告（2026年）.pdf'],
    ['东城街道房屋征收补偿决定书 青东征〔2026〕17号.docx'],
    ['证据 3：现场照片 №2.JPG'],
    ['.bashrc'],
    ['张'.repeat(85)],
  ])('keeps %s', (name) => {
    expect(() => validateOriginalName(name)).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.', 'dotName'],
    ['..', 'dotName'],
    ['../../etc/passwd', 'separator'],
    ['证据/照片.jpg', 'separator'],
    ['C:\\证据\\照片.jpg', 'separator'],
    ['报告\u0000.pdf', 'control'],
    ['报告\n第二行.pdf', 'control'],
    ['报告\t.pdf', 'control'],
    ['报告\u001b[31m.pdf', 'control'],
    ['报告\u007f.pdf', 'control'],
    ['报告\u0085.pdf', 'control'],
    ['报告\u2028.pdf', 'control'],
    ['评估报告\u202Efdp.exe', 'bidi'],
    ['评估报告\u202A.pdf', 'bidi'],
    ['评估报告\u2066.pdf\u2069', 'bidi'],
    ['报告\ud800.pdf', 'encoding'],
    ['张'.repeat(86), 'tooLong'],
    ['a'.repeat(256), 'tooLong'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(badNameReason(name)).toBe(reason);
    let thrown: unknown;
    try {
      validateOriginalName(name);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).toData()).toEqual({ code: 'file/badName', params: { name: printableName(name), reason } });
  });

  it('shows a refused name without the characters that made it dangerous', () => {
    expect(printableName('评估报告\u202Efdp.exe')).toBe('评估报告\uFFFDfdp.exe');
    expect(printableName('a/b\\c\u0000')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect([...printableName('张'.repeat(200))]).toHaveLength(80);
  });

  it('refuses a bad name before reading the file or touching the store', async () => {
    const store = freshStore();
    const error = await refusal(store.importPath(writeSource('a.pdf', pdfBytes(100)), { originalName: '评估报告\u202Efdp.exe', maxBytes: megabyte }));
    expect(error.code).toBe('file/badName');
    expect(existsSync(store.dir)).toBe(false);
  });
});

describe('media types', () => {
  const riff = (kind: string) => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from(kind)]);
  const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from(`ftyp${brand}`)]);
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
  it.each([
    ['扫描件.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['照片.png', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]), 'image/jpeg'],
    ['示意图', Buffer.from('GIF89a\x01\x00'), 'image/gif'],
    ['截图', riff('WEBPVP8 '), 'image/webp'],
    ['录音', riff('WAVEfmt '), 'audio/wav'],
    ['报告', Buffer.from('%PDF-1.4\n%âãÏÓ'), 'application/pdf'],
    ['报告', Buffer.concat([Buffer.from('\r\n\r\n'), Buffer.from('%PDF-1.7')]), 'application/pdf'],
    ['录像', ftyp('isom'), 'video/mp4'],
    ['录像', ftyp('qt  '), 'video/quicktime'],
    ['录音.m4a', ftyp('M4A '), 'audio/mp4'],
    ['录音', Buffer.from('ID3\x04\x00'), 'audio/mpeg'],
    ['录音', Buffer.from([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['录音', Buffer.from('OggS\x00\x02'), 'audio/ogg'],
    ['录像', Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from('webm')]), 'video/webm'],
    ['补偿决定书.docx', zip, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['补偿明细.XLSX', zip, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['材料.zip', zip, 'application/zip'],
    ['情况说明.txt', Buffer.from('情况说明：2026年12月8日'), 'text/plain'],
    ['旧格式.mp3', Buffer.from([0, 0, 0, 0]), 'audio/mpeg'],
    ['页面.html', Buffer.from('<html><script>alert(1)</script>'), 'application/octet-stream'],
    ['图.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'application/octet-stream'],
    ['无扩展名', Buffer.from([1, 2, 3, 4]), 'application/octet-stream'],
    ['空', Buffer.alloc(0), 'application/octet-stream'],
  ])('%s → %s', (name, bytes, expected) => {
    expect(mediaTypeOf(name, bytes)).toBe(expected);
  });

  it('is taken from the bytes, not the name, when they disagree', () => {
    expect(mediaTypeOf('照片.jpg', Buffer.from('%PDF-1.7'))).toBe('application/pdf');
  });
});

describe('reading a stored file back', () => {
  async function storedReport(): Promise<{ store: FileStore; bytes: Buffer; hash: string }> {
    const store = freshStore();
    const bytes = pdfBytes(2 * megabyte + 7);
    const { sha256: hash } = await store.importStream(Readable.from([bytes]), { originalName: reportName, maxBytes: 10 * megabyte });
    return { store, bytes, hash };
  }

  it('gives the intact contents', async () => {
    const { store, bytes, hash } = await storedReport();
    expect(await store.verify(hash)).toBe('ok');
    const chunks: Buffer[] = [];
    for await (const chunk of await store.openVerified(hash)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('reports a file with one byte changed as corrupt, and will not open it', async () => {
    const { store, bytes, hash } = await storedReport();
    const damaged = Buffer.from(bytes);
    damaged[megabyte + 3] = (damaged[megabyte + 3] as number) ^ 0x01;
    writeFileSync(store.pathOf(hash), damaged);
    expect(await store.verify(hash)).toBe('corrupt');
    expect((await refusal(store.openVerified(hash))).toData()).toEqual({ code: 'file/corrupt', params: { sha256: hash } });
  });

  it('reports a truncated file as corrupt', async () => {
    const { store, bytes, hash } = await storedReport();
    writeFileSync(store.pathOf(hash), bytes.subarray(0, megabyte));
    expect(await store.verify(hash)).toBe('corrupt');
  });

  it('reports a deleted file as missing, and will not open it', async () => {
    const { store, hash } = await storedReport();
    rmSync(store.pathOf(hash));
    expect(await store.verify(hash)).toBe('missing');
    expect((await refusal(store.openVerified(hash))).toData()).toEqual({ code: 'file/missing', params: { sha256: hash } });
  });

  it('accepts only a SHA-256 in lowercase hex as a name', () => {
    const store = freshStore();
    const hash = sha256(Buffer.from('王建平'));
    expect(store.pathOf(hash)).toBe(join(store.dir, hash.slice(0, 2), hash.slice(2)));
    for (const bad of [hash.toUpperCase(), hash.slice(1), `${hash}0`, '../../../../etc/passwd', `../${hash.slice(3)}`, `${hash.slice(0, 63)}\u0000`, '']) {
      expect(() => store.pathOf(bad)).toThrow(RangeError);
    }
  });
});
