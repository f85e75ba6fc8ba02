import { eq } from 'drizzle-orm';
import { newId, newToken } from '../../db/ids';
import { profiles, users } from '../../db/schema';
import type { ParsedInput, StaffView } from '../shared/contract';
import { manageableRoles, ROLE_LABELS, type Role } from '../shared/permissions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid, notFound, ServiceError } from '../core/errors';
import type { AuthService } from './authService';
import type { Credentials } from './credentials';
import type { EmailCrypto } from './emailCrypto';
import type { Session, SessionStore } from './sessions';
import type { StaffDirectory, StaffRecord } from './staffDirectory';

const needsPassword = (role: Role) => role !== 'barista';

/** Staff accounts: managers look after baristas, owners after everyone. Nobody is ever deleted. */
export class StaffService {
  constructor(
    private readonly deps: Deps,
    private readonly staff: StaffDirectory,
    private readonly credentials: Credentials,
    private readonly emails: EmailCrypto,
    private readonly audit: AuditLog,
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
  ) {}

  view(r: StaffRecord): StaffView {
    const { email, unreadable } = this.emails.tryDecrypt(r.id, r.encryptedEmail);
    return {
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      firstName: r.firstName,
      lastName: r.lastName,
      role: r.role,
      isActive: r.isActive,
      email,
      emailUnreadable: unreadable,
      hasPassword: r.passwordHash !== null,
      lockedUntil: r.lockedUntil && r.lockedUntil > this.deps.clock.now() ? r.lockedUntil : null,
      failedLoginAttempts: r.failedLoginAttempts,
      lastLogin: r.lastLogin,
      dateJoined: r.dateJoined,
      profile: r.profile,
    };
  }

  list(): StaffView[] {
    return this.staff.all().map((r) => this.view(r));
  }

  private mustView(userId: string): StaffView {
    const r = this.staff.findById(userId);
    if (!r) throw notFound('That person');
    return this.view(r);
  }

  /** The target, if the actor may manage them. */
  private requireManageable(actor: Session, userId: string): StaffRecord {
    const target = this.staff.findById(userId);
    if (!target) throw notFound('That person');
    if (!manageableRoles(actor.role).includes(target.role)) {
      throw new ServiceError('FORBIDDEN', `Only an owner can change a ${ROLE_LABELS[target.role].toLowerCase()}'s account.`);
    }
    return target;
  }

  private requireAssignable(actor: Session, role: Role): void {
    if (!manageableRoles(actor.role).includes(role)) {
      throw new ServiceError('FORBIDDEN', `Only an owner can make someone a ${ROLE_LABELS[role].toLowerCase()}.`, { role: 'Not allowed' });
    }
  }

  /** Sets (or clears) the encrypted email; refuses an email another person already has. */
  private writeEmail(userId: string, email: string | null): void {
    const digest = email ? this.emails.digest(email) : null;
    if (digest) {
      const other = this.deps.db.select({ id: users.id }).from(users).where(eq(users.emailDigest, digest)).get();
      if (other && other.id !== userId) throw conflict('That email belongs to someone else', { email: 'Already used by another person' });
    }
    this.deps.db
      .update(users)
      .set({ encryptedEmail: email ? this.emails.encrypt(userId, email) : null, emailDigest: digest, updatedAt: this.deps.clock.now() })
      .where(eq(users.id, userId))
      .run();
  }

  async create(actor: Session, input: ParsedInput<'staff.create'>): Promise<StaffView> {
    this.requireAssignable(actor, input.role);
    if (needsPassword(input.role) && !input.password) {
      throw invalid('Managers and owners need a password', { password: 'Required for managers and owners' });
    }
    if (this.staff.usernameTaken(input.username)) throw conflict('That username is taken', { username: 'Already taken' });
    const [pinHash, passwordHash] = await Promise.all([
      this.credentials.preparePin(input.pin),
      input.password ? this.credentials.preparePassword(null, input.password) : Promise.resolve(null),
    ]);
    const now = this.deps.clock.now();
    const userId = newId(now);
    this.deps.sqlite.transaction(() => {
      if (this.staff.usernameTaken(input.username)) throw conflict('That username is taken', { username: 'Already taken' });
      this.deps.db
        .insert(users)
        .values({
          id: userId,
          authToken: newToken(),
          username: input.username,
          pinHash,
          pinPeppered: true,
          firstName: input.firstName,
          lastName: input.lastName,
          role: input.role,
          dateJoined: now,
          updatedAt: now,
        })
        .run();
      this.deps.db.insert(profiles).values({ userId, updatedAt: now, ...input.profile }).run();
      if (passwordHash) this.credentials.storePassword(userId, passwordHash);
      if (input.email) this.writeEmail(userId, input.email);
      this.audit.append({
        actorUserId: actor.userId,
        action: 'staff.create',
        entityType: 'user',
        entityId: userId,
        newValue: { username: input.username, role: input.role, firstName: input.firstName, lastName: input.lastName, email: input.email ? 'set' : 'none' },
      });
    })();
    return this.mustView(userId);
  }

