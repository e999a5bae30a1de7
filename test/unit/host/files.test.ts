import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/server.js';
import { cast } from '../../fixtures/people.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { sessionHeader } from '../../../electron/core/contract/index.js';
import { administratorSession, openTestCore, tempDir, type TestCore } from '../support/core.js';

let core: TestCore;
let host: RunningHost;
let port: number;
let session: string;

function send(
  path: string,
  method: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { [sessionHeader]: session, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const upload = (name: string, bytes: Buffer) =>
  send(`/api/files?name=${encodeURIComponent(name)}`, 'POST', bytes, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) });
const json = (reply: { body: Buffer }) => JSON.parse(reply.body.toString('utf8')) as { ok: boolean; value?: { sha256: string }; error?: { code: string } };
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 3)]);

/** Every file in the store, the temporary copies in files/.tmp included. */
function storeFiles(): string[] {
  if (!existsSync(core.files.dir)) return [];
  return readdirSync(core.files.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A POST declaring `declared` bytes, whose body the test writes itself, as slowly or as incompletely as it likes. */
function openUpload(name: string, declared: number) {
  const req = request({
    host: '127.0.0.1',
    port,
    path: `/api/files?name=${encodeURIComponent(name)}`,
    method: 'POST',
    headers: { [sessionHeader]: session, 'Content-Type': 'video/mp4', 'Content-Length': String(declared) },
  });
  const answered = new Promise<{ ok: boolean; value?: { sha256: string; size: number } }>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean }));
    });
    req.on('error', reject);
  });
  return { req, answered };
}

const megabyte = 1024 * 1024;

beforeAll(async () => {
  core = openTestCore();
  session = await administratorSession(core);
  const staticDir = tempDir('hearing-desk-static-');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>听证台</title>');
  host = await startHost({ core, staticDir, port: 0 });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  core.close();
});

async function exhibitWith(sha256: string, originalName: string): Promise<void> {
  const hearing = await core.ok('hearing.create', wangJianpingHearing);
  const petitioner = await core.ok('participant.add', { hearingId: hearing.id, ...cast.petitioner });
  const exhibit = await core.ok('evidence.add', { hearingId: hearing.id, submitterId: petitioner.id, name: '房屋所有权证', form: 'documentary' });
  await core.ok('evidence.attachFile', { exhibitId: exhibit.id, sha256, originalName });
}

describe('evidence files through the browser host', () => {
  it('streams an upload into the store and serves it back verified, inert and inline', async () => {
    const stored = json(await upload('房产证扫描件.png', png));
    expect(stored.ok).toBe(true);
    const sha256 = stored.value?.sha256 as string;
    await exhibitWith(sha256, '房产证扫描件.png');
    const served = await send(`/files/${sha256}`, 'GET');
    expect(served.status).toBe(200);
    expect(served.body.equals(png)).toBe(true);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('offers an uploaded web page only as a download, never as a page of the app', async () => {
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const sha256 = json(await upload('说明.html', page)).value?.sha256 as string;
    await exhibitWith(sha256, '说明.html');
    const served = await send(`/files/${sha256}`, 'GET');
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers['content-disposition']).toBe('attachment');
  });

  it('refuses a bad name and an empty file, storing nothing', async () => {
    expect(json(await upload('../../etc/passwd', png)).error?.code).toBe('file/badName');
    expect(json(await upload('空文件.pdf', Buffer.alloc(0))).error?.code).toBe('file/empty');
  });

  it('holds an upload to the limit the office set just before, storing nothing over it', async () => {
    const recording = Buffer.concat([Buffer.from('\u0000\u0000\u0000\u0018ftypmp42', 'latin1'), Buffer.alloc(2 * 1024 * 1024, 9)]);
    const storeEntries = () => (existsSync(core.files.dir) ? readdirSync(core.files.dir, { recursive: true }).length : 0);
    const storedBefore = storeEntries();
    await core.ok('settings.setEvidenceLimit', { megabytes: 1 });
    try {
      const refused = await upload('听证会现场录像.mp4', recording);
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body.toString('utf8'))).toEqual({
        ok: false,
        error: { code: 'file/tooLarge', params: { name: '听证会现场录像.mp4', limitBytes: 1024 * 1024, limitMegabytes: 1 } },
      });
      expect(storeEntries()).toBe(storedBefore);
    } finally {
      await core.ok('settings.setEvidenceLimit', { megabytes: 2048 });
    }
    expect(json(await upload('听证会现场录像.mp4', recording)).ok).toBe(true);
  });

  it('keeps nothing of an upload the window stops halfway, not even the temporary copy, and stores the next one whole', async () => {
    const name = '听证会现场录像.mp4';
    const recording = Buffer.concat([Buffer.from('\u0000\u0000\u0000\u0018ftypmp42', 'latin1'), randomBytes(8 * megabyte - 12)]);
    const before = storeFiles();
    const cut = openUpload(name, recording.length);
    cut.answered.catch(() => undefined);
    cut.req.write(recording.subarray(0, 3 * megabyte));
    // The store has begun its copy: the temporary file is there, waiting for the rest.
    await expect.poll(() => storeFiles().length).toBe(before.length + 1);
    cut.req.destroy();
    await expect.poll(() => storeFiles(), { timeout: 3_000 }).toEqual(before);

    const whole = openUpload(name, recording.length);
    whole.req.end(recording);
    const result = await whole.answered;
    expect(result.value?.size).toBe(recording.length);
    expect(storeFiles()).toEqual([...before, core.files.pathOf(result.value?.sha256 as string)].sort());
  });

  it('reports a corrupt stored file instead of serving it', async () => {
    const bytes = Buffer.concat([png, Buffer.from('corrupt me')]);
    const sha256 = json(await upload('照片.png', bytes)).value?.sha256 as string;
    await exhibitWith(sha256, '照片.png');
    const path = core.files.pathOf(sha256);
    const damaged = Buffer.from(bytes);
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    writeFileSync(path, damaged);
    const served = await send(`/files/${sha256}`, 'GET');
    expect(served.status).toBe(404);
    expect(json(served).error?.code).toBe('file/corrupt');
  });

  it('serves nothing for a file no exhibit holds', async () => {
    expect((await send(`/files/${'b'.repeat(64)}`, 'GET')).status).toBe(404);
  });
});
