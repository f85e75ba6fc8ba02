import { eq } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { authEvents, users } from '../../db/schema';
import type { SessionInfo } from '../shared/contract';
import { ROLE_PERMISSIONS } from '../shared/permissions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { ServiceError } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import type { Credentials } from './credentials';
import { burnVerify, hashSecret, verifySecret } from './secrets';
import type { Session, SessionStore } from './sessions';
import type { StaffDirectory, StaffRecord } from './staffDirectory';

export type AuthEventType =
  | 'setup'
  | 'login_pin'
  | 'login_password'
  | 'unlock_pin'
  | 'unlock_password'
  | 'override_pin'
  | 'logout'
  | 'lock'
  | 'idle_lock'
  | 'account_locked'
  | 'account_unlocked'
  | 'password_change'
  | 'pin_change'
  | 'password_reset'
  | 'pin_reset';

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

/** Failures in a row on this till (any account) after which each try must wait, doubling up to 30 s. */
export const BACKOFF_AFTER = 3;
const BACKOFF_MAX_MS = 30_000;

function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Sign-in, lock, lockout and own-credential changes, with every attempt written to auth_events. */
export class AuthService {
  private tillFailures = 0;
  private tillBlockedUntil = 0;

  constructor(
    private readonly deps: Deps,
    private readonly sessions: SessionStore,
    private readonly staff: StaffDirectory,
    private readonly settings: SettingsStore,
    private readonly credentials: Credentials,
    private readonly audit: AuditLog,
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

  private lockedMessage(user: StaffRecord, until: number): string {
    return `Too many wrong tries: ${user.displayName} is locked for ${minutesText(until - this.deps.clock.now())}, or until a manager unlocks the account.`;
  }

  /**
   * Checks a PIN or password with the shop's protections: a per-till back-off after repeated
   * failures, a per-account lockout, one message for any mistake, and an auth event either way.
   */
  async checkCredentials(
    username: string,
    secret: string,
    kind: 'pin' | 'password',
    type: AuthEventType,
    metadata: Record<string, unknown> = {},
  ): Promise<StaffRecord> {
    const now = this.deps.clock.now();
    if (now < this.tillBlockedUntil) {
      const seconds = Math.ceil((this.tillBlockedUntil - now) / 1000);
      this.recordEvent({ type, successful: false, usernameSubmitted: username, metadata: { ...metadata, reason: 'till_backoff' } });
      throw new ServiceError('LOCKED', `Too many wrong tries on this till. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`);
    }

    const user = this.staff.findActiveByUsername(username);
    if (user?.lockedUntil && user.lockedUntil > now) {
      this.recordEvent({ type, successful: false, usernameSubmitted: username, userId: user.id, metadata: { ...metadata, reason: 'account_locked' } });
      throw new ServiceError('LOCKED', this.lockedMessage(user, user.lockedUntil));
    }

    const hash = kind === 'pin' ? user?.pinHash : user?.passwordHash;
    const verified = hash ? await verifySecret(hash, secret) : await burnVerify(secret);
    if (user && verified) {
      this.tillFailures = 0;
      this.tillBlockedUntil = 0;
      return user;
    }

    this.tillFailures += 1;
    if (this.tillFailures >= BACKOFF_AFTER) {
      this.tillBlockedUntil = this.deps.clock.now() + Math.min(BACKOFF_MAX_MS, 1000 * 2 ** (this.tillFailures - BACKOFF_AFTER));
    }
    let lockedUntil: number | null = null;
    this.deps.sqlite.transaction(() => {
      this.recordEvent({ type, successful: false, usernameSubmitted: username, userId: user?.id ?? null, metadata });
      if (!user) return;
      const security = this.settings.security();
      const attempts = user.failedLoginAttempts + 1;
      lockedUntil = attempts >= security.maxFailedAttempts ? now + security.lockoutMinutes * 60_000 : null;
      this.deps.db.update(users).set({ failedLoginAttempts: attempts, lockedUntil }).where(eq(users.id, user.id)).run();
      if (lockedUntil) {
        this.recordEvent({ type: 'account_locked', successful: true, usernameSubmitted: username, userId: user.id, metadata: { attempts } });
      }
    })();
    if (user && lockedUntil) throw new ServiceError('LOCKED', this.lockedMessage(user, lockedUntil));
    // One message whatever was wrong, so the screen does not confirm which usernames exist.
    throw new ServiceError(
      'UNAUTHENTICATED',
      kind === 'pin' ? "That name and PIN don't match. Try again." : "That name and password don't match. Try again.",
    );
  }

  private markSuccess(user: StaffRecord, type: AuthEventType, usernameSubmitted: string, metadata: Record<string, unknown> = {}): void {
    const now = this.deps.clock.now();
    this.deps.sqlite.transaction(() => {
      this.deps.db.update(users).set({ lastLogin: now, failedLoginAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
      this.recordEvent({ type, successful: true, usernameSubmitted, userId: user.id, metadata });
    })();
  }

  async login(senderId: string, username: string, secret: string, kind: 'pin' | 'password'): Promise<SessionInfo> {
    const existing = this.sessions.get(senderId);
    const lockedOwner = existing?.lockedAt !== null ? existing : undefined;
    const unlocking = !!lockedOwner && lockedOwner.username.toLowerCase() === username.trim().toLowerCase();
    const type: AuthEventType = `${unlocking ? 'unlock' : 'login'}_${kind}`;
    const user = await this.checkCredentials(username, secret, kind, type);
    this.markSuccess(user, type, username);
    if (unlocking && existing && existing.userId === user.id) {
      this.sessions.unlock(existing);
      return sessionInfo(existing);
    }
    return sessionInfo(
      this.sessions.start(senderId, { userId: user.id, username: user.username, displayName: user.displayName, role: user.role }),
    );
  }

  /** The approver's PIN, checked with the same protections as a sign-in (used by manager override). */
  async verifyApprover(username: string, pin: string, metadata: Record<string, unknown>): Promise<StaffRecord> {
    const user = await this.checkCredentials(username, pin, 'pin', 'override_pin', metadata);
    this.deps.db.update(users).set({ failedLoginAttempts: 0 }).where(eq(users.id, user.id)).run();
    this.recordEvent({ type: 'override_pin', successful: true, usernameSubmitted: username, userId: user.id, metadata });
    return user;
  }

  lock(session: Session): void {
    this.sessions.lock(session.senderId, 'manual');
  }

  logout(session: Session): void {
    this.sessions.end(session.senderId);
    this.recordEvent({ type: 'logout', successful: true, usernameSubmitted: session.username, userId: session.userId });
  }

  private async requireOwnSecret(session: Session, secret: string, kind: 'pin' | 'password', type: AuthEventType): Promise<void> {
    const user = this.staff.findById(session.userId);
    const hash = kind === 'pin' ? user?.pinHash : user?.passwordHash;
    if (!user || !hash || !(await verifySecret(hash, secret))) {
      this.recordEvent({ type, successful: false, usernameSubmitted: session.username, userId: session.userId });
      const field = kind === 'pin' ? 'currentPin' : 'currentPassword';
      throw new ServiceError('UNAUTHENTICATED', `Your current ${kind === 'pin' ? 'PIN' : 'password'} is not right`, {
        [field]: 'Not right',
      });
    }
  }

  async changePassword(session: Session, currentPassword: string, newPassword: string): Promise<void> {
    await this.requireOwnSecret(session, currentPassword, 'password', 'password_change');
    const hash = await this.credentials.preparePassword(session.userId, newPassword).catch((e: unknown) => {
      if (e instanceof ServiceError) throw new ServiceError(e.code, e.message, { newPassword: e.fields?.password ?? e.message });
      throw e;
    });
    this.deps.sqlite.transaction(() => {
      this.credentials.storePassword(session.userId, hash);
      this.audit.append({ actorUserId: session.userId, action: 'staff.password.change', entityType: 'user', entityId: session.userId });
      this.recordEvent({ type: 'password_change', successful: true, usernameSubmitted: session.username, userId: session.userId });
    })();
  }

  async changePin(session: Session, currentPin: string, newPin: string): Promise<void> {
    await this.requireOwnSecret(session, currentPin, 'pin', 'pin_change');
    const hash = await hashSecret(newPin);
    this.deps.sqlite.transaction(() => {
      this.credentials.storePin(session.userId, hash);
      this.audit.append({ actorUserId: session.userId, action: 'staff.pin.change', entityType: 'user', entityId: session.userId });
      this.recordEvent({ type: 'pin_change', successful: true, usernameSubmitted: session.username, userId: session.userId });
    })();
  }
}
