import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/server.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { sessionHeader } from '../../../electron/core/contract/index.js';
import { administratorSession, openTestCore, tempDir, type TestCore } from '../support/core.js';

let core: TestCore;
let host: RunningHost;
let port: number;
let session: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (payload: unknown, headers: Record<string, string> = {}) =>
  send('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', [sessionHeader]: session, ...headers }, body: JSON.stringify(payload) });

beforeAll(async () => {
  core = openTestCore();
  session = await administratorSession(core);
  const staticDir = tempDir('hearing-desk-static-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>听证台</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(core.dataDir, 'secret.txt'), 'not for the web');
  host = await startHost({ core, staticDir, port: 0 });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  core.close();
});

describe('the browser host', () => {
  it('listens on loopback only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('answers contract calls with the router result', async () => {
    const reply = await invoke({ method: 'hearing.create', input: wangJianpingHearing });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { matterNo: wangJianpingHearing.matterNo } });
  });

  it('passes validation refusals through as data', async () => {
    const reply = await invoke({ method: 'hearing.create', input: { ...wangJianpingHearing, title: '' } });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers a window without a session only with what it may see signed out', async () => {
    const anonymous = (method: string) =>
      send('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input: {} }) });
    expect(JSON.parse((await anonymous('hearing.list')).body)).toEqual({ ok: false, error: { code: 'auth/signedOut', params: {} } });
    expect(JSON.parse((await anonymous('auth.status')).body)).toMatchObject({ ok: true, value: { needsSetup: false, user: null } });
  });

  it('keeps the session in an HttpOnly, same-site cookie for what a page loads without script, and clears it on signing out', async () => {
    const signIn = await send('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'auth.signIn', input: { username: 'wangfang', password: 'tingzheng-2026' } }),
    });
    const cookie = (signIn.headers['set-cookie'] as string[])[0] as string;
    expect(cookie).toMatch(/^hd_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const byCookie = (method: string) =>
      send('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie.split(';')[0] as string },
        body: JSON.stringify({ method, input: {} }),
      });
    expect(JSON.parse((await byCookie('hearing.list')).body)).toMatchObject({ ok: true });
    const signOut = await byCookie('auth.signOut');
    expect((signOut.headers['set-cookie'] as string[])[0]).toContain('hd_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    expect(JSON.parse((await byCookie('hearing.list')).body)).toMatchObject({ ok: false, error: { code: 'auth/signedOut' } });
  });

  it('refuses a call from another web origin', async () => {
    const reply = await invoke({ method: 'hearing.list', input: {} }, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const reply = await invoke({ method: 'hearing.list', input: {} }, { Host: `attacker.example:${port}` });
    expect(reply.status).toBe(421);
  });

  it('refuses bodies that are not JSON, malformed or too large', async () => {
    expect((await send('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await send('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"method":' })).status).toBe(400);
    const huge = JSON.stringify({ method: 'hearing.list', input: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    expect(
      (await send('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: huge }).catch(() => ({ status: 413 }))).status,
    ).toBe(413);
  });

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send('/assets/app.js')).headers['content-type']).toContain('javascript');
    const escape = await send('/..%2f..%2fsecret.txt');
    expect(escape.body).not.toContain('not for the web');
  });

  it('pushes core events to subscribers as server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/events' }, (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const match = /data: (.+)\n\n/.exec(buffer);
          if (match) {
            req.destroy();
            resolve(match[1] as string);
          }
        });
      });
      req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const created = JSON.parse((await invoke({ method: 'hearing.create', input: wangJianpingHearing })).body) as { value: { id: string } };
    expect(JSON.parse(await received)).toEqual({ name: 'hearing.created', payload: { hearingId: created.value.id } });
  });
});
