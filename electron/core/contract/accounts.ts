import { z } from 'zod';
import { officeMutation, query, returns } from './define.js';
import { id, requiredText } from './fields.js';

/** 记录员, 主持人, 管理员: what an operator of this laptop may do. One person may hold several. */
export const operatorRoles = ['clerk', 'presiding', 'admin'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

/** An operator as every screen may see them: never the password hash. */
export interface Operator {
  id: string;
  username: string;
  displayName: string;
  roles: OperatorRole[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the start screen needs before anyone signs in. */
export interface AuthStatus {
  /** No operator yet: the first-run screen creates the administrator. */
  needsSetup: boolean;
  /** The operator this window is signed in as, or null. */
  user: Operator | null;
  /** Signed in but locked after inactivity (or by hand): the password opens it again. */
  locked: boolean;
  /** Minutes without use before a window locks. */
  lockMinutes: number;
}

/** A signed-in window keeps the token and sends it with every call; it lives in memory only, until the app stops. */
export interface SignedIn {
  token: string;
  user: Operator;
  lockMinutes: number;
}

/** The header a window sends its session token in, where a call is an HTTP request (the host, app:// uploads). */
export const sessionHeader = 'x-hearing-desk-session';

export const lockMinutesRange = { min: 1, max: 240, default: 10 } as const;

/** Letters, digits and . _ -; compared without case, so 张敏 cannot become Zhangmin and zhangmin at once. */
export const username = z
  .string()
  .trim()
  .min(2, 'validation.username')
  .max(32, 'validation.username')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'validation.username');

/** Long enough to resist guessing on a stolen laptop; no other rule, so people can use a phrase. */
export const password = z.string().min(8, 'validation.passwordTooShort').max(128, 'validation.tooLong');

const roleList = z
  .array(z.enum(operatorRoles, 'validation.invalidOption'))
  .min(1, 'validation.rolesRequired')
  .refine((roles) => new Set(roles).size === roles.length, 'validation.duplicateOption')
  .transform((roles) => operatorRoles.filter((role) => roles.includes(role)));

const newOperator = { username, displayName: requiredText(50), password };

export const accountMethods = {
  'auth.status': query(z.object({}).strict(), returns<AuthStatus>(), 'Whether the office has operators yet, and who this window is signed in as.'),
  'auth.setup': officeMutation(
    z.object(newOperator).strict(),
    returns<SignedIn>(),
    'Creates the first operator, an administrator, and signs them in; refused once any operator exists.',
  ),
  'auth.signIn': officeMutation(
    z.object({ username, password: z.string().min(1, 'validation.required').max(128, 'validation.tooLong') }).strict(),
    returns<SignedIn>(),
    'Signs an operator in; repeated failures for a name are refused for a growing wait.',
  ),
  'auth.signOut': officeMutation(z.object({}).strict(), returns<null>(), 'Ends this window’s session.'),
  'auth.lock': officeMutation(z.object({}).strict(), returns<null>(), 'Locks this window’s session now; the same password opens it again.'),
  'auth.unlock': officeMutation(
    z.object({ password: z.string().min(1, 'validation.required').max(128, 'validation.tooLong') }).strict(),
    returns<Operator>(),
    'Opens a locked session with the signed-in operator’s password.',
  ),
  'auth.changePassword': officeMutation(
    z.object({ current: z.string().min(1, 'validation.required').max(128, 'validation.tooLong'), next: password }).strict(),
    returns<null>(),
    'Changes the signed-in operator’s own password.',
  ),
  'auth.setLockMinutes': officeMutation(
    z
      .object({
        minutes: z
          .number('validation.lockMinutes')
          .int('validation.lockMinutes')
          .min(lockMinutesRange.min, 'validation.lockMinutes')
          .max(lockMinutesRange.max, 'validation.lockMinutes'),
      })
      .strict(),
    returns<{ lockMinutes: number }>(),
    'How many minutes without use lock a window, for every operator.',
  ),
  'users.list': query(z.object({}).strict(), returns<Operator[]>(), 'Every operator, active or not, by username.'),
  'users.create': officeMutation(z.object({ ...newOperator, roles: roleList }).strict(), returns<Operator>(), 'Adds an operator with their roles.'),
  'users.update': officeMutation(
    z.object({ userId: id, displayName: requiredText(50), roles: roleList, active: z.boolean() }).strict(),
    returns<Operator>(),
    'Changes an operator’s name, roles or whether they may sign in; the last active administrator cannot be removed.',
  ),
  'users.resetPassword': officeMutation(
    z.object({ userId: id, password }).strict(),
    returns<null>(),
    'Sets a new password for an operator who forgot theirs; their open sessions end.',
  ),
} as const;

export const accountEvents = {
  'users.changed': z.object({ userId: z.string() }),
  'auth.lockMinutesChanged': z.object({ lockMinutes: z.number() }),
} as const;
