import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { lockMinutesRange, type Operator, type OperatorRole, type SignedIn } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { readSetting, writeSetting } from '../db/settings.js';
import { countActiveAdmins, countUsers, findUser, findUserByName, insertUser, listUsers, operatorOf, updateUser, type UserRecord } from '../db/users.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { CallContext, Handlers } from '../router.js';
import { actorName } from './access.js';
import type { SignInThrottle } from './attempts.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';
import type { SessionStore } from './sessions.js';

type AccountHandlers = Pick<
  Handlers,
  | 'auth.status'
  | 'auth.setup'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'auth.setLockMinutes'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
>;

export interface AccountDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  sessions: SessionStore;
  throttle: SignInThrottle;
}

const lockMinutesKey = 'lockMinutes';

export function readLockMinutes(db: Db): number {
  const stored = Number(readSetting(db, lockMinutesKey));
  return Number.isInteger(stored) && stored >= lockMinutesRange.min ? stored : lockMinutesRange.default;
}

/** Who the session is: the router has already refused a call without one. */
function signedInUser(ctx: CallContext): Operator {
  if (!ctx.user || !ctx.session) throw new AppError('auth/signedOut', {});
  return ctx.user;
}

export function accountHandlers({ db, clock, bus, sessions, throttle }: AccountDeps): AccountHandlers {
  function requireUser(userId: string): UserRecord {
    const user = findUser(db, userId);
    if (!user) throw new AppError('users/notFound', { userId });
    return user;
  }

  /** Waits out the throttle, checks the password, and counts a failure against the name. */
  async function checkPassword(username: string, password: string, user: UserRecord | undefined): Promise<boolean> {
    const wait = throttle.waitSeconds(username);
    if (wait > 0) throw new AppError('auth/tooManyAttempts', { seconds: wait });
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (matches && user) throttle.succeeded(username);
    else throttle.failed(username);
    return matches && user !== undefined;
  }

  function signIn(user: UserRecord): SignedIn {
    return { token: sessions.open(user.id), user: operatorOf(user), lockMinutes: readLockMinutes(db) };
  }

  return {
    'auth.status': (_input, ctx) => ({
      needsSetup: countUsers(db) === 0,
      user: ctx.user ?? null,
      locked: ctx.session ? (sessions.find(ctx.session)?.locked ?? false) : false,
      lockMinutes: readLockMinutes(db),
    }),
    'auth.setup': async ({ username, displayName, password }) => {
      const passwordHash = await hashPassword(password);
      const now = clock.now().toISOString();
      const user: UserRecord = {
        id: randomUUID(),
        username,
        displayName,
        roles: ['clerk', 'presiding', 'admin'],
        active: true,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      };
      // Checked inside the transaction: two first-run screens racing cannot both create an administrator.
      db.transaction(() => {
        if (countUsers(db) > 0) throw new AppError('auth/alreadySetUp', {});
        insertUser(db, user);
        recordAudit(db, clock, { actor: actorName(user) }, { action: 'auth.setup', hearingId: null, after: operatorOf(user) });
      })();
      bus.emit('users.changed', { userId: user.id });
      return signIn(user);
    },
    'auth.signIn': async ({ username, password }) => {
      const user = findUserByName(db, username);
      const matches = await checkPassword(username, password, user);
      if (!matches || !user || !user.active) throw new AppError('auth/badCredentials', {});
      db.transaction(() => recordAudit(db, clock, { actor: actorName(user) }, { action: 'auth.signIn', hearingId: null }))();
      return signIn(user);
    },
    'auth.signOut': (_input, ctx) => {
      const user = signedInUser(ctx);
      sessions.close(ctx.session as string);
      db.transaction(() => recordAudit(db, clock, { actor: actorName(user) }, { action: 'auth.signOut', hearingId: null }))();
      return null;
    },
    'auth.lock': (_input, ctx) => {
      signedInUser(ctx);
      const session = sessions.find(ctx.session as string);
      if (session) session.locked = true;
      return null;
    },
    'auth.unlock': async ({ password }, ctx) => {
      const operator = signedInUser(ctx);
      const user = requireUser(operator.id);
      if (!(await checkPassword(user.username, password, user))) throw new AppError('auth/badCredentials', {});
      const session = sessions.find(ctx.session as string);
      if (!session) throw new AppError('auth/signedOut', {});
      session.locked = false;
      sessions.touch(session);
      return operatorOf(user);
    },
    'auth.changePassword': async ({ current, next }, ctx) => {
      const user = requireUser(signedInUser(ctx).id);
      if (!(await checkPassword(user.username, current, user))) throw new AppError('auth/badCredentials', {});
      const changed = { ...user, passwordHash: await hashPassword(next), updatedAt: clock.now().toISOString() };
      db.transaction(() => {
        updateUser(db, changed);
        recordAudit(db, clock, ctx, { action: 'auth.changePassword', hearingId: null });
      })();
      return null;
    },
    'auth.setLockMinutes': ({ minutes }, ctx) => {
      const before = readLockMinutes(db);
      db.transaction(() => {
        writeSetting(db, lockMinutesKey, String(minutes));
        recordAudit(db, clock, ctx, { action: 'auth.setLockMinutes', hearingId: null, before, after: minutes });
      })();
      bus.emit('auth.lockMinutesChanged', { lockMinutes: minutes });
      return { lockMinutes: minutes };
    },
    'users.list': () => listUsers(db).map(operatorOf),
    'users.create': async ({ username, displayName, password, roles }, ctx) => {
      if (findUserByName(db, username)) throw new AppError('users/usernameTaken', { username });
      const now = clock.now().toISOString();
      const user: UserRecord = {
        id: randomUUID(),
        username,
        displayName,
        roles,
        active: true,
        passwordHash: await hashPassword(password),
        createdAt: now,
        updatedAt: now,
      };
      db.transaction(() => {
        if (findUserByName(db, username)) throw new AppError('users/usernameTaken', { username });
        insertUser(db, user);
        recordAudit(db, clock, ctx, { action: 'users.create', hearingId: null, after: operatorOf(user) });
      })();
      bus.emit('users.changed', { userId: user.id });
      return operatorOf(user);
    },
    'users.update': ({ userId, displayName, roles, active }, ctx) => {
      const before = requireUser(userId);
      const after: UserRecord = { ...before, displayName, roles: roles as OperatorRole[], active, updatedAt: clock.now().toISOString() };
      db.transaction(() => {
        updateUser(db, after);
        if (countActiveAdmins(db) === 0) throw new AppError('users/lastAdmin', {});
        recordAudit(db, clock, ctx, { action: 'users.update', hearingId: null, before: operatorOf(before), after: operatorOf(after) });
      })();
      if (!active) sessions.closeAllOf(userId);
      bus.emit('users.changed', { userId });
      return operatorOf(after);
    },
    'users.resetPassword': async ({ userId, password }, ctx) => {
      const user = requireUser(userId);
      const changed = { ...user, passwordHash: await hashPassword(password), updatedAt: clock.now().toISOString() };
      db.transaction(() => {
        updateUser(db, changed);
        recordAudit(db, clock, ctx, { action: 'users.resetPassword', hearingId: null, after: { userId } });
      })();
      sessions.closeAllOf(userId);
      return null;
    },
  };
}
