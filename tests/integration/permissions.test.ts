// Every channel × every role against the permission matrix: a role is refused (FORBIDDEN)
// exactly when the matrix says it lacks the channel's permission. The channel list comes from
// the contract, so a new channel is in this test the moment it exists.
import { afterEach, describe, expect, test } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../electron/shared/contract';
import { can, ROLES, type Role } from '../../electron/shared/permissions';
import { addStaff, makeSetUpCore, signInAs, type TestCore } from '../support/testCore';
import { cases } from '../support/channelCases';

let t: TestCore;
afterEach(() => t?.close());

const guarded = CHANNELS.filter((c) => contract[c].permission !== 'public');

describe.each(guarded)('%s', (channel: Channel) => {
  test(`matches the matrix for ${ROLES.join(', ')}`, async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'manager', 'mia');
    await addStaff(t, 'barista', 'ben');
    const windows: Record<Role, string> = { barista: await signInAs(t, 'ben'), manager: await signInAs(t, 'mia'), owner: 'window-1' };
    const input = await (cases[channel].happy as (t: TestCore) => Promise<unknown>)(t);
    const permission = contract[channel].permission as Exclude<(typeof contract)[Channel]['permission'], 'public'>;
    for (const role of ['barista', 'manager', 'owner'] as const) {
      const r = await t.raw(channel, input, { senderId: windows[role] });
      const refused = !r.ok && r.error.code === 'FORBIDDEN';
      expect(refused, `${role} → ${channel}: ${JSON.stringify(r)}`).toBe(!can(role, permission));
    }
  });
});

test('the matrix: baristas sell, managers also run the floor, owners also see the audit log and settings', () => {
  expect(can('barista', 'cart.use')).toBe(true);
  expect(can('barista', 'staff.view')).toBe(false);
  expect(can('barista', 'menu.edit')).toBe(false);
  expect(can('barista', 'discount.overLimit')).toBe(false);
  expect(can('manager', 'staff.manage')).toBe(true);
  expect(can('manager', 'audit.view')).toBe(false);
  expect(can('manager', 'settings.manage')).toBe(false);
  expect(can('owner', 'audit.view')).toBe(true);
  expect(can('owner', 'settings.manage')).toBe(true);
});
