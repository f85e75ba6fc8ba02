import { and, desc, eq, notInArray } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { passwordHistory, users } from '../../db/schema';
import type { Deps } from '../core/deps';
import { conflict } from '../core/errors';
import { burnVerify, hashSecret, verifySecret } from './secrets';

export const PASSWORD_HISTORY_SIZE = 5;

/** Setting passwords and PINs. Hashing is slow on purpose, so it happens before the caller's transaction. */
export class Credentials {
  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock'>,
    /** The PIN pepper (KeyProvider.keys().pepperKey), read when first needed. */
    private readonly pepper: () => Buffer,
  ) {}

  /** A new PIN's hash, always peppered (store it with storePin, or insert it with pinPeppered: true). */
  preparePin(pin: string): Promise<string> {
    return hashSecret(pin, this.pepper());
  }

  /** Checks a PIN against its stored hash; a legacy (unpeppered) hash is checked without the pepper. */
  verifyPin(stored: { pinHash: string | null; pinPeppered: boolean } | null, pin: string): Promise<boolean> {
    if (!stored?.pinHash) return burnVerify(pin, this.pepper());
    return verifySecret(stored.pinHash, pin, stored.pinPeppered ? this.pepper() : undefined);
  }

  verifyPassword(stored: { passwordHash: string | null } | null, password: string): Promise<boolean> {
    return stored?.passwordHash ? verifySecret(stored.passwordHash, password) : burnVerify(password);
  }

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

  /** Inside the caller's transaction: store a hash from preparePin. */
  storePin(userId: string, pinHash: string): void {
    const now = this.deps.clock.now();
    this.deps.db.update(users).set({ pinHash, pinPeppered: true, updatedAt: now }).where(eq(users.id, userId)).run();
  }

  /**
   * Inside the success transaction of a sign-in with a legacy PIN hash: swap in the peppered one,
   * unless the PIN was reset meanwhile (then the old hash is no longer there to replace).
   */
  upgradePin(userId: string, oldHash: string, pepperedHash: string): boolean {
    const result = this.deps.db
      .update(users)
      .set({ pinHash: pepperedHash, pinPeppered: true, updatedAt: this.deps.clock.now() })
      .where(and(eq(users.id, userId), eq(users.pinHash, oldHash), eq(users.pinPeppered, false)))
      .run();
    return result.changes === 1;
  }
}
