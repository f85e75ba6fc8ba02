import { and, desc, eq, notInArray } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { passwordHistory, users } from '../../db/schema';
import type { Deps } from '../core/deps';
import { conflict } from '../core/errors';
import { hashSecret, verifySecret } from './secrets';

export const PASSWORD_HISTORY_SIZE = 5;

/** Setting passwords and PINs. Hashing is slow on purpose, so it happens before the caller's transaction. */
export class Credentials {
  constructor(private readonly deps: Pick<Deps, 'db' | 'clock'>) {}

  /** Refuses any of the person's last five passwords (the current one included). */
  async preparePassword(userId: string | null, password: string): Promise<string> {
    if (userId) {
      const recent = this.deps.db
        .select({ hash: passwordHistory.passwordHash })
        .from(passwordHistory)
        .where(eq(passwordHistory.userId, userId))
        .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
        .limit(PASSWORD_HISTORY_SIZE)
        .all();
      for (const { hash } of recent) {
        if (await verifySecret(hash, password)) {
          throw conflict('Choose a password that was not used recently', { password: 'Used in the last 5 passwords' });
        }
      }
    }
    return hashSecret(password);
  }

  /** Inside the caller's transaction: store the new password hash and keep only the last five in history. */
  storePassword(userId: string, passwordHash: string): void {
    const now = this.deps.clock.now();
    const { db } = this.deps;
    db.update(users).set({ passwordHash, lastPasswordChange: now, updatedAt: now }).where(eq(users.id, userId)).run();
    db.insert(passwordHistory).values({ id: newId(now), userId, passwordHash, createdAt: now }).run();
    const keep = db
      .select({ id: passwordHistory.id })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
      .limit(PASSWORD_HISTORY_SIZE)
      .all()
      .map((r) => r.id);
    db.delete(passwordHistory).where(and(eq(passwordHistory.userId, userId), notInArray(passwordHistory.id, keep))).run();
  }

  storePin(userId: string, pinHash: string): void {
    const now = this.deps.clock.now();
    this.deps.db.update(users).set({ pinHash, updatedAt: now }).where(eq(users.id, userId)).run();
  }
}
