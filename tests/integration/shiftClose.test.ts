// The blind count and closing a shift: the count is recorded before the cashier sees the
// expected cash, the close uses the last count and refuses if anything moved since, and a
// variance over the tolerance needs a reason and a manager's approval bound to it.
import { afterEach, describe, expect, test } from 'vitest';
import { countAndClose, move, openShiftId, sellLattes, setUpWithoutShift } from '../support/shiftFixtures';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, newRequestId, openShift, signInAs, STAFF_PIN, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

/** The fingerprint of everything but the sign-in/security log (a FORBIDDEN answer is recorded there). */
const moneyFingerprint = () => {
  const { auth_events: _securityLog, ...rest } = dbFingerprint(t.core.sqlite);
  return rest;
};

const countEvents = (shiftId: string) =>
  (t.core.sqlite.prepare(`select new_value from audit_events where action = 'shift.count' and entity_id = ? order by seq`).all(shiftId) as { new_value: string }[]).map((r) => JSON.parse(r.new_value) as Record<string, unknown>);

/** A shop with Mia (manager) and Bea (barista) signed in on their own windows, and a shift with a ₱1,000 float and one cash latte. */
async function shopWithShift(tolerance = 0) {
  t = await setUpWithoutShift();
  await addStaff(t, 'manager', 'mia');
  await addStaff(t, 'barista', 'bea');
  await signInAs(t, 'mia');
  await signInAs(t, 'bea');
  if (tolerance) await t.must('settings.updateDrawer', { cashNeedsShift: true, varianceTolerance: tolerance, refundLimit: 50_000 });
  await openShift(t, 100_000);
  await sellLattes(t);
  return { shiftId: await openShiftId(t), expected: 116_500 };
}

