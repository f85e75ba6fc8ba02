import { randomUUID } from 'node:crypto';
import type { Role } from '../shared/permissions';
import type { Clock } from '../core/deps';

export interface Session {
  id: string;
  senderId: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  startedAt: number;
  lastActivityAt: number;
  lockedAt: number | null;
}

export type LockReason = 'idle' | 'manual';

/**
 * Sessions live only in main's memory, one per window (sender). A locked session keeps its
 * owner so the same person can unlock; anyone else signing in replaces it.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly idleLockMs: () => number,
    private readonly onLocked: (session: Session, reason: LockReason) => void,
  ) {}

  /** The window's session, locking it first if it has been idle too long. */
  get(senderId: string): Session | undefined {
    const session = this.sessions.get(senderId);
    if (session && session.lockedAt === null && this.clock.now() - session.lastActivityAt >= this.idleLockMs()) {
      this.lock(senderId, 'idle');
    }
    return session;
  }

  start(senderId: string, user: Pick<Session, 'userId' | 'username' | 'displayName' | 'role'>): Session {
    const now = this.clock.now();
    const session: Session = { id: randomUUID(), senderId, ...user, startedAt: now, lastActivityAt: now, lockedAt: null };
    this.sessions.set(senderId, session);
    return session;
  }

  touch(session: Session): void {
    session.lastActivityAt = this.clock.now();
  }

  lock(senderId: string, reason: LockReason): Session | undefined {
    const session = this.sessions.get(senderId);
    if (!session || session.lockedAt !== null) return session;
    session.lockedAt = this.clock.now();
    this.onLocked(session, reason);
    return session;
  }

  unlock(session: Session): void {
    session.lockedAt = null;
    session.lastActivityAt = this.clock.now();
  }

  end(senderId: string): void {
    this.sessions.delete(senderId);
  }

  /** End every session of a person (deactivated, or their role changed: they sign in again). */
  endUser(userId: string): void {
    for (const [senderId, session] of this.sessions) if (session.userId === userId) this.sessions.delete(senderId);
  }

  /** Lock every session that has gone idle (main calls this on a timer so the screen locks by itself). */
  sweepIdle(): void {
    for (const senderId of this.sessions.keys()) this.get(senderId);
  }
}
