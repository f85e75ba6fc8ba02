import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { EmailCrypto } from '../../electron/accounts/emailCrypto';
import { FileKeyProvider } from '../../electron/core/keys';
import { latteId } from '../support/channelCases';
import { dbFingerprint } from '../support/snapshot';
import {
  addStaff,
  makeSetUpCore,
  newRequestId,
  OWNER,
  signInAs,
  STAFF_PASSWORD,
  STAFF_PIN,
  type TestCore,
} from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

const events = (t: TestCore, type: string) =>
  t.core.sqlite.prepare(`select * from auth_events where event_type = ? order by id`).all(type) as Record<string, unknown>[];

async function wrongPin(t: TestCore, username: string, window = 'till') {
  return t.call('auth.loginPin', { username, pin: '999999' }, window);
}

describe('lockout', () => {
  test('five wrong PINs lock the account for 30 minutes, with a clear message; the right PIN is refused meanwhile', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    for (let i = 1; i <= 4; i++) {
      expect(await wrongPin(t, 'bea')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      t.clock.advance(31_000); // past the till's back-off
    }
    const fifth = await wrongPin(t, 'bea');
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    if (!fifth.ok) expect(fifth.error.message).toMatch(/Bea T\. is locked for 30 minutes, or until a manager unlocks/);
    t.clock.advance(31_000);
    expect(await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, 'till')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(events(t, 'account_locked')).toHaveLength(1);
    t.clock.advance(30 * 60_000);
    expect(await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, 'till')).toMatchObject({ ok: true });
    const bea = t.core.sqlite.prepare(`select failed_login_attempts, locked_until from users where username = 'bea'`).get();
    expect(bea).toEqual({ failed_login_attempts: 0, locked_until: null });
  });

  test('a manager unlocks a barista at once; a manager cannot unlock (or reset) an owner', async () => {
    t = await makeSetUpCore({});
    await t.must('settings.updateSecurity', { maxFailedAttempts: 3, lockoutMinutes: 30, idleLockMinutes: 15, discountLimitPercent: 5 });
    const bea = await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    const max = await signInAs(t, 'max');
    for (let i = 0; i < 3; i++) {
      await wrongPin(t, 'bea');
      t.clock.advance(31_000);
    }
    expect((await t.must('staff.list', {}, max)).find((s) => s.username === 'bea')?.lockedUntil).toBeGreaterThan(t.clock.now());
    await t.must('staff.unlock', { userId: bea.id }, max);
    expect(await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, 'till')).toMatchObject({ ok: true });
    const ownerId = t.core.sqlite.prepare(`select id from users where username = 'olivia'`).pluck().get() as string;
    expect(await t.call('staff.unlock', { userId: ownerId }, max)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('staff.resetPin', { userId: ownerId, pin: '604817' }, max)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.core.sqlite.prepare(`select action from audit_events where action = 'staff.unlock'`).pluck().all()).toEqual(['staff.unlock']);
    expect(events(t, 'account_unlocked')).toHaveLength(1);
  });

  test('the till slows PIN guessing across accounts: after 3 misses each try waits, doubling', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'barista', 'ben');
    await wrongPin(t, 'bea');
    await wrongPin(t, 'ben');
    await wrongPin(t, 'olivia');
    const blocked = await t.call('auth.loginPin', { username: 'ben', pin: STAFF_PIN }, 'till');
    expect(blocked).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/Wait 1 second/) } });
    t.clock.advance(1_000);
    await wrongPin(t, 'ben'); // 4th miss → 2 s
    expect(await t.call('auth.loginPin', { username: 'ben', pin: STAFF_PIN }, 'till')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    t.clock.advance(2_000);
    expect(await t.call('auth.loginPin', { username: 'ben', pin: STAFF_PIN }, 'till')).toMatchObject({ ok: true });
  });

  test('the idle lock follows the setting', async () => {
    t = await makeSetUpCore();
    await t.must('settings.updateSecurity', { maxFailedAttempts: 5, lockoutMinutes: 30, idleLockMinutes: 2, discountLimitPercent: 5 });
    t.clock.advance(2 * 60_000);
    expect(await t.call('menu.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('manager override', () => {
  async function baristaWithCart() {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    const bea = await signInAs(t, 'bea');
    await t.must('cart.addItem', { menuItemId: await latteId(t), quantity: 2 }, bea); // 330.00
    return bea;
  }
  const tenPercent = { discount: { kind: 'percent' as const, value: 1000 }, reason: 'Loyal customer' };
  const tenPercentOff = { scope: 'order' as const, kind: 'percent' as const, value: 1000 };

  test('a barista’s 10% discount needs a manager; the approval works once, and both people are recorded', async () => {
    const bea = await baristaWithCart();
    expect(await t.call('cart.setDiscount', tenPercent, bea)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: "Discounts over 5% need a manager's approval." },
    });
    expect(await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 500 } }, bea)).toMatchObject({ totals: { discountTotal: 1650 } });

    const approval = await t.must('override.approve', { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit', params: tenPercentOff }, bea);
    expect(approval.approverName).toBe('Max T.');
    const cart = await t.must('cart.setDiscount', { ...tenPercent, approvalId: approval.approvalId }, bea);
    expect(cart.discount).toEqual({ kind: 'percent', value: 1000, reason: 'Loyal customer', approvedBy: 'Max T.' });
    expect(cart.totals).toMatchObject({ subtotal: 33000, discountTotal: 3300, total: 29700 });
    // single-use
    expect(await t.call('cart.setDiscount', { ...tenPercent, approvalId: approval.approvalId }, bea)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const { order } = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 30000 }] }, bea);
    expect(order).toMatchObject({ subtotal: 33000, discountTotal: 3300, total: 29700, taxTotal: 3182 }); // 29700 × 12/112 = 3182.14
    expect(order.lines.reduce((a, l) => a + l.lineDiscount, 0)).toBe(3300);
    const [beaId, maxId] = ['bea', 'max'].map((u) => t.core.sqlite.prepare(`select id from users where username = ?`).pluck().get(u));
    const audit = t.core.sqlite
      .prepare(`select action, actor_user_id, approver_user_id, reason from audit_events where action in ('cart.discount', 'order.checkout') order by seq`)
      .all();
    expect(audit).toEqual([
      { action: 'cart.discount', actor_user_id: beaId, approver_user_id: null, reason: '' },
      { action: 'cart.discount', actor_user_id: beaId, approver_user_id: maxId, reason: 'Loyal customer' },
      { action: 'order.checkout', actor_user_id: beaId, approver_user_id: maxId, reason: 'Loyal customer' },
    ]);
  });

  test('approvals expire, cannot come from a barista, and a wrong manager PIN is refused and counted', async () => {
    const bea = await baristaWithCart();
    const approval = await t.must('override.approve', { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit', params: tenPercentOff }, bea);
    t.clock.advance(2 * 60_000 + 1);
    await t.must('auth.activity', {}, bea);
    expect(await t.call('cart.setDiscount', { ...tenPercent, approvalId: approval.approvalId }, bea)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await addStaff(t, 'barista', 'ben');
    expect(await t.call('override.approve', { username: 'ben', pin: STAFF_PIN, action: 'discount.overLimit', params: tenPercentOff }, bea)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Ben T. cannot approve this. Ask a manager.' },
    });
    expect(await t.call('override.approve', { username: 'max', pin: '999999', action: 'discount.overLimit', params: tenPercentOff }, bea)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(t.core.sqlite.prepare(`select failed_login_attempts from users where username = 'max'`).pluck().get()).toBe(1);
    // Ben's right PIN is recorded as a refusal, not as a successful override PIN (issue 7, item 18).
    expect(events(t, 'override_pin').map((e) => e.successful)).toEqual([1, 0, 0]);
  });

  test('an approval given to one till session cannot be used by another', async () => {
    const bea = await baristaWithCart();
    const approval = await t.must('override.approve', { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit', params: tenPercentOff }, 'window-1');
    expect(await t.call('cart.setDiscount', { ...tenPercent, approvalId: approval.approvalId }, bea)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('a manager gives a discount over the limit without an approval; an amount over the order is refused', async () => {
    await baristaWithCart();
    const max = await signInAs(t, 'max');
    await t.must('cart.addItem', { menuItemId: await latteId(t) }, max);
    expect((await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 2000 } }, max)).totals.discountTotal).toBe(3300);
    expect(await t.call('cart.setDiscount', { discount: { kind: 'amount', value: 99_999 } }, max)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('staff management', () => {
  test('managers add baristas only; owners add anyone; usernames are unique in any case', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'manager', 'max');
    const max = await signInAs(t, 'max');
    const bea = await t.must('staff.create', { username: 'bea', firstName: 'Bea', lastName: 'Cruz', role: 'barista', pin: STAFF_PIN }, max);
    expect(bea).toMatchObject({ role: 'barista', isActive: true, hasPassword: false, displayName: 'Bea C.', profile: { displayName: '' } });
    expect(t.core.sqlite.prepare(`select count(*) from profiles where user_id = ?`).pluck().get(bea.id)).toBe(1);
    expect(await t.call('staff.create', { username: 'moe', firstName: 'Moe', lastName: '', role: 'manager', pin: STAFF_PIN, password: STAFF_PASSWORD }, max)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('staff.create', { username: 'BEA', firstName: 'B', lastName: '', role: 'barista', pin: STAFF_PIN }, max)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { username: 'Already taken' } },
    });
    expect(await t.call('staff.create', { username: 'moe', firstName: 'Moe', lastName: '', role: 'manager', pin: STAFF_PIN })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: 'Required for managers and owners' } },
    });
    expect(await t.call('staff.update', { userId: bea.id, role: 'manager' }, max)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('deactivating keeps the person and their orders; they can no longer sign in and their session ends', async () => {
    t = await makeSetUpCore();
    const bea = await addStaff(t, 'barista', 'bea');
    const till = await signInAs(t, 'bea');
    await t.must('cart.addItem', { menuItemId: await latteId(t) }, till);
    const { order } = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] }, till);
    await t.must('staff.setActive', { userId: bea.id, active: false });
    expect(await t.call('menu.list', {}, till)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, till)).toMatchObject({ ok: false });
    expect((await t.must('auth.users', {})).map((u) => u.username)).toEqual(['olivia']);
    expect((await t.must('orders.get', { orderId: order.id })).staffName).toBe('Bea T.');
    expect((await t.must('staff.list', {})).find((s) => s.id === bea.id)).toMatchObject({ isActive: false });
    expect(await t.call('staff.setActive', { userId: t.core.sqlite.prepare(`select id from users where username='olivia'`).pluck().get() as string, active: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await t.must('staff.setActive', { userId: bea.id, active: true });
    expect(await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, till)).toMatchObject({ ok: true });
  });

  test('PIN and password resets work and are audited; a reset PIN must not be trivial', async () => {
    t = await makeSetUpCore();
    const max = await addStaff(t, 'manager', 'max');
    await t.must('staff.resetPin', { userId: max.id, pin: '604817' });
    await t.must('staff.resetPassword', { userId: max.id, password: 'another long password' });
    expect(await t.call('staff.resetPin', { userId: max.id, pin: '121212' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('auth.loginPin', { username: 'max', pin: '604817' }, 'w2')).toMatchObject({ ok: true });
    expect(await t.call('auth.loginPassword', { username: 'max', password: 'another long password' }, 'w3')).toMatchObject({ ok: true });
    expect(t.core.sqlite.prepare(`select action from audit_events where entity_id = ? order by seq`).pluck().all(max.id)).toEqual([
      'staff.create',
      'staff.pin.reset',
      'staff.password.reset',
    ]);
  });

  test('profile fields are saved with the person and shown back', async () => {
    t = await makeSetUpCore();
    const bea = await addStaff(t, 'barista', 'bea', { profile: { displayName: 'Bee', phoneNumber: '+63 917 555 0100', favoriteDrink: 'Cortado', bio: 'Opens on Mondays' } });
    expect(bea.profile).toEqual({ displayName: 'Bee', phoneNumber: '+63 917 555 0100', favoriteDrink: 'Cortado', bio: 'Opens on Mondays' });
    expect(bea.displayName).toBe('Bee');
    const updated = await t.must('staff.update', { userId: bea.id, profile: { favoriteDrink: 'Flat White' } });
    expect(updated.profile.favoriteDrink).toBe('Flat White');
    expect(updated.profile.bio).toBe('Opens on Mondays');
  });
});

describe('passwords', () => {
  test('changing your own password needs the current one, and the last 5 cannot be reused', async () => {
    t = await makeSetUpCore();
    expect(await t.call('auth.changePassword', { currentPassword: 'not my password', newPassword: 'password number one' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', fields: { currentPassword: 'Not right' } },
    });
    expect(await t.call('auth.changePassword', { currentPassword: OWNER.password, newPassword: OWNER.password })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { newPassword: 'Used in the last 5 passwords' } },
    });
    let current = OWNER.password;
    for (let i = 1; i <= 5; i++) {
      const next = `password number ${i}!`;
      await t.must('auth.changePassword', { currentPassword: current, newPassword: next });
      current = next;
    }
    // history now holds passwords 1–5; the setup password has dropped out and may be used again
    expect(await t.call('auth.changePassword', { currentPassword: current, newPassword: 'password number 2!' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await t.must('auth.changePassword', { currentPassword: current, newPassword: OWNER.password });
    expect(t.core.sqlite.prepare(`select count(*) from password_history`).pluck().get()).toBe(5);
    expect(events(t, 'password_change').map((e) => e.successful)).toEqual([0, 1, 1, 1, 1, 1, 1]);
  });

  test('changing your own PIN', async () => {
    t = await makeSetUpCore();
    await t.must('auth.changePin', { currentPin: OWNER.pin, newPin: '604817' });
    expect(await t.call('auth.loginPin', { username: 'olivia', pin: '604817' }, 'w2')).toMatchObject({ ok: true });
    expect(await t.call('auth.loginPin', { username: 'olivia', pin: OWNER.pin }, 'w3')).toMatchObject({ ok: false });
  });
});

describe('emails', () => {
  test('the same email twice gives different ciphertexts and the same digest; a tampered tag is refused', async () => {
    t = await makeSetUpCore();
    const crypto = t.core.services.emails;
    const a = crypto.encrypt('user-1', 'Bea@Example.com');
    const b = crypto.encrypt('user-1', 'Bea@Example.com');
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1); // version byte
    expect(crypto.decrypt('user-1', a)).toBe('Bea@Example.com');
    expect(crypto.digest('Bea@Example.com')).toBe(crypto.digest('  bea@example.COM '));
    const tampered = Buffer.from(a);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    expect(() => crypto.decrypt('user-1', tampered)).toThrow();
    expect(() => crypto.decrypt('user-2', a)).toThrow(); // bound to the user id
  });

  test('emails are stored encrypted; a duplicate in any case is a CONFLICT and changes nothing', async () => {
    t = await makeSetUpCore();
    const bea = await addStaff(t, 'barista', 'bea', { email: 'bea@example.com' });
    expect(bea.email).toBe('bea@example.com');
    const raw = t.core.sqlite.prepare(`select encrypted_email, email_digest from users where id = ?`).get(bea.id) as { encrypted_email: Buffer; email_digest: string };
    expect(raw.encrypted_email.toString('latin1')).not.toContain('bea@example.com');
    expect(raw.email_digest).toMatch(/^[0-9a-f]{64}$/);
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('staff.create', { username: 'ben', firstName: 'Ben', lastName: '', role: 'barista', pin: STAFF_PIN, email: 'BEA@example.com ' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { email: 'Already used by another person' } },
    });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    expect((await t.must('staff.update', { userId: bea.id, email: null })).email).toBeNull();
  });

  test('losing the key loses emails and PINs only: password sign-in and orders still work', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea', { email: 'bea@example.com' });
    const till = await signInAs(t, 'bea');
    await t.must('cart.addItem', { menuItemId: await latteId(t) }, till);
    await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] }, till);
    fs.rmSync(path.join(t.dir, 'brewline.keys'));
    t.reopen();
    // PIN hashes are peppered with a key from the same store: the owner signs in with the password
    // and resets PINs (their own too).
    expect(await t.call('auth.loginPin', { username: 'olivia', pin: OWNER.pin })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await t.must('auth.loginPassword', { username: 'olivia', password: OWNER.password });
    expect((await t.must('staff.list', {})).find((s) => s.username === 'bea')).toMatchObject({ email: null, emailUnreadable: true });
    expect((await t.must('orders.list', {})).orders).toHaveLength(1);
  });

  test('the key file is created readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'brewline-keys-'));
    const file = path.join(dir, 'k.json');
    const provider = new FileKeyProvider(file, {});
    new EmailCrypto(provider).digest('x@example.com');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    new EmailCrypto(new FileKeyProvider(file, {})).digest('x@example.com');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('audit log', () => {
  test('filters by person, action and date; the chain verifies until a row is changed behind the triggers', async () => {
    t = await makeSetUpCore({}, { openShift: false }); // no shift: the trail below is exactly these events
    await addStaff(t, 'manager', 'max');
    const latte = await latteId(t);
    t.clock.advance(24 * 3600_000); // the next day
    const max = await signInAs(t, 'max');
    await t.must('menu.updateItem', { menuItemId: latte, price: 17500 }, max);
    await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin });
    const all = await t.must('audit.list', {});
    expect(all.events.map((e) => e.action)).toEqual(['menu.item.price', 'staff.create', 'staff.create', 'shop.setup']);
    expect(all.events[0]).toMatchObject({ actorName: 'Max T.', terminalName: 'Till 1', entityType: 'menu_item' });
    expect(JSON.parse(all.events[0]!.oldValue!)).toMatchObject({ price: 16500 });
    const maxId = t.core.sqlite.prepare(`select id from users where username='max'`).pluck().get() as string;
    expect((await t.must('audit.list', { actorUserId: maxId })).events.map((e) => e.action)).toEqual(['menu.item.price']);
    expect((await t.must('audit.list', { action: 'staff.create' })).events).toHaveLength(2);
    expect((await t.must('audit.list', { fromDay: '2026-11-24', toDay: '2026-11-24' })).events.map((e) => e.action)).toEqual(['menu.item.price']);
    expect((await t.must('audit.list', { toDay: '2026-11-23' })).events).toHaveLength(3);
    const filters = await t.must('audit.filters', {});
    expect(filters.actions).toEqual(['menu.item.price', 'shop.setup', 'staff.create']);
    expect(filters.people.map((p) => p.name)).toEqual(['Max T.', 'Olivia R.']);
    const page = await t.must('audit.list', { limit: 3 });
    expect((await t.must('audit.list', { limit: 3, before: page.nextCursor! })).events.map((e) => e.action)).toEqual(['shop.setup']);

    expect(await t.must('audit.verify', {})).toMatchObject({ intact: true, checked: 4, brokenAt: null });
    t.core.sqlite.exec('drop trigger audit_events_no_update');
    t.core.sqlite.prepare(`update audit_events set new_value = '{"price":1}' where action = 'menu.item.price'`).run();
    expect(await t.must('audit.verify', {})).toMatchObject({ intact: false, brokenAt: { seq: 4 } });
  });
});

describe('orders by role', () => {
  test('baristas see today’s orders only; managers see every day', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    const latte = await latteId(t);
    await t.must('cart.addItem', { menuItemId: latte });
    const yesterday = (await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] })).order;
    t.clock.advance(24 * 3600_000);
    const bea = await signInAs(t, 'bea');
    const max = await signInAs(t, 'max');
    await t.must('cart.addItem', { menuItemId: latte }, bea);
    const today = (await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] }, bea)).order;
    expect((await t.must('orders.list', {}, bea)).orders.map((o) => o.id)).toEqual([today.id]);
    expect(await t.call('orders.get', { orderId: yesterday.id }, bea)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.must('orders.list', {}, max)).orders.map((o) => o.id)).toEqual([today.id, yesterday.id]);
  });
});
