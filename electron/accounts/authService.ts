import { eq } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { authEvents, users } from '../../db/schema';
import type { SessionInfo } from '../shared/contract';
import { ROLE_PERMISSIONS } from '../shared/permissions';
import type { Deps } from '../core/deps';
import { ServiceError } from '../core/errors';
import { burnVerify, verifySecret } from './secrets';
import type { Session, SessionStore } from './sessions';
import type { StaffDirectory } from './staffDirectory';

export type AuthEventType =
  | 'setup'
  | 'login_pin'
  | 'login_password'
  | 'unlock_pin'
  | 'unlock_password'
  | 'logout'
  | 'lock'
  | 'idle_lock';

export function sessionInfo(session: Session): SessionInfo {
  return {
    userId: session.userId,
    username: session.username,
    displayName: session.displayName,
    role: session.role,
    locked: session.lockedAt !== null,
    permissions: [...ROLE_PERMISSIONS[session.role]],
  };
}

/** Sign-in, lock and sign-out, with every attempt written to auth_events. */
export class AuthService {
  constructor(
    private readonly deps: Deps,
    private readonly sessions: SessionStore,
    private readonly staff: StaffDirectory,
  ) {}

  recordEvent(event: {
    type: AuthEventType;
    successful: boolean;
    usernameSubmitted?: string;
    userId?: string | null;
    metadata?: Record<string, unknown>;
  }): void {
    this.deps.db
      .insert(authEvents)
      .values({
        id: newId(this.deps.clock.now()),
        eventType: event.type,
        usernameSubmitted: event.usernameSubmitted ?? '',
        userId: event.userId ?? null,
        terminalId: this.deps.terminal.id,
        successful: event.successful,
        appVersion: this.deps.appVersion,
        metadata: event.metadata ?? {},
        createdAt: this.deps.clock.now(),
      })
      .run();
  }

  current(senderId: string): SessionInfo | null {
    const session = this.sessions.get(senderId);
    return session ? sessionInfo(session) : null;
  }

  async login(senderId: string, username: string, secret: string, kind: 'pin' | 'password'): Promise<SessionInfo> {
    const user = this.staff.findActiveByUsername(username);
    const hash = kind === 'pin' ? user?.pinHash : user?.passwordHash;
    const verified = hash ? await verifySecret(hash, secret) : await burnVerify(secret);
    const existing = this.sessions.get(senderId);
    const unlocking = !!user && existing?.userId === user.id && existing.lockedAt !== null;
    const type: AuthEventType = `${unlocking ? 'unlock' : 'login'}_${kind}`;

    if (!user || !verified) {
      this.recordEvent({ type, successful: false, usernameSubmitted: username, userId: user?.id ?? null });
      // One message whatever was wrong, so the screen does not confirm which usernames exist.
      throw new ServiceError(
        'UNAUTHENTICATED',
        kind === 'pin' ? "That name and PIN don't match. Try again." : "That name and password don't match. Try again.",
      );
    }

    const now = this.deps.clock.now();
    this.deps.sqlite.transaction(() => {
      this.deps.db.update(users).set({ lastLogin: now, failedLoginAttempts: 0 }).where(eq(users.id, user.id)).run();
      this.recordEvent({ type, successful: true, usernameSubmitted: username, userId: user.id });
    })();

    if (unlocking && existing) {
      this.sessions.unlock(existing);
      return sessionInfo(existing);
    }
    return sessionInfo(
      this.sessions.start(senderId, {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
      }),
    );
  }

  lock(session: Session): void {
    this.sessions.lock(session.senderId, 'manual');
  }

  logout(session: Session): void {
    this.sessions.end(session.senderId);
    this.recordEvent({ type: 'logout', successful: true, usernameSubmitted: session.username, userId: session.userId });
  }
}
