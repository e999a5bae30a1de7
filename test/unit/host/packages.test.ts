import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/server.js';
import { sessionHeader } from '../../../electron/core/contract/index.js';
import { administratorSession, tempDir } from '../support/core.js';
import { finalized } from '../support/finalizable.js';
import { readyHearing, type ReadyHearing } from '../support/hearing.js';

let setup: ReadyHearing;
let host: RunningHost;
let packageBytes: Buffer;
let session: string;

function send(path: string, method: string, body?: Buffer): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(new URL(host.url).port),
        path,
        method,
        headers: { [sessionHeader]: session, ...(body ? { 'Content-Length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  setup = await readyHearing();
  const { packagePath } = await finalized(setup);
  packageBytes = readFileSync(packagePath);
  session = await administratorSession(setup.core);
  const staticDir = tempDir('hearing-desk-static-');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>听证台</title>');
  host = await startHost({ core: setup.core, staticDir, port: 0 });
}, 60_000);
afterAll(async () => {
  await host.close();
  setup.core.close();
});

describe('case packages through the browser host', () => {
  it('downloads the sealed package as an attachment under its Chinese name', async () => {
    const reply = await send(`/packages/${setup.hearing.id}`, 'GET');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/zip');
    expect(String(reply.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('青信访〔2026〕第0317号-听证案卷.zip')}`);
    expect(reply.body.equals(packageBytes)).toBe(true);
  });

  it('verifies an uploaded package, and names the file a flipped byte damaged', async () => {
    const intact = JSON.parse((await send('/api/packages/verify', 'POST', packageBytes)).body.toString('utf8')) as { value: { valid: boolean } };
    expect(intact.value).toMatchObject({ valid: true, hearingTitle: setup.hearing.title });
    const damaged = Buffer.from(packageBytes);
    damaged[200] = (damaged[200] as number) ^ 1;
    const verdict = JSON.parse((await send('/api/packages/verify', 'POST', damaged)).body.toString('utf8')) as { value: { valid: boolean; file: string } };
    expect(verdict.value).toMatchObject({ valid: false });
    expect(verdict.value.file).toMatch(/^documents\//);
  });

  it('answers 404 with a localized reason for a hearing without a sealed package', async () => {
    const reply = await send(`/packages/${randomUUID()}`, 'GET');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'record/notFinalized' } });
  });
});
