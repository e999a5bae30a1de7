import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/app.js';
import { methods, sessionHeader, type Hearing, type LanInfo, type MethodName } from '../../../electron/core/contract/index.js';
import { createLanToken, lanCookieName, lanInfoFor, parseCookies, tokenMatches } from '../../../electron/host/lan.js';
import { startHost, type RunningHost } from '../../../electron/host/server.js';
import { wangJianpingHearing } from '../../fixtures/hearings.js';
import { administratorSession, fixedClock, openTestCore, resourcesDir, tempDir, type TestCore } from '../support/core.js';

/** A LAN address the test pretends the machine has: requests naming it count as the room network. */
const lanAddress = '192.168.1.20';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

function send(port: number, path: string, options: Call = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      // The event stream never ends by itself: the status and headers are enough.
      if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
      }
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    req.end(options.body);
  });
}

function staticDir(): string {
  const dir = tempDir('hearing-desk-static-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>听证台</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

const allMethods = Object.keys(methods) as MethodName[];
const lanMethods = allMethods.filter((name) => (methods[name] as { lan?: boolean }).lan === true);
const otherMethods = allMethods.filter((name) => !lanMethods.includes(name));

describe('the browser host in LAN mode', () => {
  const token = createLanToken();
  let info: LanInfo = { enabled: true, url: null, qrSvg: null };
  const dataDir = tempDir();
  const core = openCore({ dataDir, resourcesDir, clock: fixedClock(), lanInfo: () => info });
  let host: RunningHost;
  let port: number;
  let hearing: Hearing;
  let session: string;

  /** A screen on the room network: a request addressed to the LAN name of the machine. */
  const fromRoom = (path: string, options: Call = {}) => send(port, path, { ...options, headers: { Host: `${lanAddress}:${port}`, ...options.headers } });
  const invokeFromRoom = (method: string, input: unknown, headers: Record<string, string> = {}) =>
    fromRoom('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ method, input }) });
  /** The clerk's laptop: loopback, addressed by its loopback name, no token. */
  const invokeFromLaptop = (method: string, input: unknown) =>
    send(port, '/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [sessionHeader]: session },
      body: JSON.stringify({ method, input }),
    });

  const rowCounts = () => ({
    hearings: (core.db.prepare('SELECT COUNT(*) AS n FROM hearings').get() as { n: number }).n,
    audit: (core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
  });

  /** An input that would pass validation for the methods where that matters most, so a missing gate would show. */
  function sampleInput(method: MethodName): unknown {
    if (method === 'hearing.create') return { ...wangJianpingHearing, matterNo: '青信访〔2026〕第0999号' };
    if (method === 'settings.setLanguage') return { language: 'en' };
    if (method === 'hearing.list' || method === 'lan.info' || method === 'settings.get') return {};
    return { hearingId: hearing.id };
  }

  beforeAll(async () => {
    session = await administratorSession(core);
    host = await startHost({ core, staticDir: staticDir(), port: 0, lan: { token, addresses: [lanAddress] } });
    port = Number(new URL(host.url).port);
    info = await lanInfoFor(host.lanUrls);
    const created = JSON.parse((await invokeFromLaptop('hearing.create', wangJianpingHearing)).body) as { ok: boolean; value: Hearing };
    expect(created.ok).toBe(true);
    hearing = created.value;
    const uploaded = await send(port, '/api/files?name=note.txt', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [sessionHeader]: session },
      body: note,
    });
    expect(JSON.parse(uploaded.body)).toMatchObject({ ok: true, value: { sha256: storedNote.slice('/files/'.length) } });
  });
  afterAll(async () => {
    await host.close();
    core.close();
  });

  it('listens on every interface and lists one address per LAN address, token included', () => {
    expect(host.bindAddress).toBe('0.0.0.0');
    expect(host.lanUrls).toEqual([`http://${lanAddress}:${port}/?token=${token}`]);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createLanToken()).not.toBe(token);
  });

  /** A file the laptop stored: the room may not fetch it while no public hearing shows it. */
  const note = '信访人提交的书面意见';
  const storedNote = `/files/${createHash('sha256').update(note).digest('hex')}`;

  /** Every kind of route the host answers, with the method it answers it to (the contract calls are iterated on their own). */
  const everyRoute = (): [string, string][] => [
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', '/assets/app.js'],
    ['GET', '/anything'],
    ['GET', '/api/events'],
    ['POST', '/api/files?name=note.txt'],
    ['GET', storedNote],
    ['GET', `/packages/${hearing.id}`],
    ['GET', `/packages/${hearing.id}/addenda/1`],
    ['POST', '/api/packages/verify'],
  ];

  it('refuses every route without a token', async () => {
    for (const [method, path] of everyRoute()) {
      const reply = await fromRoom(path, { method, body: method === 'POST' ? note : undefined });
      expect(reply.status, `${method} ${path}`).toBe(401);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'contract/badRequest', params: { reason: 'token' } } });
      expect(reply.body).not.toContain('听证台');
    }
    for (const method of allMethods) {
      const reply = await invokeFromRoom(method, sampleInput(method));
      expect(reply.status, method).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { params: { reason: 'token' } } });
    }
    for (const method of ['PUT', 'DELETE', 'POST']) expect((await fromRoom('/index.html', { method })).status, method).toBe(401);
  });

  it('refuses a wrong token wherever it is presented', async () => {
    const wrong = createLanToken();
    expect((await fromRoom(`/?token=${wrong}`)).status).toBe(401);
    expect((await fromRoom('/assets/app.js', { headers: { Cookie: `${lanCookieName}=${wrong}` } })).status).toBe(401);
    expect((await invokeFromRoom('procedure.view', { hearingId: hearing.id }, { Authorization: `Bearer ${wrong}` })).status).toBe(401);
    expect((await invokeFromRoom('procedure.view', { hearingId: hearing.id }, { Authorization: `Bearer ${token.slice(0, -1)}` })).status).toBe(401);
    expect((await invokeFromRoom('procedure.view', { hearingId: hearing.id }, { Authorization: token })).status).toBe(401);
    expect((await fromRoom('/', { headers: { Cookie: `other=${token}` } })).status).toBe(401);
  });

  it('trades a token in the address for an HttpOnly cookie and an address without it', async () => {
    const first = await fromRoom(`/hearing/1?view=chair&token=${encodeURIComponent(token)}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/hearing/1?view=chair');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`${lanCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);

    const page = await fromRoom('/hearing/1?view=chair', { headers: { Cookie: cookie.split(';')[0] as string } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('听证台');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await fromRoom('/assets/app.js', { headers: { Cookie: `theme=dark; ${cookie.split(';')[0] as string}` } });
    expect(script.status).toBe(200);
    const view = await invokeFromRoom('display.view', { hearingId: hearing.id }, { Cookie: cookie.split(';')[0] as string });
    expect(view.status).toBe(200);
  });

  it('never redirects off the host', async () => {
    const reply = await fromRoom(`/.//evil.example/?token=${token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/evil.example/');
  });

  it('accepts the token as a bearer header, and on the event stream', async () => {
    const view = await invokeFromRoom('procedure.view', { hearingId: hearing.id }, { Authorization: `Bearer ${token}` });
    expect(view.status).toBe(200);
    const events = await fromRoom('/api/events', { headers: { Authorization: `Bearer ${token}` } });
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toContain('text/event-stream');
  });

  it('lets the room call only the lan methods, and changes nothing', async () => {
    expect(lanMethods).toEqual(expect.arrayContaining(['procedure.view', 'display.view']));
    expect(otherMethods).toEqual(expect.arrayContaining(['hearing.create', 'hearing.list', 'lan.info', 'settings.setLanguage']));
    const before = rowCounts();
    for (const method of otherMethods) {
      const reply = await invokeFromRoom(method, sampleInput(method), { Authorization: `Bearer ${token}` });
      expect(reply.status, method).toBe(403);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'contract/badRequest', params: { reason: 'lan' } } });
    }
    expect(rowCounts()).toEqual(before);
    expect(before.hearings).toBe(1);
    const settings = JSON.parse((await invokeFromLaptop('settings.get', {})).body) as { value: { language: string } };
    expect(settings.value.language).toBe('zh-CN');
  });

  it('keeps uploads, evidence files, case packages and package checks from the room, token or not', async () => {
    const intruder = 'a file the room tries to slip into the store';
    const intruderSha = createHash('sha256').update(intruder).digest('hex');
    const withToken = { Authorization: `Bearer ${token}` };
    for (const [method, path, body] of [
      ['POST', '/api/files?name=intruder.txt', intruder],
      ['POST', '/api/packages/verify', 'PK'],
      ['GET', storedNote],
      ['GET', `/packages/${hearing.id}`],
      ['GET', `/packages/${hearing.id}/addenda/1`],
    ] as const) {
      const reply = await fromRoom(path, { method, headers: withToken, body });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(JSON.parse(reply.body), `${method} ${path}`).toEqual({ ok: false, error: { code: 'contract/badRequest', params: { reason: 'lan' } } });
    }
    expect(existsSync(join(dataDir, 'files', intruderSha.slice(0, 2), intruderSha.slice(2)))).toBe(false);
  });

  it('marks only queries lan: a change of state is never one the room may make', () => {
    for (const method of lanMethods) expect(methods[method].kind, method).toBe('query');
  });

  it('lets the lan methods through to the router', async () => {
    for (const method of lanMethods) {
      for (const hearingId of [hearing.id, '00000000-0000-4000-8000-000000000000']) {
        const reply = await invokeFromRoom(method, { hearingId }, { Authorization: `Bearer ${token}` });
        expect(reply.status, method).toBe(200);
        // Whatever the router answers (a view, or hearing/notFound), it is not the gate's refusal.
        const result = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
        expect(result.error?.code, method).not.toBe('contract/badRequest');
      }
    }
  });

  it('keeps full access for the laptop itself, without the LAN token (its operator signed in)', async () => {
    const page = await send(port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const list = JSON.parse((await invokeFromLaptop('hearing.list', {})).body) as { ok: boolean; value: Hearing[] };
    expect(list.value.map((each) => each.id)).toEqual([hearing.id]);
    const localhost = await send(port, '/api/invoke', {
      method: 'POST',
      headers: { Host: `localhost:${port}`, 'Content-Type': 'application/json', [sessionHeader]: session },
      body: JSON.stringify({ method: 'hearing.get', input: { hearingId: hearing.id } }),
    });
    expect(JSON.parse(localhost.body)).toMatchObject({ ok: true, value: { id: hearing.id } });
  });

  it('treats a loopback request from a LAN origin as the room network', async () => {
    const reply = await send(port, '/api/invoke', {
      method: 'POST',
      headers: { Origin: `http://${lanAddress}:${port}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'hearing.list', input: {} }),
    });
    expect(reply.status).toBe(401);
  });

  it('still refuses unknown host names and foreign origins', async () => {
    expect((await send(port, `/?token=${token}`, { headers: { Host: `attacker.example:${port}` } })).status).toBe(421);
    expect((await send(port, '/', { headers: { Host: `${lanAddress}:1` } })).status).toBe(421);
    const foreign = await invokeFromRoom('procedure.view', { hearingId: hearing.id }, { Authorization: `Bearer ${token}`, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { params: { reason: 'origin' } } });
  });

  it('tells the laptop how to connect, with the token and a QR code', async () => {
    const reply = JSON.parse((await invokeFromLaptop('lan.info', {})).body) as { ok: boolean; value: LanInfo };
    expect(reply.ok).toBe(true);
    expect(reply.value.enabled).toBe(true);
    expect(reply.value.url).toBe(`http://${lanAddress}:${port}/?token=${token}`);
    expect(reply.value.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});

describe('the browser host without --lan', () => {
  let core: TestCore;
  let host: RunningHost;

  beforeAll(async () => {
    core = openTestCore();
    host = await startHost({ core, staticDir: staticDir(), port: 0 });
  });
  afterAll(async () => {
    await host.close();
    core.close();
  });

  it('binds loopback, answers no LAN name and reports the follow view off', async () => {
    const port = Number(new URL(host.url).port);
    expect(host.bindAddress).toBe('127.0.0.1');
    expect(host.lanUrls).toEqual([]);
    expect((await send(port, '/', { headers: { Host: `${lanAddress}:${port}` } })).status).toBe(421);
    expect(await core.ok('lan.info', {})).toEqual({ enabled: false, url: null, qrSvg: null });
    const reply = await send(port, '/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [sessionHeader]: await administratorSession(core) },
      body: JSON.stringify({ method: 'lan.info', input: {} }),
    });
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { enabled: false, url: null, qrSvg: null } });
  });
});

describe('LAN helpers', () => {
  it('compare tokens in constant time and refuse empty ones', () => {
    const token = createLanToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
  });

  it('parse cookie headers', () => {
    expect(parseCookies('a=1; hd_lan=abc-_; b="q"').get('hd_lan')).toBe('abc-_');
    expect(parseCookies('hd_lan=first; hd_lan=second').get('hd_lan')).toBe('first');
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('report the follow view enabled without an address when the machine has none', async () => {
    expect(await lanInfoFor([])).toEqual({ enabled: true, url: null, qrSvg: null });
  });
});
