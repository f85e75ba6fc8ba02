import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import path from 'node:path';
import * as schema from './schema';
import { applySeedMenu, applySeedModifiers } from './seed/menu';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

export interface OpenDatabaseOptions {
  /** File path of the database; created if missing. */
  path: string;
  /** Folder of drizzle-kit SQL migrations; defaults to db/migrations next to this file. */
  migrationsFolder?: string;
  /** Path of a better_sqlite3.node built for the running runtime (Electron uses its own build). */
  nativeBinding?: string;
  /** Clock for seed timestamps. */
  now?: () => number;
}

export const DEFAULT_MIGRATIONS_FOLDER = path.join(__dirname, 'migrations');

/**
 * The pragmas of every connection the app writes with (the bench's floor uses them too, so it
 * pays the same costs).
 */
export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: with WAL, NORMAL can lose the last commits on a power cut, and a printed receipt must survive one.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A database file is data, not code: its views and triggers may not call functions with side effects.
  sqlite.pragma('trusted_schema = OFF');
  // Deleted rows (carts, notes, contact details) are overwritten with zeros, not left in free pages of the file.
  sqlite.pragma('secure_delete = ON');
}

/**
 * Opens (or creates) the database, sets the pragmas, applies pending migrations in one
 * transaction and the seed menu once.
 */
export function openDatabase(options: OpenDatabaseOptions): { sqlite: Sqlite; db: Db } {
  const sqlite = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER });
    const now = (options.now ?? Date.now)();
    applySeedMenu(sqlite, now);
    applySeedModifiers(sqlite, now);
    return { sqlite, db };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * A transaction for draft state (the open cart) committed without waiting for the disk.
 * With WAL, synchronous=NORMAL still survives an app crash; a power cut may drop the last few
 * cart taps, never an order: checkout commits with FULL, and that fsync also flushes every
 * earlier frame of the WAL. Measured by `npm run bench` (add-to-cart p99 budget 1 ms, where a
 * single fsync here alone takes 0.2–2 ms).
 */
export function draftTransaction<T>(sqlite: Sqlite, fn: () => T): T {
  sqlite.pragma('synchronous = NORMAL');
  try {
    return sqlite.transaction(fn)();
  } finally {
    sqlite.pragma('synchronous = FULL');
  }
}
