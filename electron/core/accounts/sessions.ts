import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { MethodName } from '../contract/index.js';

export interface Session {
  /** Null for a grant: it acts for the app itself, not for an operator. */
  userId: string | null;
  lastUsed: number;
  locked: boolean;
  /** A grant for one job (printing PDFs): only these methods, and it ends on its own. */
  only?: ReadonlySet<MethodName>;
  expiresAt?: number;
}

/**
 * Signed-in windows, by a random token the window keeps. In memory only:
 * stopping the app signs everyone out, which is what "sign in on start" means.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly lockMinutes: () => number,
  ) {}

  open(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastUsed: this.now(), locked: false });
    return token;
  }

  /** A short-lived token limited to some methods, for a page the app opens on its own (the print page of a PDF). */
  grant(only: readonly MethodName[], minutes: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId: null, lastUsed: this.now(), locked: false, only: new Set(only), expiresAt: this.now() + minutes * 60_000 });
    return token;
  }

  /**
   * The session behind a token, locked first if it sat unused for longer than
   * the office allows: the window's own timer locks it sooner, this is the
   * backstop for a window that stopped asking.
   */
  find(token: string): Session | undefined {
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (session.expiresAt !== undefined && this.now() > session.expiresAt) {
      this.sessions.delete(token);
      return undefined;
    }
    if (!session.only && this.now() - session.lastUsed > this.lockMinutes() * 60_000) session.locked = true;
    return session;
  }

  touch(session: Session): void {
    session.lastUsed = this.now();
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** After a password reset or deactivation: wherever that person is signed in, they are out. */
  closeAllOf(userId: string): void {
    for (const [token, session] of this.sessions) if (session.userId === userId) this.sessions.delete(token);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
