import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { profiles, users } from '../../db/schema';
import type { LoginUser } from '../shared/contract';
import type { Role } from '../shared/permissions';
import type { Deps } from '../core/deps';

export interface StaffRecord {
  id: string;
  username: string;
  role: Role;
  isActive: boolean;
  passwordHash: string | null;
  pinHash: string | null;
  /** pinHash was made with the pepper key. */
  pinPeppered: boolean;
  firstName: string;
  lastName: string;
  displayName: string;
  encryptedEmail: Buffer | null;
  failedLoginAttempts: number;
  lockedUntil: number | null;
  lastLogin: number | null;
  dateJoined: number;
  profile: { displayName: string; phoneNumber: string; favoriteDrink: string; bio: string };
}

/** "Maria S." — what tickets, receipts and the sign-in screen call a person. */
export function displayNameOf(p: { displayName: string; firstName: string; lastName: string; username: string }): string {
  if (p.displayName.trim()) return p.displayName.trim();
  const first = p.firstName.trim();
  if (!first) return p.username;
  const last = p.lastName.trim();
  return last ? `${first} ${last[0]!.toUpperCase()}.` : first;
}

/** Read-side lookups of staff accounts shared by sign-in, sessions, staff management and orders. */
export class StaffDirectory {
  constructor(private readonly deps: Pick<Deps, 'db'>) {}

  private select() {
    return this.deps.db
      .select({ user: users, profile: profiles })
      .from(users)
      .leftJoin(profiles, eq(profiles.userId, users.id));
  }

  private toRecord(row: { user: typeof users.$inferSelect; profile: typeof profiles.$inferSelect | null }): StaffRecord {
    const u = row.user;
    const profile = {
      displayName: row.profile?.displayName ?? '',
      phoneNumber: row.profile?.phoneNumber ?? '',
      favoriteDrink: row.profile?.favoriteDrink ?? '',
      bio: row.profile?.bio ?? '',
    };
    return {
      id: u.id,
      username: u.username,
      role: u.role,
      isActive: u.isActive,
      passwordHash: u.passwordHash,
      pinHash: u.pinHash,
      pinPeppered: u.pinPeppered,
      firstName: u.firstName,
      lastName: u.lastName,
      displayName: displayNameOf({ ...u, displayName: profile.displayName }),
      encryptedEmail: u.encryptedEmail,
      failedLoginAttempts: u.failedLoginAttempts,
      lockedUntil: u.lockedUntil,
      lastLogin: u.lastLogin,
      dateJoined: u.dateJoined,
      profile,
    };
  }

  /** Case-insensitive username lookup among active accounts. */
  findActiveByUsername(username: string): StaffRecord | null {
    const row = this.select()
      .where(and(sql`lower(${users.username}) = lower(${username.trim()})`, eq(users.isActive, true)))
      .get();
    return row ? this.toRecord(row) : null;
  }

  usernameTaken(username: string): boolean {
    return !!this.deps.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username.trim()})`).get();
  }

  findById(id: string): StaffRecord | null {
    const row = this.select().where(eq(users.id, id)).get();
    return row ? this.toRecord(row) : null;
  }

  /** An id → display name lookup for one page of log entries, each person read once ("Unknown" once gone). */
  nameLookup(): (id: string | null) => string | null {
    const names = new Map<string, string>();
    return (id) => {
      if (!id) return null;
      if (!names.has(id)) names.set(id, this.findById(id)?.displayName ?? 'Unknown');
      return names.get(id)!;
    };
  }

  all(): StaffRecord[] {
    return this.select()
      .orderBy(desc(users.isActive), asc(users.firstName), asc(users.username))
      .all()
      .map((r) => this.toRecord(r));
  }

  listActive(): LoginUser[] {
    return this.all()
      .filter((r) => r.isActive)
      .map((r) => ({ username: r.username, displayName: r.displayName, role: r.role, hasPassword: r.passwordHash !== null }));
  }

  count(): number {
    return this.deps.db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  }
}
