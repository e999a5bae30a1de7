import { accessOf, rolesAllow } from '../contract/access.js';
import type { MethodName, Operator } from '../contract/index.js';
import { findUser, operatorOf } from '../db/users.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import type { Caller, CallContext } from '../router.js';
import type { SessionStore } from './sessions.js';

/** How the audit log and the documents name an operator: as colleagues know them, and unambiguously. */
export function actorName(user: Pick<Operator, 'displayName' | 'username'>): string {
  return `${user.displayName}（${user.username}）`;
}

/**
 * Decides, before validation, whether a caller may call a method, and who they
 * are. A shell's own trusted callers (the command line, maintenance tools)
 * name themselves; every window brings a session token, or none.
 */
export function windowAccess(db: Db, sessions: SessionStore): (method: MethodName, caller: Caller) => CallContext {
  return (method, caller) => {
    if ('actor' in caller) return { actor: caller.actor };
    const access = accessOf(method);
    const token = caller.session ?? undefined;
    const session = token === undefined ? undefined : sessions.find(token);
    if (session?.only) {
      if (!session.only.has(method)) throw new AppError('auth/forbidden', { method });
      return { actor: 'print' };
    }
    const user = session?.userId ? findUser(db, session.userId) : undefined;
    if (token !== undefined && session && !user?.active) sessions.close(token);
    if (token === undefined || !session || !user?.active) {
      if (access === 'public') return { actor: 'anonymous' };
      throw new AppError('auth/signedOut', {});
    }
    const ctx: CallContext = { actor: actorName(user), session: token, user: operatorOf(user) };
    if (access === 'public' || access === 'unlock') return ctx;
    if (session.locked) throw new AppError('auth/locked', {});
    if (!rolesAllow(access, user.roles)) throw new AppError('auth/forbidden', { method });
    sessions.touch(session);
    return ctx;
  };
}
