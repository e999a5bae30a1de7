import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName, MethodOutput, Result, SignedIn } from '../../../electron/core/contract/index.js';
import { fixedClock, openTestCore, type TestCore } from '../support/core.js';

/**
 * Operator accounts (issue 9): the first run creates the administrator, every
 * window signs in, a window locks after inactivity, and passwords are kept as
 * scrypt hashes only. Calls here come "from a window": with a session token,
 * as both shells pass them, not as the trusted callers the other tests are.
 */

// Each scrypt hash is deliberately slow (~0.1 s, several times that on a loaded machine), and a test may make a dozen.
vi.setConfig({ testTimeout: 30_000 });

const admin = { username: 'wangfang', displayName: '王芳', password: '听证台-管理员-2026' };
const clerk = { username: 'zhaolei', displayName: '赵磊', password: 'jilu-yuan-88', roles: ['clerk' as const] };
const clerkSignsIn = { username: clerk.username, password: clerk.password };

let clock: ReturnType<typeof fixedClock>;
let core: TestCore;

function fromWindow<M extends MethodName>(session: string | null, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return core.router.invoke(method, input, { session }) as Promise<Result<MethodOutput<M>>>;
}

async function signedIn<M extends MethodName>(session: string | null, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await fromWindow(session, method, input);
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function setUpOffice(): Promise<SignedIn> {
  return signedIn(null, 'auth.setup', admin);
}

beforeEach(() => {
  clock = fixedClock('2026-11-26T01:00:00.000Z');
  core = openTestCore(undefined, clock);
  return () => core.close();
});

describe('the first run', () => {
  it('asks for the administrator while no operator exists, and refuses every other call', async () => {
    expect(await signedIn(null, 'auth.status', {})).toEqual({ needsSetup: true, user: null, locked: false, lockMinutes: 10 });
    expect(await fromWindow(null, 'hearing.list', {})).toEqual({ ok: false, error: { code: 'auth/signedOut', params: {} } });
  });

  it('creates the administrator with every role, signs them in, and cannot happen twice', async () => {
    const first = await setUpOffice();
    expect(first.user).toMatchObject({ username: 'wangfang', displayName: '王芳', roles: ['clerk', 'presiding', 'admin'], active: true });
    expect(await signedIn(first.token, 'auth.status', {})).toMatchObject({ needsSetup: false, user: { username: 'wangfang' }, locked: false });
    const again = await fromWindow(null, 'auth.setup', { ...admin, username: 'intruder' });
    expect(again).toEqual({ ok: false, error: { code: 'auth/alreadySetUp', params: {} } });
    expect(await signedIn(first.token, 'users.list', {})).toHaveLength(1);
  });

  it('keeps only an scrypt hash of the password, salted per user', async () => {
    const { token } = await setUpOffice();
    await signedIn(token, 'users.create', { ...clerk, password: admin.password });
    const rows = core.db.prepare('SELECT username, password_hash AS hash FROM users').all() as Array<{ username: string; hash: string }>;
    for (const row of rows) {
      expect(row.hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
      expect(row.hash).not.toContain(admin.password);
    }
    expect(rows[0]?.hash).not.toBe(rows[1]?.hash);
    expect(JSON.stringify(await signedIn(token, 'users.list', {}))).not.toContain('scrypt');
  });
});

describe('signing in', () => {
  it('accepts the right password, whatever the case of the name', async () => {
    await setUpOffice();
    const session = await signedIn(null, 'auth.signIn', { username: 'WangFang', password: admin.password });
    expect(session.user.username).toBe('wangfang');
    expect((await signedIn(session.token, 'hearing.list', {})).length).toBe(0);
  });

  it('answers a wrong password and an unknown name alike', async () => {
    await setUpOffice();
    const wrong = await fromWindow(null, 'auth.signIn', { username: 'wangfang', password: 'not-her-password' });
    const unknown = await fromWindow(null, 'auth.signIn', { username: 'nobody', password: admin.password });
    expect(wrong).toEqual({ ok: false, error: { code: 'auth/badCredentials', params: {} } });
    expect(unknown).toEqual(wrong);
  });

  it('makes a name wait after three wrong passwords, longer each time, and forgets after a success', async () => {
    await setUpOffice();
    const attempt = (password: string) => fromWindow(null, 'auth.signIn', { username: 'wangfang', password });
    for (let i = 0; i < 3; i++) expect((await attempt('guess-' + i)).ok).toBe(false);
    expect(await attempt(admin.password)).toEqual({ ok: false, error: { code: 'auth/tooManyAttempts', params: { seconds: 1 } } });
    clock.advance(1_000);
    expect((await attempt('guess-3')).ok).toBe(false);
    expect(await attempt(admin.password)).toEqual({ ok: false, error: { code: 'auth/tooManyAttempts', params: { seconds: 2 } } });
    clock.advance(2_000);
    expect((await attempt(admin.password)).ok).toBe(true);
    expect((await attempt('one-slip')).ok).toBe(false);
    expect((await attempt(admin.password)).ok).toBe(true);
  });

  it('refuses a deactivated operator, and ends the sessions they had', async () => {
    const { token } = await setUpOffice();
    const zhao = await signedIn(token, 'users.create', clerk);
    const clerkSession = await signedIn(null, 'auth.signIn', clerkSignsIn);
    await signedIn(token, 'users.update', { userId: zhao.id, displayName: zhao.displayName, roles: ['clerk'], active: false });
    expect(await fromWindow(clerkSession.token, 'hearing.list', {})).toEqual({ ok: false, error: { code: 'auth/signedOut', params: {} } });
    expect(await fromWindow(null, 'auth.signIn', clerkSignsIn)).toEqual({ ok: false, error: { code: 'auth/badCredentials', params: {} } });
  });

  it('ends the session on signing out', async () => {
    const { token } = await setUpOffice();
    await signedIn(token, 'auth.signOut', {});
    expect(await fromWindow(token, 'hearing.list', {})).toEqual({ ok: false, error: { code: 'auth/signedOut', params: {} } });
    expect(await signedIn(token, 'auth.status', {})).toMatchObject({ user: null });
  });

  it('refuses a token it never gave', async () => {
    await setUpOffice();
    expect(await fromWindow('made-up-token-0123456789', 'hearing.list', {})).toEqual({ ok: false, error: { code: 'auth/signedOut', params: {} } });
  });
});

describe('locking', () => {
  it('locks a session unused for longer than the office allows (10 minutes by default), and opens it with the password', async () => {
    const { token } = await setUpOffice();
    clock.advance(9 * 60_000);
    expect((await fromWindow(token, 'hearing.list', {})).ok).toBe(true);
    clock.advance(10 * 60_000 + 1);
    expect(await fromWindow(token, 'hearing.list', {})).toEqual({ ok: false, error: { code: 'auth/locked', params: {} } });
    expect(await signedIn(token, 'auth.status', {})).toMatchObject({ locked: true, user: { username: 'wangfang' } });
    expect(await fromWindow(token, 'auth.unlock', { password: 'wrong-password' })).toEqual({ ok: false, error: { code: 'auth/badCredentials', params: {} } });
    await signedIn(token, 'auth.unlock', { password: admin.password });
    expect((await fromWindow(token, 'hearing.list', {})).ok).toBe(true);
  });

  it('keeps the clerk’s draft through the lock: the session locks, the draft stays', async () => {
    const { token } = await setUpOffice();
    const hearing = await core.ok('hearing.create', {
      templateId: 'petition',
      matterNo: '信听〔2026〕31号',
      title: '关于李秀英反映征收补偿问题的听证',
      plannedStart: '2026-12-03T09:30',
      venue: '县信访局听证室',
      organizer: '某县信访局',
      isPublic: true,
    });
    const draft = { hearingId: hearing.id, clientId: '6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e', kind: 'note' as const, speakerId: null };
    await signedIn(token, 'minutes.saveDraft', { ...draft, text: '信访人：我家房屋的评估价格明显偏低，' });
    await signedIn(token, 'auth.lock', {});
    expect((await fromWindow(token, 'minutes.saveDraft', { ...draft, text: '锁定后不会写入' })).ok).toBe(false);
    await signedIn(token, 'auth.unlock', { password: admin.password });
    expect((await signedIn(token, 'minutes.list', { hearingId: hearing.id })).draft).toMatchObject({ text: '信访人：我家房屋的评估价格明显偏低，' });
  });

  it('uses the lock time the administrator sets', async () => {
    const { token } = await setUpOffice();
    await signedIn(token, 'auth.setLockMinutes', { minutes: 2 });
    clock.advance(2 * 60_000 + 1);
    expect(await fromWindow(token, 'hearing.list', {})).toEqual({ ok: false, error: { code: 'auth/locked', params: {} } });
    expect((await fromWindow(null, 'auth.setLockMinutes', { minutes: 0 })).ok).toBe(false);
  });
});

describe('managing operators', () => {
  it('adds, renames and re-roles an operator, and names the actor in the audit log', async () => {
    const { token } = await setUpOffice();
    const zhao = await signedIn(token, 'users.create', clerk);
    expect(zhao).toMatchObject({ username: 'zhaolei', roles: ['clerk'], active: true });
    const changed = await signedIn(token, 'users.update', { userId: zhao.id, displayName: '赵磊', roles: ['presiding', 'clerk'], active: true });
    expect(changed.roles).toEqual(['clerk', 'presiding']);
    const actions = core.db.prepare(`SELECT actor, action FROM audit_log WHERE action LIKE 'users.%' OR action LIKE 'auth.%' ORDER BY seq`).all();
    expect(actions).toEqual([
      { actor: '王芳（wangfang）', action: 'auth.setup' },
      { actor: '王芳（wangfang）', action: 'users.create' },
      { actor: '王芳（wangfang）', action: 'users.update' },
    ]);
  });

  it('refuses a taken name, whatever its case', async () => {
    const { token } = await setUpOffice();
    expect(await fromWindow(token, 'users.create', { ...clerk, username: 'WANGFANG' })).toEqual({
      ok: false,
      error: { code: 'users/usernameTaken', params: { username: 'WANGFANG' } },
    });
  });

  it('never leaves the office without an active administrator', async () => {
    const { token, user } = await setUpOffice();
    expect(await fromWindow(token, 'users.update', { userId: user.id, displayName: '王芳', roles: ['clerk'], active: true })).toEqual({
      ok: false,
      error: { code: 'users/lastAdmin', params: {} },
    });
    expect(await fromWindow(token, 'users.update', { userId: user.id, displayName: '王芳', roles: ['admin'], active: false })).toMatchObject({
      ok: false,
      error: { code: 'users/lastAdmin' },
    });
    expect((await signedIn(token, 'users.list', {}))[0]).toMatchObject({ roles: ['clerk', 'presiding', 'admin'], active: true });
  });

  it('resets a forgotten password: the old one stops working and open sessions end', async () => {
    const { token } = await setUpOffice();
    const zhao = await signedIn(token, 'users.create', clerk);
    const before = await signedIn(null, 'auth.signIn', clerkSignsIn);
    await signedIn(token, 'users.resetPassword', { userId: zhao.id, password: 'xin-mi-ma-2026' });
    expect((await fromWindow(before.token, 'hearing.list', {})).ok).toBe(false);
    expect((await fromWindow(null, 'auth.signIn', clerkSignsIn)).ok).toBe(false);
    expect((await fromWindow(null, 'auth.signIn', { username: 'zhaolei', password: 'xin-mi-ma-2026' })).ok).toBe(true);
  });

  it('lets an operator change their own password only with the current one', async () => {
    const { token } = await setUpOffice();
    expect(await fromWindow(token, 'auth.changePassword', { current: 'not-mine-at-all', next: 'another-secret-1' })).toEqual({
      ok: false,
      error: { code: 'auth/badCredentials', params: {} },
    });
    await signedIn(token, 'auth.changePassword', { current: admin.password, next: 'another-secret-1' });
    expect((await fromWindow(null, 'auth.signIn', { username: 'wangfang', password: 'another-secret-1' })).ok).toBe(true);
  });

  it('refuses a short password and a name with spaces, field by field', async () => {
    const { token } = await setUpOffice();
    const refused = await fromWindow(token, 'users.create', { ...clerk, username: 'zhao lei', password: 'short' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.params.issues).toEqual([
      { path: 'username', key: 'validation.username', params: {} },
      { path: 'password', key: 'validation.passwordTooShort', params: { min: 8 } },
    ]);
    expect(await signedIn(token, 'users.list', {})).toHaveLength(1);
  });
});
