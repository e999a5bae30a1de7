import type { OperatorRole } from './accounts.js';
import { methods, type MethodName } from './index.js';

/**
 * Who may call a method from a window:
 * - `public`: anyone, signed in or not (the start screen, and the room's read-only views);
 * - `unlock`: a signed-in window, even while it is locked (to open it again or leave);
 * - `operator`: any signed-in operator whose window is not locked;
 * - a list of roles: an operator holding at least one of them.
 */
export type Access = 'public' | 'unlock' | 'operator' | readonly OperatorRole[];

const chairOrAdmin: readonly OperatorRole[] = ['presiding', 'admin'];
const admin: readonly OperatorRole[] = ['admin'];

/** The methods that are not simply "any operator": everything absent here needs a signed-in, unlocked window. */
const exceptions: Partial<Record<MethodName, Access>> = {
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.signIn': 'public',
  // A damaged database at start: no one can sign in, and the recovery page must still offer the backup (a normal core refuses these).
  'recovery.status': 'public',
  'recovery.restore': 'public',
  // The start screen speaks the office's language before anyone signs in.
  'settings.get': 'public',
  'auth.signOut': 'unlock',
  'auth.unlock': 'unlock',
  // Signing the record is the presiding officer's act (domain.md §7); the signed addendum is the same act.
  'record.finalize': chairOrAdmin,
  'record.amend': chairOrAdmin,
  'auth.setLockMinutes': admin,
  'users.list': admin,
  'users.create': admin,
  'users.update': admin,
  'users.resetPassword': admin,
  // The office's rules and templates: what every hearing of the office follows.
  'settings.setEvidenceLimit': admin,
  'settings.setCatalogueColumns': admin,
  'settings.setDocumentLayout': admin,
  'settings.setBackupFolder': admin,
  'calendar.set': admin,
  'calendar.remove': admin,
  // Another office's sealed record entering this laptop's archive: an office decision, like a restore.
  'handover.import': admin,
  'backup.restore': admin,
};

export function accessOf(method: MethodName): Access {
  const spec: { lan?: boolean } = methods[method];
  // The room network's read-only views carry no identity data and change nothing.
  if (spec.lan) return 'public';
  return exceptions[method] ?? 'operator';
}

export function rolesAllow(access: Access, roles: readonly OperatorRole[]): boolean {
  if (typeof access === 'string') return true;
  return access.some((role) => roles.includes(role));
}
