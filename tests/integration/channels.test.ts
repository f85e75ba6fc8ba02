// Every channel in the contract gets: a happy path, bad input → VALIDATION with nothing written,
// and (unless public) no session → UNAUTHENTICATED. The tables are typed over the contract, so a
// new channel does not compile until it has its cases here.
import { afterEach, describe, expect, test } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../electron/shared/contract';
import { cases, latteId, type Case } from '../support/channelCases';
import { makeSetUpCore, makeTestCore, OWNER, type TestCore } from '../support/testCore';
import { dbFingerprint } from '../support/snapshot';

let t: TestCore;
afterEach(() => t?.close());

async function prepared(c: Case<Channel>) {
  t = c.fresh ? makeTestCore() : await makeSetUpCore();
  return c.happy(t);
}

describe.each(CHANNELS)('%s', (channel) => {
  const c = cases[channel] as Case<Channel>;

  test('happy path returns ok', async () => {
    const input = await prepared(c);
    const r = await t.call(channel, input);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  });

  test('bad input → VALIDATION, nothing written', async () => {
    await prepared(c);
    for (const input of c.bad) {
      const before = dbFingerprint(t.core.sqlite);
      const r = await t.raw(channel, input);
      expect(r, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    }
  });

  if (contract[channel].permission !== 'public') {
    test('no session → UNAUTHENTICATED, nothing written', async () => {
      const input = await prepared(c);
      const before = dbFingerprint(t.core.sqlite);
      const r = await t.call(channel, input, 'a-window-nobody-signed-into');
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    });
  }
});

describe('the router', () => {
  test('refuses foreign origins and sub-frames before anything else', async () => {
    t = await makeSetUpCore();
    for (const ctx of [{ frameUrl: 'https://evil.example/x' }, { frameUrl: 'file:///etc/passwd' }, { isMainFrame: false }]) {
      expect(await t.raw('menu.list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('unknown channels and prototype names are VALIDATION, not exceptions', async () => {
    t = await makeSetUpCore();
    for (const name of ['orders.delete', '__proto__', 'constructor', 42, null]) {
      expect(await t.raw(name, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  test('every channel names a permission from the matrix or is public (auth and setup only)', () => {
    for (const channel of CHANNELS) {
      const p = contract[channel].permission;
      if (p === 'public') expect(channel).toMatch(/^(setup|auth)\./);
    }
  });

  test('a signed-in barista passes the permission check for the counter channels', async () => {
    t = await makeSetUpCore();
    const hash = t.core.sqlite.prepare(`select pin_hash from users`).pluck().get() as string;
    t.core.sqlite
      .prepare(`insert into users (id, auth_token, username, pin_hash, pin_peppered, role, date_joined, updated_at) values ('b1','tb','bea',?, 1, 'barista', 0, 0)`)
      .run(hash);
    await t.must('auth.loginPin', { username: 'bea', pin: OWNER.pin }, 'till-2');
    expect(await t.call('cart.addItem', { menuItemId: await latteId(t) }, 'till-2')).toMatchObject({ ok: true });
  });
});
