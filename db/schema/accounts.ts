// Accounts, security logs and settings (DESIGN.md §3): people, tills, sign-in and audit trails.
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool } from './columns';

// ---------- accounts ----------

export const terminals = sqliteTable('terminals', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(), // short, used in order numbers: T1
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    authToken: text('auth_token').notNull().unique(), // immutable cross-terminal identity (seed 001)
    username: text('username').notNull(),
    passwordHash: text('password_hash'),
    pinHash: text('pin_hash'),
    encryptedEmail: blob('encrypted_email', { mode: 'buffer' }),
    emailDigest: text('email_digest').unique(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    role: text('role', { enum: ['barista', 'manager', 'owner'] }).notNull(),
    isActive: bool('is_active').notNull().default(true),
    dateJoined: integer('date_joined').notNull(),
    lastLogin: integer('last_login'),
    failedLoginAttempts: integer('failed_login_attempts').notNull().default(0),
    lockedUntil: integer('locked_until'),
    lastPasswordChange: integer('last_password_change'),
    // pin_hash was made with the pepper key (argon2's secret); older hashes are re-made at the next good sign-in.
    pinPeppered: bool('pin_peppered').notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_username_nocase').on(sql`lower(${t.username})`),
    check('users_role_check', sql`${t.role} in ('barista','manager','owner')`),
  ],
);

// The last passwords a person used, so a reset or change cannot go back to them (seed 002).
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('password_history_user').on(t.userId, t.createdAt)],
);

export const profiles = sqliteTable('profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull().default(''),
  phoneNumber: text('phone_number').notNull().default(''),
  favoriteDrink: text('favorite_drink').notNull().default(''),
  bio: text('bio').notNull().default(''),
  updatedAt: integer('updated_at').notNull(),
});

export const authEvents = sqliteTable(
  'auth_events',
  {
    // seq orders the keyed hash chain (like audit_events); append-only (triggers in the migration).
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    eventType: text('event_type').notNull(), // login_pin, login_password, logout, lock, idle_lock, setup …
    usernameSubmitted: text('username_submitted').notNull().default(''),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    terminalId: text('terminal_id').references(() => terminals.id, { onDelete: 'set null' }),
    successful: bool('successful').notNull(),
    appVersion: text('app_version').notNull().default(''),
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: integer('created_at').notNull(),
    // Chain: 0 = written before the chain existed (unchained), 2 = HMAC-SHA-256 with the audit key.
    alg: integer('alg').notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    index('auth_events_created').on(t.createdAt),
    index('auth_events_user').on(t.userId, t.seq),
    index('auth_events_type').on(t.eventType, t.seq),
  ],
);

// Append-only and hash-chained: see db/migrations/*_audit_append_only.sql for the triggers.
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    actorUserId: text('actor_user_id').references(() => users.id),
    approverUserId: text('approver_user_id').references(() => users.id),
    terminalId: text('terminal_id').references(() => terminals.id),
    action: text('action').notNull(), // order.checkout, shop.setup …
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    oldValue: text('old_value'), // JSON
    newValue: text('new_value'), // JSON
    reason: text('reason').notNull().default(''),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    // 1 = plain SHA-256 (rows written before the keyed chain), 2 = HMAC-SHA-256 with the audit key.
    alg: integer('alg').notNull().default(1),
  },
  (t) => [
    index('audit_events_created').on(t.createdAt),
    index('audit_events_actor').on(t.actorUserId, t.seq),
    index('audit_events_action').on(t.action, t.seq),
  ],
);

// ---------- settings ----------

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  version: integer('version').notNull().default(1), // base version for conflict-checked sync
  updatedAt: integer('updated_at').notNull(),
});
