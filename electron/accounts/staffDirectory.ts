import { and, asc, eq, sql } from 'drizzle-orm';
import { profiles, users } from '../../db/schema';
import type { LoginUser } from '../shared/contract';
import type { Role } from '../shared/permissions';
import type { Deps } from '../core/deps';

export interface StaffRecord {
  id: string;
  username: string;
  role: Role;
  passwordHash: string | null;
  pinHash: string | null;
  displayName: string;
}

/** "Maria S." — what tickets, receipts and the sign-in screen call a person. */
export function displayNameOf(p: { displayName: string; firstName: string; lastName: string; username: string }): string {
  if (p.displayName.trim()) return p.displayName.trim();
  const first = p.firstName.trim();
  if (!first) return p.username;
  const last = p.lastName.trim();
  return last ? `${first} ${last[0]!.toUpperCase()}.` : first;
}

/** Read-side lookups of staff accounts shared by sign-in, sessions and orders. */
export class StaffDirectory {
  constructor(private readonly deps: Pick<Deps, 'db'>) {}

  private select() {
    return this.deps.db
      .select({
        id: users.id,
        username: users.username,
        role: users.role,
        passwordHash: users.passwordHash,
        pinHash: users.pinHash,
        firstName: users.firstName,
        lastName: users.lastName,
        displayName: profiles.displayName,
      })
      .from(users)
      .leftJoin(profiles, eq(profiles.userId, users.id));
  }

  private toRecord(row: NonNullable<ReturnType<ReturnType<StaffDirectory['select']>['get']>>): StaffRecord {
    return {
      id: row.id,
      username: row.username,
      role: row.role,
      passwordHash: row.passwordHash,
      pinHash: row.pinHash,
      displayName: displayNameOf({ ...row, displayName: row.displayName ?? '' }),
    };
  }

  /** Case-insensitive username lookup among active accounts. */
  findActiveByUsername(username: string): StaffRecord | null {
    const row = this.select()
      .where(and(sql`lower(${users.username}) = lower(${username.trim()})`, eq(users.isActive, true)))
      .get();
    return row ? this.toRecord(row) : null;
  }

  findById(id: string): StaffRecord | null {
    const row = this.select().where(eq(users.id, id)).get();
    return row ? this.toRecord(row) : null;
  }

  listActive(): LoginUser[] {
    return this.select()
      .where(eq(users.isActive, true))
      .orderBy(asc(users.firstName), asc(users.username))
      .all()
      .map((row) => {
        const r = this.toRecord(row);
        return { username: r.username, displayName: r.displayName, role: r.role };
      });
  }

  count(): number {
    return this.deps.db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  }
}
