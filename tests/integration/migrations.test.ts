import { afterEach, expect, test } from 'vitest';
import { SEED_MENU } from '../../db/seed/menu';
import { makeTestCore, setupInput, type TestCore } from '../support/testCore';

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
  const latte = t.core.sqlite.prepare(`select id from menu_items where name = 'Latte'`).pluck().get() as string;
  await t.must('cart.addItem', { menuItemId: latte });
  await t.must('orders.checkout', { requestId: crypto.randomUUID(), payments: [{ method: 'cash', tendered: 100000 }] });
  expect(() => t.core.sqlite.prepare(`delete from menu_items where id = ?`).run(latte)).toThrow(/FOREIGN KEY/);
  // Refused twice over: the orders' RESTRICT, and the append-only sign-in log that would have to change.
  expect(() => t.core.sqlite.prepare(`delete from users`).run()).toThrow(/FOREIGN KEY|append-only/);
  expect(t.count('users')).toBe(1);
});
