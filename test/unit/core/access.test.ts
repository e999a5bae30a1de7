import { beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../../../electron/core/contract/access.js';
import { methods, operatorRoles, type MethodName, type OperatorRole } from '../../../electron/core/contract/index.js';
import { fixedClock, openTestCore, type TestCore } from '../support/core.js';

/**
 * Who may call what (issue 9), every method of the contract against every
 * role: a new method is covered the day it is declared. The input is null,
 * which no method accepts, so an allowed call ends in `validation` and
 * changes nothing; a refused one must end in the access refusal, before its
 * input is even read.
 */

const everyMethod = Object.keys(methods) as MethodName[];
const password = 'quanxian-ceshi-2026';

let core: TestCore;
const tokens = {} as Record<OperatorRole, string>;
let lockedToken: string;

async function signIn(username: string): Promise<string> {
  const result = await core.router.invoke('auth.signIn', { username, password }, { session: null });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { token: string }).token;
}

async function refusalCode(method: MethodName, session: string | null): Promise<string> {
  const result = await core.router.invoke(method, null, { session });
  if (result.ok) throw new Error(`${method} accepted null`);
  return result.error.code;
}

beforeAll(async () => {
  core = openTestCore(undefined, fixedClock());
  const setup = await core.router.invoke('auth.setup', { username: 'admin', displayName: '管理员', password }, { session: null });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const adminToken = (setup.value as { token: string }).token;
  for (const role of operatorRoles) {
    const created = await core.router.invoke('users.create', { username: `only-${role}`, displayName: role, password, roles: [role] }, { session: adminToken });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    tokens[role] = await signIn(`only-${role}`);
  }
  lockedToken = await signIn('only-clerk');
  await core.router.invoke('auth.lock', {}, { session: lockedToken });
  return () => core.close();
});

describe('the access table', () => {
  it('reserves finalizing to the presiding officer and the administrator, and the office to the administrator', () => {
    expect(accessOf('record.finalize')).toEqual(['presiding', 'admin']);
    expect(accessOf('record.amend')).toEqual(['presiding', 'admin']);
    for (const method of ['users.list', 'users.create', 'users.update', 'users.resetPassword', 'auth.setLockMinutes', 'settings.setDocumentLayout'] as const) {
      expect(accessOf(method)).toEqual(['admin']);
    }
    expect(accessOf('minutes.append')).toBe('operator');
    expect(accessOf('display.view')).toBe('public');
  });
});

describe.each(operatorRoles)('an operator who is only %s', (role) => {
  it.each(everyMethod)('%s: refused exactly when the role is not allowed', async (method) => {
    const access = accessOf(method);
    const allowed = typeof access === 'string' || access.includes(role);
    expect(await refusalCode(method, tokens[role])).toBe(allowed ? 'validation' : 'auth/forbidden');
  });
});

describe('a window', () => {
  it.each(everyMethod)('%s: without a session, only the public methods answer', async (method) => {
    expect(await refusalCode(method, null)).toBe(accessOf(method) === 'public' ? 'validation' : 'auth/signedOut');
  });

  it.each(everyMethod)('%s: while locked, only the public ones and those that open or end the session answer', async (method) => {
    const access = accessOf(method);
    expect(await refusalCode(method, lockedToken)).toBe(access === 'public' || access === 'unlock' ? 'validation' : 'auth/locked');
  });
});