describe('the blind count', () => {
  test('is recorded and audited before the answer; recounts are numbered and visible', async () => {
    const { shiftId, expected } = await shopWithShift(500);
    const first = await t.must('shifts.count', { shiftId, count: { counts: [{ value: 100_000, count: 1 }, { value: 10_000, count: 1 }, { value: 5_000, count: 1 }, { value: 1_000, count: 1 }] } }, 'bea');
    expect(first).toEqual({
      shiftId,
      counted: { total: 116_000, counts: [{ value: 100_000, count: 1 }, { value: 10_000, count: 1 }, { value: 5_000, count: 1 }, { value: 1_000, count: 1 }] },
      expected,
      variance: -500,
      tolerance: 500,
      needsApproval: false,
      countNumber: 1,
    });
    const second = await t.must('shifts.count', { shiftId, count: { amount: 115_000 } }, 'bea');
    expect(second).toMatchObject({ counted: { total: 115_000, counts: [] }, variance: -1_500, needsApproval: true, countNumber: 2 });
    expect(countEvents(shiftId)).toEqual([
      { countNumber: 1, counted: 116_000, counts: { '1000': 1, '5000': 1, '10000': 1, '100000': 1 }, expected, variance: -500 },
      { countNumber: 2, counted: 115_000, counts: null, expected, variance: -1_500 },
    ]);
  });

  test('a count in notes the currency does not have changes nothing; a closed or unknown shift cannot be counted', async () => {
    const { shiftId } = await shopWithShift();
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('shifts.count', { shiftId, count: { counts: [{ value: 300, count: 2 }] } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('shifts.count', { shiftId: 'nope', count: { amount: 0 } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    await countAndClose(t);
    expect(await t.call('shifts.count', { shiftId, count: { amount: 0 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'That shift is already closed' } });
  });
});

describe('closing', () => {
  test('without a count is refused', async () => {
    const { shiftId } = await shopWithShift();
    expect(await t.call('shifts.close', { shiftId, leftInDrawer: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Count the drawer first' } });
  });

  test('after a count, a sale or a drawer movement since refuses the close until a recount', async () => {
    const { shiftId, expected } = await shopWithShift();
    await t.must('shifts.count', { shiftId, count: { amount: expected } }, 'bea');
    await sellLattes(t);
    const before = dbFingerprint(t.core.sqlite);
    const changed = { ok: false, error: { code: 'CONFLICT', message: 'Something changed since the count: count again' } };
    expect(await t.call('shifts.close', { shiftId, leftInDrawer: 0 }, 'bea')).toMatchObject(changed);
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);

    await t.must('shifts.count', { shiftId, count: { amount: expected + 16_500 } }, 'bea');
    await move(t, 'pay_in', 1_000);
    expect(await t.call('shifts.close', { shiftId, leftInDrawer: 0 }, 'bea')).toMatchObject(changed);
    await t.must('shifts.count', { shiftId, count: { amount: expected + 17_500 } }, 'bea');
    const z = await t.must('shifts.close', { shiftId, leftInDrawer: 100_000 }, 'bea');
    expect(z.cash).toMatchObject({ expected: expected + 17_500, counted: { total: expected + 17_500 }, variance: 0, counts: 3, leftInDrawer: 100_000, approvedBy: null });
  });

  test('within the tolerance closes without a manager; the next shift suggests what was left', async () => {
    const { shiftId, expected } = await shopWithShift(500);
    await t.must('shifts.count', { shiftId, count: { amount: expected - 500 } }, 'bea');
    const z = await t.must('shifts.close', { shiftId, leftInDrawer: 100_000 }, 'bea');
    expect(z.cash).toMatchObject({ variance: -500, varianceReason: '', approvedBy: null });
    const row = t.core.sqlite.prepare(`select * from shifts where id = ?`).get(shiftId) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'closed', counted_cash: expected - 500, expected_cash: expected, variance: -500, left_in_drawer: 100_000, variance_approved_by: null });
    const state = await t.must('shifts.current', {}, 'bea');
    expect(state).toMatchObject({ shift: null, suggestedFloat: 100_000 });
  });

  test('leaving more than was counted is refused', async () => {
    const { shiftId, expected } = await shopWithShift();
    await t.must('shifts.count', { shiftId, count: { amount: expected } });
    expect(await t.call('shifts.close', { shiftId, leftInDrawer: expected + 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { leftInDrawer: 'More than was counted' } } });
    expect(t.count('z_reports')).toBe(0);
  });

  test('over the tolerance: a reason, and a manager approval bound to this shift and variance, used once', async () => {
    const { shiftId, expected } = await shopWithShift();
    await t.must('shifts.count', { shiftId, count: { amount: expected - 2_000 } }, 'bea'); // ₱20 short
    const before = moneyFingerprint();
    const close = (extra: { varianceReason?: string; approvalId?: string } = {}) => t.call('shifts.close', { shiftId, leftInDrawer: 0, ...extra }, 'bea');
    expect(await close()).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { varianceReason: expect.any(String) } } });
    expect(await close({ varianceReason: 'Gave too much change' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'The drawer is ₱20.00 short: a manager must approve closing it.' } });

    const approve = async (params: { shiftId: string; variance: number }) =>
      (await t.must('override.approve', { username: 'mia', pin: STAFF_PIN, action: 'shift.variance', params }, 'bea')).approvalId;
    // Approved for another variance, or another shift: refused, and the approval is left unused.
    const wrongAmount = await approve({ shiftId, variance: -1_000 });
    expect(await close({ varianceReason: 'Gave too much change', approvalId: wrongAmount })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'The manager approved a different count. Ask them to approve this one.' } });
    const otherShift = await approve({ shiftId: 'another-shift', variance: -2_000 });
    expect(await close({ varianceReason: 'Gave too much change', approvalId: otherShift })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(moneyFingerprint()).toEqual(before);

    const good = await approve({ shiftId, variance: -2_000 });
    const z = await close({ varianceReason: 'Gave too much change', approvalId: good });
    expect(z).toMatchObject({ ok: true, value: { cash: { variance: -2_000, varianceReason: 'Gave too much change', approvedBy: 'Mia T.' }, closedBy: 'Bea T.' } });
    const miaId = t.core.sqlite.prepare(`select id from users where username = 'mia'`).pluck().get();
    expect(t.core.sqlite.prepare(`select variance_approved_by from shifts where id = ?`).pluck().get(shiftId)).toBe(miaId);
    expect(t.core.sqlite.prepare(`select approver_user_id from audit_events where action = 'shift.close'`).pluck().get()).toBe(miaId);

    // The approval is used up: the next shift with the same shortage needs a new one.
    await openShift(t, 0, 'bea');
    const next = await openShiftId(t, 'bea');
    await t.must('shifts.count', { shiftId: next, count: { amount: 0 } }, 'bea');
    await move(t, 'pay_in', 2_000, {}, 'bea');
    await t.must('shifts.count', { shiftId: next, count: { amount: 0 } }, 'bea');
    const reused = await t.call('shifts.close', { shiftId: next, leftInDrawer: 0, varianceReason: 'Short again', approvalId: good }, 'bea');
    expect(reused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'That approval is no longer valid. Ask the manager to approve again.' } });
  });

  test('a manager closing over the tolerance approves it themselves (with a reason)', async () => {
    const { shiftId, expected } = await shopWithShift();
    await t.must('shifts.count', { shiftId, count: { amount: expected + 1_000 } }, 'mia');
    expect(await t.call('shifts.close', { shiftId, leftInDrawer: 0 }, 'mia')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const z = await t.must('shifts.close', { shiftId, leftInDrawer: 0, varianceReason: 'Tip left in the drawer' }, 'mia');
    expect(z.cash).toMatchObject({ variance: 1_000, approvedBy: 'Mia T.' });
  });

  test('closing again, or at the same time, answers with the one Z report', async () => {
    const { shiftId, expected } = await shopWithShift();
    await t.must('shifts.count', { shiftId, count: { amount: expected } }, 'bea');
    const results = await Promise.all([1, 2, 3].map(() => t.must('shifts.close', { shiftId, leftInDrawer: 0 }, 'bea')));
    expect(new Set(results.map((z) => z.id)).size).toBe(1);
    expect(t.count('z_reports')).toBe(1);
    expect((t.core.sqlite.prepare(`select count(*) n from audit_events where action = 'shift.close'`).get() as { n: number }).n).toBe(1);
    const again = await t.must('shifts.close', { shiftId, leftInDrawer: 5 }, 'mia');
    expect(again.id).toBe(results[0]!.id);
    // Once closed, cash needs a new shift.
    await t.must('cart.addItem', { menuItemId: t.core.sqlite.prepare(`select id from menu_items where name = 'Latte'`).pluck().get() as string });
    expect(await t.call('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20_000 }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
