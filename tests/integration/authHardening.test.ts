// Sign-in, lockout and session hardening (issue 7, items 1–4, 7–9, 13, 18): attempts charged
// before the slow hash check and serialised per account and per till, idle lock from real input
// only, own-secret changes under the lockout, sessions that end, settings bounds, the PIN pepper,
// and approvals refused to those who may not give them.
import { afterEach, describe, expect, test } from 'vitest';
import { hashSecret, verifySecret } from '../../electron/accounts/secrets';
import { FileKeyProvider } from '../../electron/core/keys';
import { latteId } from '../support/channelCases';
import { addStaff, makeSetUpCore, OWNER, signInAs, STAFF_PASSWORD, STAFF_PIN, type TestCore } from '../support/testCore';
import path from 'node:path';

let t: TestCore;
afterEach(() => t?.close());

const WRONG = '999999';
const user = (username: string) =>
  t.core.sqlite.prepare(`select id, failed_login_attempts, locked_until, pin_hash, pin_peppered from users where username = ?`).get(username) as {
    id: string;
    failed_login_attempts: number;
    locked_until: number | null;
    pin_hash: string;
    pin_peppered: number;
  };
const events = (type: string) =>
  t.core.sqlite.prepare(`select successful, user_id, metadata from auth_events where event_type = ? order by rowid`).all(type) as {
    successful: number;
    user_id: string | null;
    metadata: string;
  }[];
const pepper = () => new FileKeyProvider(path.join(t.dir, 'brewline.keys'), {}).keys().pepperKey;
const approve = (username: string, pin: string) =>
  ({ username, pin, action: 'discount.overLimit', params: { scope: 'order', kind: 'percent', value: 1000 } }) as const;

