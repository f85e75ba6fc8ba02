import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../db/open';
import { SEED_MENU } from '../../db/seed/menu';
import { makeTestCore, openShift, setupInput, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

const seededItems = SEED_MENU.reduce((n, c) => n + c.items.length, 0);

test('a fresh database is created, migrated and seeded once', () => {
  t = makeTestCore();
  const tables = (t.core.sqlite.prepare(`select name from sqlite_master where type='table'`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  for (const name of ['users', 'profiles', 'auth_events', 'audit_events', 'terminals', 'settings', 'categories', 'menu_items', 'carts', 'cart_items', 'orders', 'order_items', 'payments']) {
    expect(tables).toContain(name);
  }
  expect(t.count('categories')).toBe(SEED_MENU.length);
  expect(t.count('menu_items')).toBe(seededItems);
  expect(t.count('terminals')).toBe(1);
  expect(t.count('users')).toBe(0); // no default accounts, no default passwords
});

test('pragmas: WAL, synchronous FULL, foreign keys on', () => {
  t = makeTestCore();
  expect(t.core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(t.core.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  expect(t.core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
});

test('an already-migrated database opens again without re-running migrations or re-seeding', () => {
  t = makeTestCore();
  const migrationsBefore = t.count('__drizzle_migrations');
  t.core.sqlite.prepare(`update menu_items set base_price = 12345 where name = 'Latte'`).run();
  t.reopen();
  expect(t.count('__drizzle_migrations')).toBe(migrationsBefore);
  expect(t.count('menu_items')).toBe(seededItems);
  expect(t.count('terminals')).toBe(1);
  // the manager's edit survives: the seed is applied once, never again
  expect(t.core.sqlite.prepare(`select base_price from menu_items where name = 'Latte'`).pluck().get()).toBe(12345);
});

test('audit_events refuses UPDATE and DELETE', () => {
  t = makeTestCore();
  t.core.sqlite.transaction(() =>
    t.core.services.audit.append({ actorUserId: null, action: 'test.event', entityType: 'test', entityId: '1' }),
  )();
  expect(() => t.core.sqlite.prepare(`update audit_events set action = 'x'`).run()).toThrow(/append-only/);
  expect(() => t.core.sqlite.prepare(`delete from audit_events`).run()).toThrow(/append-only/);
  expect(t.count('audit_events')).toBe(1);
});

test('the audit chain verifies, and detects a row changed behind the triggers’ back', () => {
  t = makeTestCore();
  const { audit } = t.core.services;
  t.core.sqlite.transaction(() => {
    for (let i = 0; i < 3; i++) audit.append({ actorUserId: null, action: 'test.event', entityType: 'test', entityId: String(i), newValue: { i } });
  })();
  expect(audit.verify()).toBeNull();
  t.core.sqlite.exec('drop trigger audit_events_no_update');
  t.core.sqlite.prepare(`update audit_events set new_value = '{"i":99}' where entity_id = '1'`).run();
  expect(audit.verify()).toMatchObject({ seq: 2 });
});

test('orders cannot take a menu item or a user down with them (RESTRICT)', async () => {
  t = makeTestCore();
  await t.must('setup.complete', setupInput());
  await openShift(t); // cash goes into a counted drawer
  const latte = t.core.sqlite.prepare(`select id from menu_items where name = 'Latte'`).pluck().get() as string;
  await t.must('cart.addItem', { menuItemId: latte });
  await t.must('orders.checkout', { requestId: crypto.randomUUID(), payments: [{ method: 'cash', tendered: 100000 }] });
  expect(() => t.core.sqlite.prepare(`delete from menu_items where id = ?`).run(latte)).toThrow(/FOREIGN KEY/);
  // Refused twice over: the orders' RESTRICT, and the append-only sign-in log that would have to change.
  expect(() => t.core.sqlite.prepare(`delete from users`).run()).toThrow(/FOREIGN KEY|append-only/);
  expect(t.count('users')).toBe(1);
});

test('a database from before the keyed chains keeps its sign-in history (as unchained legacy rows) and gains the append-only guards', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-mig-'));
  try {
    // The migrations as they were before 0004, applied to a new file.
    const oldFolder = path.join(dir, 'migrations');
    fs.cpSync(DEFAULT_MIGRATIONS_FOLDER, oldFolder, { recursive: true });
    const journalPath = path.join(oldFolder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0004');
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    const dbPath = path.join(dir, 'old.sqlite');
    const old = new Database(dbPath);
    migrate(drizzle(old), { migrationsFolder: oldFolder });
    const insert = old.prepare(`insert into auth_events (id, event_type, username_submitted, successful, metadata, created_at) values (?, ?, 'olivia', 1, '{}', ?)`);
    insert.run('b-second', 'logout', 2000);
    insert.run('a-first', 'login_pin', 1000);
    old.close();

    const { sqlite } = openDatabase({ path: dbPath });
    try {
      expect(sqlite.prepare(`select seq, id, alg, hash from auth_events order by seq`).all()).toEqual([
        { seq: 1, id: 'a-first', alg: 0, hash: '' },
        { seq: 2, id: 'b-second', alg: 0, hash: '' },
      ]);
      expect(() => sqlite.prepare(`delete from auth_events`).run()).toThrow(/append-only/);
      expect(() => sqlite.prepare(`update auth_events set successful = 0`).run()).toThrow(/append-only/);
      expect(() =>
        sqlite.prepare(`insert or replace into auth_events (seq, id, event_type, successful, created_at) values (1, 'forged', 'login_pin', 1, 1)`).run(),
      ).toThrow(/append-only/);
      expect(sqlite.prepare(`select alg from audit_events limit 1`).all()).toEqual([]);
      expect(sqlite.prepare(`select count(*) from auth_events`).pluck().get()).toBe(2);
    } finally {
      sqlite.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('INSERT OR REPLACE cannot rewrite an audit row behind the append-only triggers', () => {
  t = makeTestCore();
  t.core.sqlite.transaction(() => t.core.services.audit.append({ actorUserId: null, action: 'test.event', entityType: 'test', entityId: '1' }))();
  const row = t.core.sqlite.prepare(`select * from audit_events`).get() as Record<string, unknown>;
  expect(() =>
    t.core.sqlite
      .prepare(
        `insert or replace into audit_events (seq, id, created_at, action, entity_type, entity_id, reason, prev_hash, hash) values (@seq, @id, @created_at, 'test.forged', 'test', '1', '', @prev_hash, @hash)`,
      )
      .run(row),
  ).toThrow(/append-only/);
  expect(t.core.sqlite.prepare(`select action from audit_events`).pluck().all()).toEqual(['test.event']);
});