  update(actor: Session, input: ParsedInput<'staff.update'>): StaffView {
    const target = this.requireManageable(actor, input.userId);
    if (input.role && input.role !== target.role) {
      if (target.id === actor.userId) throw new ServiceError('FORBIDDEN', 'You cannot change your own role.', { role: 'Not your own' });
      this.requireAssignable(actor, input.role);
      if (needsPassword(input.role) && !target.passwordHash) {
        throw invalid('Set a password first: managers and owners need one', { role: 'Set a password first' });
      }
    }
    const before = { firstName: target.firstName, lastName: target.lastName, role: target.role, profile: target.profile };
    this.deps.sqlite.transaction(() => {
      const now = this.deps.clock.now();
      this.deps.db
        .update(users)
        .set({
          ...(input.firstName !== undefined && { firstName: input.firstName }),
          ...(input.lastName !== undefined && { lastName: input.lastName }),
          ...(input.role !== undefined && { role: input.role }),
          updatedAt: now,
        })
        .where(eq(users.id, target.id))
        .run();
      if (input.profile) this.deps.db.update(profiles).set({ ...input.profile, updatedAt: now }).where(eq(profiles.userId, target.id)).run();
      if (input.email !== undefined) this.writeEmail(target.id, input.email || null);
      const after = this.staff.findById(target.id)!;
      this.audit.append({
        actorUserId: actor.userId,
        action: input.role && input.role !== target.role ? 'staff.role.change' : 'staff.update',
        entityType: 'user',
        entityId: target.id,
        oldValue: { ...before, email: target.encryptedEmail ? 'set' : 'none' },
        newValue: {
          firstName: after.firstName,
          lastName: after.lastName,
          role: after.role,
          profile: after.profile,
          email: input.email === undefined ? (target.encryptedEmail ? 'set' : 'none') : input.email ? 'changed' : 'none',
        },
      });
    })();
    if (input.role && input.role !== target.role) this.sessions.endUser(target.id);
    return this.mustView(target.id);
  }

  setActive(actor: Session, userId: string, active: boolean): StaffView {
    if (userId === actor.userId && !active) throw new ServiceError('FORBIDDEN', 'You cannot deactivate your own account.');
    const target = this.requireManageable(actor, userId);
    if (target.isActive !== active) {
      this.deps.sqlite.transaction(() => {
        this.deps.db.update(users).set({ isActive: active, updatedAt: this.deps.clock.now() }).where(eq(users.id, userId)).run();
        this.audit.append({
          actorUserId: actor.userId,
          action: active ? 'staff.reactivate' : 'staff.deactivate',
          entityType: 'user',
          entityId: userId,
          oldValue: { isActive: target.isActive },
          newValue: { isActive: active },
        });
      })();
      if (!active) this.sessions.endUser(userId);
    }
    return this.mustView(userId);
  }

  async resetPin(actor: Session, userId: string, pin: string): Promise<StaffView> {
    const target = this.requireManageable(actor, userId);
    const hash = await this.credentials.preparePin(pin);
    this.deps.sqlite.transaction(() => {
      this.credentials.storePin(target.id, hash);
      this.audit.append({ actorUserId: actor.userId, action: 'staff.pin.reset', entityType: 'user', entityId: target.id });
      this.auth.recordEvent({ type: 'pin_reset', successful: true, usernameSubmitted: target.username, userId: target.id, metadata: { by: actor.userId } });
    })();
    this.endSessionsAfterReset(actor, target.id);
    return this.mustView(target.id);
  }

  async resetPassword(actor: Session, userId: string, password: string): Promise<StaffView> {
    const target = this.requireManageable(actor, userId);
    const hash = await this.credentials.preparePassword(target.id, password);
    this.deps.sqlite.transaction(() => {
      this.credentials.storePassword(target.id, hash);
      this.audit.append({ actorUserId: actor.userId, action: 'staff.password.reset', entityType: 'user', entityId: target.id });
      this.auth.recordEvent({ type: 'password_reset', successful: true, usernameSubmitted: target.username, userId: target.id, metadata: { by: actor.userId } });
    })();
    this.endSessionsAfterReset(actor, target.id);
    return this.mustView(target.id);
  }

  /** A reset secret means whoever is signed in as that person signs in again (an owner resetting their own keeps this window). */
  private endSessionsAfterReset(actor: Session, targetId: string): void {
    this.sessions.endUser(targetId, targetId === actor.userId ? actor.senderId : undefined);
  }

  unlock(actor: Session, userId: string): StaffView {
    const target = this.requireManageable(actor, userId);
    this.deps.sqlite.transaction(() => {
      this.deps.db.update(users).set({ failedLoginAttempts: 0, lockedUntil: null }).where(eq(users.id, target.id)).run();
      this.audit.append({
        actorUserId: actor.userId,
        action: 'staff.unlock',
        entityType: 'user',
        entityId: target.id,
        oldValue: { failedLoginAttempts: target.failedLoginAttempts, lockedUntil: target.lockedUntil },
      });
      this.auth.recordEvent({ type: 'account_unlocked', successful: true, usernameSubmitted: target.username, userId: target.id, metadata: { by: actor.userId } });
    })();
    return this.mustView(target.id);
  }
}