describe('parallel tries cannot get around the lockout (item 1)', () => {
  test('50 concurrent wrong PINs lock the account; the right PIN then fails', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => t.call('auth.loginPin', { username: 'bea', pin: WRONG }, `w${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(user('bea')).toMatchObject({ failed_login_attempts: 5, locked_until: t.clock.now() + 30 * 60_000 });
    expect(events('account_locked')).toHaveLength(1);
    t.clock.advance(60_000); // past the till's back-off, still inside the lockout
    const right = await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, 'till');
    expect(right).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/Bea T\. is locked/) } });
  });

  test('199 wrong and 1 right PIN at once never sign in', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    const tries = Array.from({ length: 200 }, (_, i) => (i === 100 ? STAFF_PIN : WRONG));
    const results = await Promise.all(tries.map((pin, i) => t.call('auth.loginPin', { username: 'bea', pin }, `w${i}`)));
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(events('login_pin').filter((e) => e.successful)).toEqual([]);
    expect(user('bea').locked_until).toBeGreaterThan(t.clock.now());
  });

  test('the till back-off holds when tries arrive together: after 3 misses the rest are turned away unchecked', async () => {
    t = await makeSetUpCore();
    const names = Array.from({ length: 10 }, (_, i) => `nobody${i}`);
    await Promise.all(names.map((username) => t.call('auth.loginPin', { username, pin: WRONG }, username)));
    const reasons = events('login_pin').map((e) => (JSON.parse(e.metadata) as { reason?: string }).reason ?? 'checked');
    expect(reasons.filter((r) => r === 'checked')).toHaveLength(3);
    expect(reasons.filter((r) => r === 'till_backoff')).toHaveLength(7);
  });

  test('concurrent override.approve guesses lock the manager too, and issue nothing', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    const bea = await signInAs(t, 'bea');
    const tries = Array.from({ length: 60 }, (_, i) => (i === 30 ? STAFF_PIN : WRONG));
    const results = await Promise.all(tries.map((pin) => t.call('override.approve', approve('max', pin), bea)));
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(user('max').locked_until).toBeGreaterThan(t.clock.now());
    t.clock.advance(60_000);
    expect(await t.call('override.approve', approve('max', STAFF_PIN), bea)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('idle lock from real input only (item 2)', () => {
  test('a window that only polls the bar queue locks after the idle time; one that pings activity does not', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    const bar = await signInAs(t, 'bea'); // polls only
    const counter = 'window-1'; // the owner, touching the screen
    for (let s = 5; s < 15 * 60; s += 5) {
      t.clock.advance(5_000);
      expect(await t.call('orders.queue', {}, bar)).toMatchObject({ ok: true });
      if (s % 60 === 0) await t.must('auth.activity', {}, counter);
    }
    t.clock.advance(5_000); // 15 minutes since Bea signed in
    expect(await t.call('orders.queue', {}, bar)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await t.call('orders.queue', {}, counter)).toMatchObject({ ok: true });
  });
});

describe('changing your own secret is under the lockout (item 3)', () => {
  test('repeated wrong current PINs lock the account and end this window’s session', async () => {
    t = await makeSetUpCore();
    for (let i = 1; i <= 4; i++) {
      expect(await t.call('auth.changePin', { currentPin: WRONG, newPin: '604817' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', fields: { currentPin: 'Not right' } },
      });
      t.clock.advance(31_000); // past the till's back-off
    }
    const fifth = await t.call('auth.changePin', { currentPin: WRONG, newPin: '604817' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/Olivia R\. is locked .*You have been signed out\./) } });
    expect(await t.must('auth.session', {})).toBeNull();
    expect(await t.call('auth.loginPin', { username: 'olivia', pin: OWNER.pin }, 'w2')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(events('pin_change').map((e) => e.successful)).toEqual([0, 0, 0, 0, 0]);
  });

  test('parallel wrong current passwords are counted one by one', async () => {
    t = await makeSetUpCore();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.call('auth.changePassword', { currentPassword: 'not my password', newPassword: 'a brand new password' })),
    );
    expect(results.some((r) => !r.ok && r.error.code === 'LOCKED')).toBe(true);
    expect(user('olivia').locked_until).toBeGreaterThan(t.clock.now());
    expect(t.core.sqlite.prepare(`select count(*) from password_history`).pluck().get()).toBe(1);
  });

  test('the right current PIN clears earlier misses', async () => {
    t = await makeSetUpCore();
    await t.call('auth.changePin', { currentPin: WRONG, newPin: '604817' });
    expect(user('olivia').failed_login_attempts).toBe(1);
    await t.must('auth.changePin', { currentPin: OWNER.pin, newPin: '604817' });
    expect(user('olivia').failed_login_attempts).toBe(0);
  });
});

describe('an expired lockout starts a new count (item 4)', () => {
  test('after the lockout one more miss is just a miss', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    for (let i = 0; i < 5; i++) {
      await t.call('auth.loginPin', { username: 'bea', pin: WRONG }, 'till');
      t.clock.advance(31_000);
    }
    expect(user('bea').locked_until).not.toBeNull();
    t.clock.advance(30 * 60_000);
    expect(await t.call('auth.loginPin', { username: 'bea', pin: WRONG }, 'till')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(user('bea')).toMatchObject({ failed_login_attempts: 1, locked_until: null });
    t.clock.advance(31_000);
    expect(await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, 'till')).toMatchObject({ ok: true });
  });
});

describe('sessions end (item 7)', () => {
  test('a PIN or password reset signs the person out everywhere', async () => {
    t = await makeSetUpCore();
    const bea = await addStaff(t, 'barista', 'bea');
    const max = await addStaff(t, 'manager', 'max');
    await signInAs(t, 'bea');
    await signInAs(t, 'max');
    await t.must('staff.resetPin', { userId: bea.id, pin: '604817' });
    expect(await t.call('menu.list', {}, 'bea')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await t.must('staff.resetPassword', { userId: max.id, password: 'another long password' });
    expect(await t.call('menu.list', {}, 'max')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('menu.list', {})).toMatchObject({ ok: true }); // the owner who reset them stays
  });

  test('changing your own PIN or password ends your other sessions and keeps this window', async () => {
    t = await makeSetUpCore();
    await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin }, 'back-office');
    await t.must('auth.changePin', { currentPin: OWNER.pin, newPin: '604817' });
    expect(await t.call('menu.list', {}, 'back-office')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('menu.list', {})).toMatchObject({ ok: true });
    await t.must('auth.loginPin', { username: 'olivia', pin: '604817' }, 'back-office');
    await t.must('auth.changePassword', { currentPassword: OWNER.password, newPassword: 'a brand new password' });
    expect(await t.call('menu.list', {}, 'back-office')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('menu.list', {})).toMatchObject({ ok: true });
  });

  test('an owner resetting their own PIN keeps this window only', async () => {
    t = await makeSetUpCore();
    const ownerId = user('olivia').id;
    await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin }, 'back-office');
    await t.must('staff.resetPin', { userId: ownerId, pin: '604817' });
    expect(await t.call('menu.list', {})).toMatchObject({ ok: true });
    expect(await t.call('menu.list', {}, 'back-office')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('deactivating someone ends their sessions', async () => {
    t = await makeSetUpCore();
    const bea = await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    await t.must('staff.setActive', { userId: bea.id, active: false });
    expect(await t.call('menu.list', {}, 'bea')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('a session ends after 12 hours however busy; unlocking does not extend it', async () => {
    t = await makeSetUpCore();
    const sent: unknown[] = [];
    t.core.onEvent((senderId, event, payload) => sent.push({ senderId, event, payload }));
    for (let h = 0; h < 11; h++) {
      t.clock.advance(60 * 60_000 - 60_000); // idle: the till locks
      expect(await t.must('auth.session', {})).toMatchObject({ locked: true });
      await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin }); // unlock
      t.clock.advance(60_000);
      await t.must('auth.activity', {});
    }
    for (let m = 0; m < 5; m++) {
      t.clock.advance(10 * 60_000);
      await t.must('auth.activity', {});
    }
    t.clock.advance(10 * 60_000 - 1); // 1 ms short of 12 hours
    expect(await t.call('menu.list', {})).toMatchObject({ ok: true });
    t.clock.advance(1);
    t.core.sweepIdle();
    expect(sent).toContainEqual({ senderId: 'window-1', event: 'session.ended', payload: { reason: 'expired' } });
    expect(await t.must('auth.session', {})).toBeNull();
    expect(await t.call('menu.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(events('logout').map((e) => JSON.parse(e.metadata))).toContainEqual({ reason: 'expired' });
    // Signing in again starts a new 12 hours.
    await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin });
    for (let m = 0; m < 6; m++) {
      t.clock.advance(10 * 60_000);
      await t.must('auth.activity', {});
    }
    expect(await t.call('menu.list', {})).toMatchObject({ ok: true });
  });

  test('the longest sign-in follows the setting', async () => {
    t = await makeSetUpCore();
    await t.must('settings.updateSecurity', { maxFailedAttempts: 5, lockoutMinutes: 30, idleLockMinutes: 15, discountLimitPercent: 5, maxSessionHours: 1 });
    for (let m = 0; m < 5; m++) {
      t.clock.advance(10 * 60_000);
      await t.must('auth.activity', {});
    }
    t.clock.advance(10 * 60_000);
    expect(await t.call('menu.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('closing a window ends its session (and only its own)', async () => {
    t = await makeSetUpCore();
    await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin }, 'window-2');
    t.core.endWindow('window-1');
    expect(await t.must('auth.session', {})).toBeNull();
    expect(await t.call('menu.list', {}, 'window-2')).toMatchObject({ ok: true });
    expect(events('logout').map((e) => JSON.parse(e.metadata))).toEqual([{ reason: 'window_closed' }]);
    t.core.endWindow('never-opened'); // nothing to end, nothing recorded
    expect(events('logout')).toHaveLength(1);
  });
});

describe('security settings bounds (item 8)', () => {
  const base = { maxFailedAttempts: 5, lockoutMinutes: 30, idleLockMinutes: 15, discountLimitPercent: 5 };

  test('a lockout under 30 minutes or an idle lock over 15 minutes is refused with a plain reason', async () => {
    t = await makeSetUpCore();
    const short = await t.call('settings.updateSecurity', { ...base, lockoutMinutes: 1 });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { lockoutMinutes: expect.stringMatching(/^At least 30 minutes/) } } });
    const long = await t.call('settings.updateSecurity', { ...base, idleLockMinutes: 240 });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { idleLockMinutes: expect.stringMatching(/^At most 15 minutes/) } } });
    expect(await t.call('settings.updateSecurity', { ...base, maxSessionHours: 25 })).toMatchObject({
      ok: false,
      error: { fields: { maxSessionHours: 'At most 24 hours' } },
    });
    const saved = await t.must('settings.updateSecurity', { ...base, lockoutMinutes: 45, idleLockMinutes: 5, maxSessionHours: 8 });
    expect(saved.security).toEqual({ ...base, lockoutMinutes: 45, idleLockMinutes: 5, maxSessionHours: 8 });
    // A screen that does not send the session length keeps it.
    expect((await t.must('settings.updateSecurity', base)).security.maxSessionHours).toBe(8);
  });

  test('values stored before the bounds existed are moved into them on read, and enforced', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    t.core.sqlite
      .prepare(`update settings set value = ? where key = 'security'`)
      .run(JSON.stringify({ maxFailedAttempts: 3, lockoutMinutes: 1, idleLockMinutes: 240, discountLimitPercent: 5 }));
    if (!t.core.sqlite.prepare(`select 1 from settings where key = 'security'`).get()) {
      t.core.sqlite
        .prepare(`insert into settings (key, value, updated_at) values ('security', ?, 0)`)
        .run(JSON.stringify({ maxFailedAttempts: 3, lockoutMinutes: 1, idleLockMinutes: 240, discountLimitPercent: 5 }));
    }
    t.reopen();
    await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin });
    expect((await t.must('settings.get', {})).security).toEqual({ ...base, maxFailedAttempts: 3, maxSessionHours: 12 });
    t.clock.advance(15 * 60_000);
    expect(await t.call('menu.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    for (let i = 0; i < 3; i++) {
      await t.call('auth.loginPin', { username: 'bea', pin: WRONG }, 'till');
      t.clock.advance(31_000);
    }
    t.clock.advance(5 * 60_000); // a 1-minute lockout would be over by now
    expect(await t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, 'till')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: expect.stringMatching(/Bea T\. is locked for 25 minutes/) },
    });
  });
});

describe('the sign-in list says who has a password (item 9)', () => {
  test('baristas have a PIN only; managers and owners also a password', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    const users = await t.must('auth.users', {});
    expect(Object.fromEntries(users.map((u) => [u.username, u.hasPassword]))).toEqual({ olivia: true, bea: false, max: true });
  });
});

describe('PIN pepper (item 13)', () => {
  test('new, reset and changed PINs are hashed with the pepper: the hash alone does not verify', async () => {
    t = await makeSetUpCore();
    const bea = await addStaff(t, 'barista', 'bea');
    for (const [username, pin] of [
      ['olivia', OWNER.pin],
      ['bea', STAFF_PIN],
    ] as const) {
      const row = user(username);
      expect(row.pin_peppered).toBe(1);
      expect(await verifySecret(row.pin_hash, pin)).toBe(false);
      expect(await verifySecret(row.pin_hash, pin, pepper())).toBe(true);
    }
    await t.must('staff.resetPin', { userId: bea.id, pin: '604817' });
    expect(await verifySecret(user('bea').pin_hash, '604817')).toBe(false);
    await t.must('auth.changePin', { currentPin: OWNER.pin, newPin: '604817' });
    expect(user('olivia').pin_peppered).toBe(1);
    expect(await verifySecret(user('olivia').pin_hash, '604817')).toBe(false);
    expect(await t.call('auth.loginPin', { username: 'olivia', pin: '604817' }, 'w2')).toMatchObject({ ok: true });
  });

  test('a legacy PIN hash signs in and is re-made with the pepper; a wrong PIN changes nothing', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    const legacy = await hashSecret(STAFF_PIN);
    t.core.sqlite.prepare(`update users set pin_hash = ?, pin_peppered = 0 where username = 'bea'`).run(legacy);
    expect(await t.call('auth.loginPin', { username: 'bea', pin: WRONG }, 'bea')).toMatchObject({ ok: false });
    expect(user('bea')).toMatchObject({ pin_hash: legacy, pin_peppered: 0 });
    await signInAs(t, 'bea');
    const after = user('bea');
    expect(after.pin_peppered).toBe(1);
    expect(after.pin_hash).not.toBe(legacy);
    expect(await verifySecret(after.pin_hash, STAFF_PIN)).toBe(false);
    expect(await verifySecret(after.pin_hash, STAFF_PIN, pepper())).toBe(true);
    await t.must('auth.logout', {}, 'bea');
    await signInAs(t, 'bea'); // and the new hash works
  });

  test('a PIN reset while a legacy sign-in is being checked is not overwritten', async () => {
    t = await makeSetUpCore();
    const bea = await addStaff(t, 'barista', 'bea');
    t.core.sqlite.prepare(`update users set pin_hash = ?, pin_peppered = 0 where username = 'bea'`).run(await hashSecret(STAFF_PIN));
    // Whichever finishes first, the reset PIN is what is stored afterwards.
    const signIn = t.call('auth.loginPin', { username: 'bea', pin: STAFF_PIN }, 'bea');
    await t.must('staff.resetPin', { userId: bea.id, pin: '604817' });
    await signIn;
    expect(user('bea').pin_peppered).toBe(1);
    expect(await verifySecret(user('bea').pin_hash, '604817', pepper())).toBe(true);
    expect(await t.call('menu.list', {}, 'bea')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('approvals only from someone who may give them (item 18)', () => {
  test('a barista’s right PIN is refused, recorded as refused, and neither clears nor adds to their misses', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'barista', 'ben');
    const bea = await signInAs(t, 'bea');
    await t.must('cart.addItem', { menuItemId: await latteId(t) }, bea);
    await t.call('auth.loginPin', { username: 'ben', pin: WRONG }, 'till');
    await t.call('auth.loginPin', { username: 'ben', pin: WRONG }, 'till');
    expect(user('ben').failed_login_attempts).toBe(2);
    expect(await t.call('override.approve', approve('ben', STAFF_PIN), bea)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Ben T. cannot approve this. Ask a manager.' },
    });
    expect(user('ben').failed_login_attempts).toBe(2);
    const overrides = events('override_pin');
    expect(overrides.map((e) => [e.successful, JSON.parse(e.metadata).reason])).toEqual([[0, 'role_cannot_approve']]);
  });

  test('nobody approves their own request', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'manager', 'max');
    const max = await signInAs(t, 'max');
    expect(await t.call('override.approve', approve('max', STAFF_PIN), max)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You cannot approve your own request. Ask another manager.' },
    });
    expect(events('override_pin').map((e) => [e.successful, JSON.parse(e.metadata).reason])).toEqual([[0, 'own_request']]);
    await addStaff(t, 'barista', 'bea');
    const bea = await signInAs(t, 'bea');
    expect(await t.call('override.approve', approve('max', STAFF_PIN), bea)).toMatchObject({ ok: true });
  });

  test('a refused approver on their last try is not locked by a right PIN', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'barista', 'ben');
    const bea = await signInAs(t, 'bea');
    for (let i = 0; i < 4; i++) {
      await t.call('auth.loginPin', { username: 'ben', pin: WRONG }, 'till');
      t.clock.advance(31_000);
    }
    expect(await t.call('override.approve', approve('ben', STAFF_PIN), bea)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(user('ben')).toMatchObject({ failed_login_attempts: 4, locked_until: null });
    void STAFF_PASSWORD;
  });
});
