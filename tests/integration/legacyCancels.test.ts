// Issue 9: orders cancelled before refunds were recorded (a status change, no money trail) get
// their 'cancel' refund of everything at the next start, dated and attributed as the cancel was.
import { afterEach, expect, test } from 'vitest';
import { newId } from '../../db/ids';
import type { ChannelInput, OrderDetail } from '../../electron/shared/contract';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, makeSetUpCore, newRequestId, OWNER, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

const HOUR = 3600_000;

async function sell(name: string, quantity: number, payments?: ChannelInput<'orders.checkout'>['payments']): Promise<OrderDetail> {
  const menuItemId = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === name)!.id;
  const total = (await t.must('cart.addItem', { menuItemId, quantity })).totals.total;
  return (await t.must('orders.checkout', { requestId: newRequestId(), payments: payments ?? [{ method: 'cash', tendered: total }] })).order;
}

/** A cancel as it was written before issue 9: the status and its event, no refund. */
function oldStyleCancel(orderId: string, userId: string | null, reason: string, at: number, withEvent = true) {
  t.core.sqlite.prepare(`update orders set status = 'cancelled', updated_at = ? where id = ?`).run(at, orderId);
  if (withEvent) {
    t.core.sqlite
      .prepare(`insert into order_status_events (id, order_id, from_status, to_status, user_id, reason, created_at) values (?, ?, 'pending', 'cancelled', ?, ?, ?)`)
      .run(newId(at), orderId, userId, reason, at);
  }
}
/** Everything but auth_events (each start and stop is logged there). */
const fingerprint = () => {
  const { auth_events: _startsAreLogged, ...rest } = dbFingerprint(t.core.sqlite);
  return rest;
};

test('old cancels get a cancel refund of everything at start: original tenders, the cancel’s day, person and reason; once', async () => {
  t = await makeSetUpCore();
  const max = await addStaff(t, 'manager', 'max');
  const owner = t.core.sqlite.prepare(`select id from users where username = ?`).pluck().get(OWNER.username) as string;
  const split = await sell('Latte', 3, [
    { method: 'card', amount: 20_000 },
    { method: 'cash', tendered: 40_000 },
  ]);
  const plain = await sell('Croissant', 1);
  const untouched = await sell('Mocha', 1);
  const cancelledNow = await sell('Americano', 1);
  await t.must('orders.cancel', { orderId: cancelledNow.id, reason: 'New style' });

  // Cancelled 23:30 the evening of the sale (still that business day), migrated a day later.
  const cancelAt = t.clock.now() + 14 * HOUR;
  oldStyleCancel(split.id, max.id, 'Wrong order', cancelAt);
  oldStyleCancel(plain.id, null, '', cancelAt + 60_000, false); // no event: falls back to the order's seller
  t.clock.advance(30 * HOUR);
  const refundsBefore = t.count('refunds');
  t.reopen();

  expect(t.count('refunds')).toBe(refundsBefore + 2);
  const rows = t.core.sqlite
    .prepare(`select order_id, seq, kind, request_id, shift_id, business_day, user_id, staff_name, reason, amount, tax, created_at from refunds where order_id in (?, ?) order by created_at`)
    .all(split.id, plain.id);
  expect(rows).toEqual([
    { order_id: split.id, seq: 1, kind: 'cancel', request_id: `cancel:${split.id}`, shift_id: null, business_day: split.businessDay, user_id: max.id, staff_name: 'Max T.', reason: 'Wrong order', amount: split.total, tax: split.taxTotal, created_at: cancelAt },
    { order_id: plain.id, seq: 1, kind: 'cancel', request_id: `cancel:${plain.id}`, shift_id: null, business_day: plain.businessDay, user_id: owner, staff_name: 'Olivia R.', reason: '', amount: plain.total, tax: plain.taxTotal, created_at: cancelAt + 60_000 },
  ]);
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
  const detail = await t.must('orders.get', { orderId: split.id });
  expect(detail.refunds).toHaveLength(1);
  expect(detail.refunds[0]).toMatchObject({ number: `${split.shortNumber}-R1`, kind: 'cancel', by: 'Max T.', tenders: [{ method: 'card', amount: 20000 }, { method: 'cash', amount: 29500 }] });
  expect(detail.refunds[0]!.lines).toEqual([{ lineId: split.lines[0]!.id, name: 'Latte', quantity: 3, amount: 49500 }]);
  expect(detail.refunded).toBe(split.total);
  expect((await t.must('orders.get', { orderId: untouched.id })).refunds).toEqual([]);
  expect((await t.must('orders.get', { orderId: cancelledNow.id })).refunds).toHaveLength(1);

  const audit = t.core.sqlite.prepare(`select actor_user_id, new_value from audit_events where action = 'refund.migrateCancels'`).all() as { actor_user_id: string | null; new_value: string }[];
  expect(audit).toHaveLength(1);
  expect(JSON.parse(audit[0]!.new_value)).toEqual({ count: 2, amount: split.total + plain.total });
  expect((await t.must('audit.verify', { full: true })).intact).toBe(true);

  // A second start has nothing to do and writes nothing.
  const before = fingerprint();
  t.reopen();
  expect(fingerprint()).toEqual(before);
});

test('a fresh install and a shop with no old cancels start without writing anything', async () => {
  t = await makeSetUpCore();
  await sell('Latte', 1);
  const before = fingerprint();
  t.reopen();
  expect(fingerprint()).toEqual(before);
});
