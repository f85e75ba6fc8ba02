import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { SessionInfo } from '../shared/contract';
import { can, OVERRIDE_ACTIONS, ROLE_PERMISSIONS, type OverrideAction } from '../shared/permissions';
import type { ErrorCode } from '../shared/result';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { ServiceError } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import type { Credentials } from './credentials';
import { KeyedQueue } from './keyedQueue';
import type { EndReason, Session, SessionStore } from './sessions';
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

/** One credential check: whose, which secret, what to record, and what a right secret leads to. */
interface AttemptSpec {
  kind: 'pin' | 'password';
  type: AuthEventType;
  secret: string;
  /** The name typed (or the session's username for one's own secret), as written to auth_events. */
  submitted: string;
  /** The account, read fresh from the database; null when there is none or it is not active. */
  lookup: () => StaffRecord | null;
  metadata?: Record<string, unknown>;
  /** After a right secret: refuse anyway (recorded; neither a wrong try nor clearing earlier ones). */
  refuse?: (user: StaffRecord) => { reason: string; code: Exclude<ErrorCode, 'INTERNAL'>; message: string } | null;
  /** Inside the success transaction (count cleared, legacy PIN hash upgraded): the caller's writes. */
  onSuccess: (user: StaffRecord) => void;
}

/** Sign-in, lock, lockout and own-credential changes, with every attempt written to auth_events. */
export class AuthService {
  private tillFailures = 0;
  private tillBlockedUntil = 0;
  /** One credential check at a time per account and per till (this service is the till's). */
  private readonly queue = new KeyedQueue();

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
    // Keyed hash chain, like audit_events (electron/audit/chain.ts).
    this.audit.appendAuthEvent(event);
  }

  current(senderId: string): SessionInfo | null {
    const session = this.sessions.get(senderId);
    return session ? sessionInfo(session) : null;
  }

  private lockedMessage(user: StaffRecord, until: number): string {
    return `Too many wrong tries: ${user.displayName} is locked for ${minutesText(until - this.deps.clock.now())}, or until a manager unlocks the account.`;
  }

  /**
   * Checks a PIN or password with the shop's protections: one check at a time per account and per
   * till, the attempt charged to the account before the slow hash check, a per-till back-off, one
   * message for any mistake, and an auth event either way.
   */
  private attempt(spec: AttemptSpec): Promise<StaffRecord> {
    return this.queue.run(['till', `account:${spec.submitted.trim().toLowerCase()}`], () => this.attemptNow(spec));
  }

  private async attemptNow(spec: AttemptSpec): Promise<StaffRecord> {
    const { db, sqlite, clock } = this.deps;
    const now = clock.now();
    const charged = sqlite.transaction(() => this.charge(spec, now))();
    if (charged.lockedFor) throw new ServiceError('LOCKED', this.lockedMessage(charged.lockedFor, charged.lockedFor.lockedUntil ?? now));
    const { user, lockedUntil } = charged;

    if (now < this.tillBlockedUntil) {
      this.recordFailure(spec, user, lockedUntil, 'till_backoff');
      if (user && lockedUntil) throw new ServiceError('LOCKED', this.lockedMessage(user, lockedUntil));
      const seconds = Math.ceil((this.tillBlockedUntil - now) / 1000);
      throw new ServiceError('LOCKED', `Too many wrong tries on this till. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`);
    }

    const verified =
      spec.kind === 'pin' ? await this.credentials.verifyPin(user, spec.secret) : await this.credentials.verifyPassword(user, spec.secret);
    if (!user || !verified) {
      this.tillFailures += 1;
      if (this.tillFailures >= BACKOFF_AFTER) {
        this.tillBlockedUntil = clock.now() + Math.min(BACKOFF_MAX_MS, 1000 * 2 ** (this.tillFailures - BACKOFF_AFTER));
      }
      this.recordFailure(spec, user, lockedUntil);
      if (user && lockedUntil) throw new ServiceError('LOCKED', this.lockedMessage(user, lockedUntil));
      throw this.mismatch(spec.kind);
    }

    const refusal = spec.refuse?.(user);
    if (refusal) {
      // The right secret from someone who may not do this: recorded as refused, and neither counted
      // as a wrong try nor clearing earlier ones (the charge made above is taken back).
      sqlite.transaction(() => {
        db.update(users)
          .set({
            failedLoginAttempts: sql`max(0, ${users.failedLoginAttempts} - 1)`,
            ...(lockedUntil !== null && { lockedUntil: sql`case when ${users.lockedUntil} = ${lockedUntil} then null else ${users.lockedUntil} end` }),
          })
          .where(eq(users.id, user.id))
          .run();
        this.recordEvent({ type: spec.type, successful: false, usernameSubmitted: spec.submitted, userId: user.id, metadata: { ...spec.metadata, reason: refusal.reason } });
      })();
      throw new ServiceError(refusal.code, refusal.message);
    }

    // A PIN hashed before the pepper existed is re-made with it now, while the PIN is at hand.
    const legacyPin = spec.kind === 'pin' && !user.pinPeppered && user.pinHash ? user.pinHash : null;
    const peppered = legacyPin ? await this.credentials.preparePin(spec.secret) : null;
    const fresh = sqlite.transaction(() => {
      const current = spec.lookup();
      const sameSecret = spec.kind === 'pin' ? current?.pinHash === user.pinHash : current?.passwordHash === user.passwordHash;
      // Reset, deactivated or renamed while the hash was being checked: this secret no longer counts.
      if (!current || current.id !== user.id || !sameSecret) return null;
      db.update(users).set({ failedLoginAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
      if (legacyPin && peppered) this.credentials.upgradePin(user.id, legacyPin, peppered);
      spec.onSuccess(current);
      return current;
    })();
    if (!fresh) {
      this.recordFailure(spec, user, null, 'changed_meanwhile');
      throw this.mismatch(spec.kind);
    }
    this.tillFailures = 0;
    this.tillBlockedUntil = 0;
    return fresh;
  }

  /**
   * In one transaction, before the secret is checked: refuse a locked account, start afresh after
   * an expired lock, and count this try (locking the account when it reaches the limit). A right
   * secret then clears the count; a wrong one leaves it.
   */
  private charge(spec: AttemptSpec, now: number): { user: StaffRecord | null; lockedUntil: number | null; lockedFor?: StaffRecord } {
    const { db } = this.deps;
    let user = spec.lookup();
    if (!user) return { user: null, lockedUntil: null };
    if (user.lockedUntil !== null && user.lockedUntil <= now) {
      // An expired lock starts a new count; otherwise one more miss would lock the person again at once.
      db.update(users).set({ failedLoginAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
      user = { ...user, failedLoginAttempts: 0, lockedUntil: null };
    }
    if (user.lockedUntil !== null) {
      this.recordEvent({ type: spec.type, successful: false, usernameSubmitted: spec.submitted, userId: user.id, metadata: { ...spec.metadata, reason: 'account_locked' } });
      return { user, lockedUntil: user.lockedUntil, lockedFor: user };
    }
    const security = this.settings.security();
    const attempts = user.failedLoginAttempts + 1;
    const lockedUntil = attempts >= security.maxFailedAttempts ? now + security.lockoutMinutes * 60_000 : null;
    db.update(users).set({ failedLoginAttempts: attempts, lockedUntil }).where(eq(users.id, user.id)).run();
    return { user: { ...user, failedLoginAttempts: attempts, lockedUntil }, lockedUntil };
  }

  private recordFailure(spec: AttemptSpec, user: StaffRecord | null, lockedUntil: number | null, reason?: string): void {
    this.deps.sqlite.transaction(() => {
      const metadata = reason ? { ...spec.metadata, reason } : (spec.metadata ?? {});
      this.recordEvent({ type: spec.type, successful: false, usernameSubmitted: spec.submitted, userId: user?.id ?? null, metadata });
      if (user && lockedUntil) {
        this.recordEvent({ type: 'account_locked', successful: true, usernameSubmitted: spec.submitted, userId: user.id, metadata: { attempts: user.failedLoginAttempts } });
      }
    })();
  }

  /** One message whatever was wrong, so the screen does not confirm which usernames exist. */
  private mismatch(kind: 'pin' | 'password'): ServiceError {
    return new ServiceError('UNAUTHENTICATED', kind === 'pin' ? "That name and PIN don't match. Try again." : "That name and password don't match. Try again.");
  }

  async login(senderId: string, username: string, secret: string, kind: 'pin' | 'password'): Promise<SessionInfo> {
    const existing = this.sessions.get(senderId);
    const lockedOwner = existing?.lockedAt !== null ? existing : undefined;
    const unlocking = !!lockedOwner && lockedOwner.username.toLowerCase() === username.trim().toLowerCase();
    const type: AuthEventType = `${unlocking ? 'unlock' : 'login'}_${kind}`;
    const user = await this.attempt({
      kind,
      type,
      secret,
      submitted: username,
      lookup: () => this.staff.findActiveByUsername(username),
      onSuccess: (u) => {
        this.deps.db.update(users).set({ lastLogin: this.deps.clock.now() }).where(eq(users.id, u.id)).run();
        this.recordEvent({ type, successful: true, usernameSubmitted: username, userId: u.id });
      },
    });
    // The window's session may have ended (or changed hands) while the secret was checked.
    const current = this.sessions.get(senderId);
    if (unlocking && current && current === existing && current.userId === user.id) {
      this.sessions.unlock(current);
      return sessionInfo(current);
    }
    return sessionInfo(
      this.sessions.start(senderId, { userId: user.id, username: user.username, displayName: user.displayName, role: user.role }),
    );
  }

  /**
   * The approver's PIN, checked with the same protections as a sign-in (manager override). A right
   * PIN from someone whose role cannot approve the action, or from the person asking, is refused
   * and recorded as such.
   */
  async verifyApprover(username: string, pin: string, metadata: { action: OverrideAction; requestedBy: string }): Promise<StaffRecord> {
    return this.attempt({
      kind: 'pin',
      type: 'override_pin',
      secret: pin,
      submitted: username,
      metadata,
      lookup: () => this.staff.findActiveByUsername(username),
      refuse: (u) => {
        if (u.id === metadata.requestedBy) {
          return { reason: 'own_request', code: 'FORBIDDEN', message: 'You cannot approve your own request. Ask another manager.' };
        }
        if (!can(u.role, OVERRIDE_ACTIONS[metadata.action])) {
          return { reason: 'role_cannot_approve', code: 'FORBIDDEN', message: `${u.displayName} cannot approve this. Ask a manager.` };
        }
        return null;
      },
      onSuccess: (u) => this.recordEvent({ type: 'override_pin', successful: true, usernameSubmitted: username, userId: u.id, metadata }),
    });
  }

  lock(session: Session): void {
    this.sessions.lock(session.senderId, 'manual');
  }

  logout(session: Session): void {
    this.sessions.end(session.senderId);
    this.recordEvent({ type: 'logout', successful: true, usernameSubmitted: session.username, userId: session.userId });
  }

  /** Main ended a session by itself (the maximum session time passed, or the window closed). */
  sessionEnded(session: Session, reason: EndReason | 'account_locked'): void {
    this.recordEvent({ type: 'logout', successful: true, usernameSubmitted: session.username, userId: session.userId, metadata: { reason } });
  }

  /**
   * The current secret before changing one's own, under the same lockout and back-off as sign-in.
   * When the wrong tries lock the account, this window's session ends: whoever is at it must not
   * stay signed in as a person who is now locked out.
   */
  private async requireOwnSecret(session: Session, secret: string, kind: 'pin' | 'password', type: AuthEventType): Promise<void> {
    const lookup = () => {
      const user = this.staff.findById(session.userId);
      return user?.isActive ? user : null;
    };
    try {
      await this.attempt({ kind, type, secret, submitted: session.username, lookup, onSuccess: () => {} });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const lockedUntil = lookup()?.lockedUntil ?? null;
      if (error.code === 'LOCKED' && lockedUntil !== null && lockedUntil > this.deps.clock.now()) {
        // Parallel tries from this window all land here: end (and record) the session once.
        if (this.sessions.get(session.senderId) === session) {
          this.sessions.end(session.senderId);
          this.sessionEnded(session, 'account_locked');
        }
        throw new ServiceError('LOCKED', `${error.message} You have been signed out.`);
      }
      if (error.code !== 'UNAUTHENTICATED') throw error;
      const field = kind === 'pin' ? 'currentPin' : 'currentPassword';
      throw new ServiceError('UNAUTHENTICATED', `Your current ${kind === 'pin' ? 'PIN' : 'password'} is not right`, { [field]: 'Not right' });
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
    // Anyone signed in elsewhere as this person signs in again; this window stays.
    this.sessions.endUser(session.userId, session.senderId);
  }

  async changePin(session: Session, currentPin: string, newPin: string): Promise<void> {
    await this.requireOwnSecret(session, currentPin, 'pin', 'pin_change');
    const hash = await this.credentials.preparePin(newPin);
    this.deps.sqlite.transaction(() => {
      this.credentials.storePin(session.userId, hash);
      this.audit.append({ actorUserId: session.userId, action: 'staff.pin.change', entityType: 'user', entityId: session.userId });
      this.recordEvent({ type: 'pin_change', successful: true, usernameSubmitted: session.username, userId: session.userId });
    })();
    this.sessions.endUser(session.userId, session.senderId);
  }
}
