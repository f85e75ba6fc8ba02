import { afterEach, expect, test } from 'vitest';
import { makeSetUpCore, makeTestCore, OWNER, setupInput, type TestCore } from '../support/testCore';
import { dbFingerprint } from '../support/snapshot';

let t: TestCore;
afterEach(() => t?.close());

function authEvents(t: TestCore) {
  return t.core.sqlite
    .prepare(`select event_type, username_submitted, successful, user_id, terminal_id from auth_events order by id`)
    .all() as { event_type: string; username_submitted: string; successful: number; user_id: string | null; terminal_id: string }[];
}

test('first run: setup creates the owner, shop profile and signs the owner in', async () => {
  t = makeTestCore();
  expect(await t.must('setup.status', {})).toEqual({ needsSetup: true, shop: null });
  const session = await t.must('setup.complete', setupInput());
  expect(session).toMatchObject({ username: 'olivia', role: 'owner', locked: false, displayName: 'Olivia R.' });
  expect(await t.must('setup.status', {})).toEqual({
    needsSetup: false,
    shop: { name: 'Brews & Chews', currency: 'PHP', taxRateBp: 1200, pricesIncludeTax: true, timezone: 'Asia/Manila' },
  });
  const owner = t.core.sqlite.prepare(`select * from users`).get() as Record<string, unknown>;
  // argon2id at OWASP's minimum or stronger, for the password and the PIN
  expect(owner.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  expect(owner.pin_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  expect(JSON.stringify(owner)).not.toContain(OWNER.password);
  expect(t.count('profiles')).toBe(1);
  expect(t.core.sqlite.prepare(`select action from audit_events order by seq`).pluck().all()).toEqual(['shop.setup', 'staff.create']);
});

test('setup runs once: a second attempt is refused and changes nothing', async () => {
  t = await makeSetUpCore();
  const before = dbFingerprint(t.core.sqlite);
  const again = await t.call('setup.complete', { ...setupInput(), owner: { ...OWNER, username: 'mallory' } }, 'window-2');
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(dbFingerprint(t.core.sqlite)).toEqual(before);
});

test('setup refuses weak secrets with field messages', async () => {
  t = makeTestCore();
  const r = await t.call('setup.complete', { ...setupInput(), owner: { ...OWNER, password: 'short', pin: '123456' } });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('VALIDATION');
  expect(r.error.fields?.['owner.password']).toMatch(/12 characters/);
  expect(r.error.fields?.['owner.pin']).toMatch(/too easy/);
  expect(t.count('users')).toBe(0);
});

test('PIN sign-in: success and failure are both written to auth_events, with one message for any mistake', async () => {
  t = await makeSetUpCore();
  const wrongPin = await t.call('auth.loginPin', { username: 'olivia', pin: '000001' }, 'window-2');
  const noUser = await t.call('auth.loginPin', { username: 'nobody', pin: '482913' }, 'window-2');
  expect(wrongPin).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(noUser).toEqual(wrongPin);
  const ok = await t.must('auth.loginPin', { username: 'OLIVIA', pin: OWNER.pin }, 'window-2');
  expect(ok).toMatchObject({ username: 'olivia', role: 'owner', locked: false });
  const events = authEvents(t).filter((e) => e.event_type === 'login_pin');
  expect(events.map((e) => [e.username_submitted, e.successful])).toEqual([
    ['olivia', 0],
    ['nobody', 0],
    ['OLIVIA', 1],
  ]);
  expect(events[1]!.user_id).toBeNull();
  expect(events[2]!.terminal_id).toBe(t.core.terminal.id);
});

test('password sign-in works for the owner; a wrong password is refused', async () => {
  t = await makeSetUpCore();
  expect(await t.call('auth.loginPassword', { username: 'olivia', password: 'wrong password!!' }, 'w2')).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
  expect(await t.must('auth.loginPassword', { username: 'olivia', password: OWNER.password }, 'w2')).toMatchObject({ role: 'owner' });
});

test('logout ends the session: every non-auth channel then refuses', async () => {
  t = await makeSetUpCore();
  await t.must('auth.logout', {});
  expect(await t.must('auth.session', {})).toBeNull();
  expect(await t.call('menu.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(authEvents(t).some((e) => e.event_type === 'logout')).toBe(true);
});

test('lock keeps the session for its owner: channels say LOCKED until the PIN unlocks it, and the cart is kept', async () => {
  t = await makeSetUpCore();
  const [item] = (await t.must('menu.list', {}))[0]!.items;
  await t.must('cart.addItem', { menuItemId: item!.id });
  await t.must('auth.lock', {});
  expect(await t.must('auth.session', {})).toMatchObject({ username: 'olivia', locked: true });
  expect(await t.call('cart.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin });
  expect((await t.must('cart.get', {})).itemCount).toBe(1);
  expect(authEvents(t).map((e) => e.event_type)).toEqual(expect.arrayContaining(['lock', 'unlock_pin']));
});

test('idle lock: after the idle time (15 min by default) the session locks by itself and main says so', async () => {
  t = await makeSetUpCore();
  const events: unknown[] = [];
  t.core.onEvent((senderId, event, payload) => events.push({ senderId, event, payload }));
  t.clock.advance(14 * 60_000);
  await t.must('auth.activity', {}); // activity resets the timer
  t.clock.advance(14 * 60_000);
  t.core.sweepIdle();
  expect(events).toEqual([]);
  t.clock.advance(60_000);
  t.core.sweepIdle();
  expect(events).toEqual([{ senderId: 'window-1', event: 'session.locked', payload: { reason: 'idle' } }]);
  expect(await t.call('menu.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  expect(authEvents(t).some((e) => e.event_type === 'idle_lock' && e.successful === 1)).toBe(true);
});

test('another person signing in on a locked till replaces the session; each keeps their own cart', async () => {
  t = await makeSetUpCore();
  const [item] = (await t.must('menu.list', {}))[0]!.items;
  await t.must('cart.addItem', { menuItemId: item!.id });
  await t.must('auth.lock', {});
  // a second account, created directly until staff management exists
  const hash = t.core.sqlite.prepare(`select pin_hash from users`).pluck().get() as string;
  t.core.sqlite
    .prepare(
      `insert into users (id, auth_token, username, pin_hash, pin_peppered, first_name, role, date_joined, updated_at) values ('u2', 't2', 'ben', ?, 1, 'Ben', 'barista', 0, 0)`,
    )
    .run(hash);
  const ben = await t.must('auth.loginPin', { username: 'ben', pin: OWNER.pin });
  expect(ben).toMatchObject({ username: 'ben', role: 'barista', locked: false });
  expect((await t.must('cart.get', {})).itemCount).toBe(0);
  await t.must('auth.logout', {});
  await t.must('auth.loginPin', { username: 'olivia', pin: OWNER.pin });
  expect((await t.must('cart.get', {})).itemCount).toBe(1);
});

test('the sign-in list shows active staff only', async () => {
  t = await makeSetUpCore();
  expect(await t.must('auth.users', {})).toEqual([{ username: 'olivia', displayName: 'Olivia R.', role: 'owner', hasPassword: true }]);
  t.core.sqlite.prepare(`update users set is_active = 0`).run();
  expect(await t.must('auth.users', {})).toEqual([]);
  expect(await t.call('auth.loginPin', { username: 'olivia', pin: OWNER.pin }, 'w3')).toMatchObject({ ok: false });
});
