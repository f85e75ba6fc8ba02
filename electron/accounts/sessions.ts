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
/** Why main ended a session by itself (sign-out and staff changes end sessions through their services). */
export type EndReason = 'expired' | 'window_closed';

export interface SessionLimits {
  /** Idle time after which the till locks. */
  idleLockMs(): number;
  /** Time after sign-in after which the session ends; unlocking does not extend it. */
  maxSessionMs(): number;
}

/**
 * Sessions live only in main's memory, one per window (sender). A locked session keeps its
 * owner so the same person can unlock; anyone else signing in replaces it.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: SessionLimits,
    private readonly onLocked: (session: Session, reason: LockReason) => void,
    private readonly onEnded: (session: Session, reason: EndReason) => void,
  ) {}

  /** The window's session: ended first if it outlived the maximum, locked if it has been idle too long. */
  get(senderId: string): Session | undefined {
    const session = this.sessions.get(senderId);
    if (!session) return undefined;
    const now = this.clock.now();
    if (now - session.startedAt >= this.limits.maxSessionMs()) {
      this.sessions.delete(senderId);
      this.onEnded(session, 'expired');
      return undefined;
    }
    if (session.lockedAt === null && now - session.lastActivityAt >= this.limits.idleLockMs()) {
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

  /** Real input at the till (the renderer's pointer/key ping); polling must never call this. */
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

  /** The window closed: its session goes with it (a new window must sign in). */
  endWindow(senderId: string): void {
    const session = this.sessions.get(senderId);
    if (!session) return;
    this.sessions.delete(senderId);
    this.onEnded(session, 'window_closed');
  }

  /**
   * End every session of a person (deactivated, role or credentials changed: they sign in again),
   * except `keepSenderId`'s (the window where they changed their own PIN or password).
   */
  endUser(userId: string, keepSenderId?: string): void {
    for (const [senderId, session] of this.sessions) {
      if (session.userId === userId && senderId !== keepSenderId) this.sessions.delete(senderId);
    }
  }

  /** Lock idle sessions and end outlived ones (main calls this on a timer so the screen updates by itself). */
  sweepIdle(): void {
    for (const senderId of [...this.sessions.keys()]) this.get(senderId);
  }
}
