// Shifts and the cash drawer: opening with a counted float, drawer movements and their voids,
// the X report, the stale flag and the payment gate. (The blind count, close and Z reports are in
// shiftClose.test.ts and zReports.test.ts.)
import { afterEach, describe, expect, test } from 'vitest';
import { computeFigures } from '../../electron/reports/figures';
import { SalesRecords } from '../../electron/reports/salesRecords';
import type { ChannelInput } from '../../electron/shared/contract';
import { DENOMINATIONS } from '../../electron/shared/money';
import { countAndClose, move, openShiftId, sellLattes, setUpWithoutShift } from '../support/shiftFixtures';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, newRequestId, openShift, OWNER, signInAs, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

const auditCount = (action: string) => (t.core.sqlite.prepare(`select count(*) n from audit_events where action = ?`).get(action) as { n: number }).n;

describe('opening a shift', () => {
  test('with the float counted by note and coin: stored as counts, audited, and shown with the denominations', async () => {
    t = await setUpWithoutShift();
    const before = await t.must('shifts.current', {});
    expect(before).toMatchObject({ shift: null, suggestedFloat: 0, cashNeedsShift: true, currency: 'PHP', terminalName: 'Till 1', today: '2026-11-23' });
    expect(before.denominations).toEqual(DENOMINATIONS.PHP);

    const state = await t.must('shifts.open', {
      requestId: newRequestId(),
      float: { counts: [{ value: 25, count: 4 }, { value: 100_000, count: 2 }, { value: 2_000, count: 5 }, { value: 500, count: 0 }] },
    });
    expect(state.shift).toMatchObject({
      status: 'open',
      businessDay: '2026-11-23',
      openedBy: 'Olivia R.',
      stale: false,
      movements: [],
      openingFloat: { total: 210_100, counts: [{ value: 100_000, count: 2 }, { value: 2_000, count: 5 }, { value: 25, count: 4 }] },
    });
    const row = t.core.sqlite.prepare(`select opening_float, opening_counts from shifts`).get() as { opening_float: number; opening_counts: string };
    expect(row.opening_float).toBe(210_100);
    expect(JSON.parse(row.opening_counts)).toEqual({ '25': 4, '2000': 5, '100000': 2 });
    expect(auditCount('shift.open')).toBe(1);
  });

  test('one amount is stored without counts; a count in notes the currency does not have, or a note twice, changes nothing', async () => {
    t = await setUpWithoutShift({ currency: 'USD' });
    const before = dbFingerprint(t.core.sqlite);
    for (const counts of [[{ value: 25_000, count: 1 }], [{ value: 3, count: 1 }], [{ value: 100, count: 1 }, { value: 100, count: 1 }]]) {
      const r = await t.call('shifts.open', { requestId: newRequestId(), float: { counts } });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    // Quarters and pennies are dollar coins.
    await t.must('shifts.open', { requestId: newRequestId(), float: { counts: [{ value: 25, count: 3 }, { value: 1, count: 2 }] } });
    t.close();
    t = await setUpWithoutShift();
    const state = await openShift(t, 150_000);
    expect(state.shift!.openingFloat).toEqual({ total: 150_000, counts: [] });
    expect(t.core.sqlite.prepare(`select opening_counts from shifts`).pluck().get()).toBeNull();
  });

  test('a second shift on the till is refused with who opened it; concurrent opens make one shift', async () => {
    t = await setUpWithoutShift();
    const results = await Promise.all(Array.from({ length: 5 }, () => t.call('shifts.open', { requestId: newRequestId(), float: { amount: 100 } })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A shift is already open on this till (opened by Olivia R. at 09:30)' } });
    }
    expect(t.count('shifts')).toBe(1);
    expect(auditCount('shift.open')).toBe(1);
  });

  test('idempotent on the request id: replays answer with the state, another person with it is refused', async () => {
    t = await setUpWithoutShift();
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    const requestId = newRequestId();
    const answers = await Promise.all([1, 2, 3].map(() => t.must('shifts.open', { requestId, float: { amount: 5_000 } })));
    expect(new Set(answers.map((a) => a.shift!.id)).size).toBe(1);
    expect(t.count('shifts')).toBe(1);
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('shifts.open', { requestId, float: { amount: 5_000 } }, 'bea')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });
});

describe('the drawer', () => {
  test('pay in, pay out (category), safe drop and no sale: expected = float + cash sales − cash refunds + pay-ins − pay-outs − safe drops', async () => {
    t = await setUpWithoutShift();
    await openShift(t, 100_000);
    await sellLattes(t, 1, [{ method: 'cash', tendered: 20_000 }]); // ₱165.00 in, ₱35.00 change out
    await sellLattes(t, 2, [{ method: 'card', amount: 33_000 }]);
    expect((await move(t, 'pay_in', 5_000, { reason: 'Coins from the bank' })).ok).toBe(true);
    expect((await move(t, 'pay_out', 20_000, { category: 'Supplies', reason: 'Milk' })).ok).toBe(true);
    expect((await move(t, 'pay_out', 1_000, { reason: 'Ice' })).ok).toBe(true);
    expect((await move(t, 'safe_drop', 50_000, { reason: 'Too many notes' })).ok).toBe(true);
    const last = await move(t, 'no_sale', 0, { reason: 'Change for a customer' });
    expect(last.ok).toBe(true);

    const movements = (await t.must('shifts.current', {})).shift!.movements;
    expect(movements.map((m) => [m.kind, m.amount, m.category, m.by])).toEqual([
      ['pay_in', 5_000, '', 'Olivia R.'],
      ['pay_out', 20_000, 'Supplies', 'Olivia R.'],
      ['pay_out', 1_000, 'Other', 'Olivia R.'],
      ['safe_drop', 50_000, '', 'Olivia R.'],
      ['no_sale', 0, '', 'Olivia R.'],
    ]);
    const x = await t.must('shifts.xReport', {});
    expect(x.figures.drawer).toEqual({ openingFloat: 100_000, cashSales: 16_500, cashRefunds: 0, payIns: 5_000, payOuts: 21_000, safeDrops: 50_000 });
    expect(x.figures.expectedCash).toBe(100_000 + 16_500 - 0 + 5_000 - 21_000 - 50_000);
    expect(auditCount('drawer.move')).toBe(5);
  });

  test('a pay-out or safe drop larger than the cash in the drawer is refused and writes nothing', async () => {
    t = await setUpWithoutShift();
    await openShift(t, 10_000);
    await sellLattes(t);
    const inDrawer = 10_000 + 16_500;
    const before = dbFingerprint(t.core.sqlite);
    for (const kind of ['pay_out', 'safe_drop'] as const) {
      expect(await move(t, kind, inDrawer + 1)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Only ₱265.00 should be in the drawer: check the amount' } });
    }
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    expect((await move(t, 'safe_drop', inDrawer)).ok).toBe(true);
    expect(await move(t, 'pay_out', 1)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('needs an open shift; amounts must fit the kind', async () => {
    t = await setUpWithoutShift();
    expect(await move(t, 'pay_in', 100)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'No shift is open on this till: open one first.' } });
    await openShift(t);
    expect(await move(t, 'no_sale', 100)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await move(t, 'pay_in', 0)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.count('drawer_movements')).toBe(0);
  });

  test('idempotent on the request id: concurrent replays make one movement', async () => {
    t = await setUpWithoutShift();
    await openShift(t);
    const requestId = newRequestId();
    const answers = await Promise.all([1, 2, 3].map(() => move(t, 'pay_in', 2_500, { requestId })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(t.count('drawer_movements')).toBe(1);
    expect(auditCount('drawer.move')).toBe(1);
    // The same id for another kind of movement is another action.
    expect(await move(t, 'no_sale', 0, { requestId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('a manager voids a movement with a counter-movement; never twice, never a void, never a no-sale; baristas cannot', async () => {
    t = await setUpWithoutShift();
    await addStaff(t, 'manager', 'mia');
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'mia');
    await signInAs(t, 'bea');
    await openShift(t, 10_000);
    await move(t, 'pay_out', 3_000, { category: 'Supplies', reason: 'Sugar' });
    await move(t, 'no_sale', 0, { reason: 'Checked a note' });
    const [payOut, noSale] = (await t.must('shifts.current', {})).shift!.movements;

    const voidIt = (movementId: string, senderId = 'mia', requestId = newRequestId()) => t.call('shifts.voidMovement', { requestId, movementId, reason: 'Entered by mistake' }, senderId);
    expect(await voidIt(payOut!.id, 'bea')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const requestId = newRequestId();
    const [a, b] = await Promise.all([voidIt(payOut!.id, 'mia', requestId), voidIt(payOut!.id, 'mia', requestId)]);
    expect(a.ok && b.ok).toBe(true);
    const movements = (await t.must('shifts.current', {})).shift!.movements;
    const counter = movements.find((m) => m.voidsId === payOut!.id)!;
    expect(counter).toMatchObject({ kind: 'pay_out', amount: -3_000, category: 'Supplies', by: 'Mia T.', reason: 'Entered by mistake' });
    expect(movements.find((m) => m.id === payOut!.id)!.voidedById).toBe(counter.id);
    expect((await t.must('shifts.xReport', {})).figures.expectedCash).toBe(10_000);
    expect(auditCount('drawer.void')).toBe(1);

    const before = dbFingerprint(t.core.sqlite);
    expect(await voidIt(payOut!.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'That movement was already voided' } });
    expect(await voidIt(counter.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'That entry is itself a void: it cannot be voided' } });
    expect(await voidIt(noSale!.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await voidIt('no-such-movement')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    // The table itself refuses edits: a mistake is answered by a counter-entry.
    expect(() => t.core.sqlite.prepare(`update drawer_movements set amount = 1`).run()).toThrow(/append-only/);
    expect(() => t.core.sqlite.prepare(`delete from drawer_movements`).run()).toThrow(/append-only/);
  });

  test('voiding a pay-in that the drawer no longer holds is refused; a movement of a closed shift cannot be voided', async () => {
    t = await setUpWithoutShift();
    await openShift(t);
    await move(t, 'pay_in', 5_000);
    await move(t, 'safe_drop', 4_000);
    const payIn = (await t.must('shifts.current', {})).shift!.movements[0]!;
    expect(await t.call('shifts.voidMovement', { requestId: newRequestId(), movementId: payIn.id, reason: 'Wrong' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const shiftId = await openShiftId(t);
    await t.must('shifts.count', { shiftId, count: { amount: 1_000 } });
    await t.must('shifts.close', { shiftId, leftInDrawer: 0 });
    await openShift(t);
    expect(await t.call('shifts.voidMovement', { requestId: newRequestId(), movementId: payIn.id, reason: 'Wrong' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Only movements of the open shift can be voided' },
    });
  });
});

describe('the X report', () => {
  test("equals computeFigures over the shift's records and the sums of its orders; leaves out sales outside the shift; writes nothing", async () => {
    t = await setUpWithoutShift();
    await sellLattes(t, 1, [{ method: 'card', amount: 16_500 }]); // before the shift: no shift, not counted
    await openShift(t, 50_000);
    const first = await sellLattes(t, 2, [{ method: 'cash', tendered: 50_000 }]);
    await t.must('cart.addItem', { menuItemId: (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Croissant')!.id, quantity: 3 });
    await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 300 }, reason: 'Regular' });
    const due = (await t.must('cart.get', {})).totals.total;
    await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'card', amount: 10_000, reference: 'A1' }, { method: 'cash', tendered: due - 10_000 + 1_000 }] });
    const last = await sellLattes(t, 1, [{ method: 'other', amount: 16_500, reference: 'GCash' }]);
    await move(t, 'pay_in', 2_000);

    const shiftId = await openShiftId(t);
    const before = dbFingerprint(t.core.sqlite);
    const x = await t.must('shifts.xReport', {});
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    expect(x).toMatchObject({ shiftId, terminalName: 'Till 1', currency: 'PHP', openedBy: 'Olivia R.', cancellations: 0, firstOrderNumber: first.order.orderNumber, lastOrderNumber: last.order.orderNumber });
    expect(x.movements).toHaveLength(1);

    const records = new SalesRecords(t.core.sqlite).readShift(shiftId);
    const drawer = t.core.sqlite.prepare(`select business_day as businessDay, kind, amount from drawer_movements where shift_id = ?`).all(shiftId) as never[];
    expect(x.figures).toEqual(computeFigures({ sales: records.sales, refunds: records.refunds, drawer, openingFloat: 50_000 }));

    const sums = t.core.sqlite.prepare(`select count(*) n, sum(subtotal) gross, sum(discount_total) discounts, sum(tax_total) tax, sum(total) total from orders where shift_id = ?`).get(shiftId) as Record<string, number>;
    const tender = (method: string) =>
      (t.core.sqlite.prepare(`select coalesce(sum(p.amount), 0) from payments p join orders o on o.id = p.order_id where o.shift_id = ? and p.method = ?`).pluck().get(shiftId, method) as number);
    expect(x.figures).toMatchObject({ ordersCount: 3, gross: sums.gross, discounts: sums.discounts, tax: sums.tax, net: sums.gross! - sums.discounts!, collected: sums.total, inconsistentOrders: [] });
    expect(x.figures.tenders.cash.sales).toBe(tender('cash'));
    expect(x.figures.tenders.card.sales).toBe(tender('card'));
    expect(x.figures.tenders.other.sales).toBe(tender('other'));
    expect(x.figures.expectedCash).toBe(50_000 + tender('cash') + 2_000);
  });

  test('counts the refunds issued in the shift (of its own sales or earlier ones): cash refunds come out of the expected cash', async () => {
    t = await setUpWithoutShift();
    await openShift(t, 20_000);
    const earlier = await sellLattes(t, 2, [{ method: 'cash', tendered: 33_000 }]);
    await countAndClose(t, 20_000);
    await openShift(t, 20_000);
    const sale = await sellLattes(t, 3, [{ method: 'card', amount: 49_500, reference: 'A2' }]);
    const refund = (orderId: string, what: ChannelInput<'refunds.issue'>['what']) =>
      t.must('refunds.issue', { requestId: newRequestId(), orderId, what, tender: 'original', reason: 'Customer changed their mind' });
    await refund(earlier.order.id, { kind: 'lines', lines: [{ lineId: earlier.order.lines[0]!.id, quantity: 1 }] }); // ₱165 cash
    await refund(sale.order.id, { kind: 'amount', amount: 5_000 }); // ₱50 back on the card

    const shiftId = await openShiftId(t);
    const x = await t.must('shifts.xReport', {});
    expect(x.figures).toMatchObject({ ordersCount: 1, refundsCount: 2, refunds: 21_500, net: 49_500 - 21_500, inconsistentOrders: [] });
    expect(x.figures.tenders.cash).toEqual({ sales: 0, refunded: 16_500, collected: -16_500 });
    expect(x.figures.tenders.card).toEqual({ sales: 49_500, refunded: 5_000, collected: 44_500 });
    expect(x.figures.expectedCash).toBe(20_000 - 16_500);
    // The refund of the earlier shift's latte counts against its category and staff, in this shift.
    expect(x.figures.byCategory).toEqual([{ name: 'Espresso', net: 49_500 - 21_500 }]);
    const records = new SalesRecords(t.core.sqlite).readShift(shiftId);
    expect(records.refunds.map((r) => [r.orderId, r.tenders])).toEqual([
      [earlier.order.id, [{ method: 'cash', amount: 16_500 }]],
      [sale.order.id, [{ method: 'card', amount: 5_000 }]],
    ]);
    const refunded = t.core.sqlite.prepare(`select coalesce(sum(amount), 0) from refunds where shift_id = ?`).pluck().get(shiftId);
    expect(x.figures.refunds).toBe(refunded);

    // Cancelling the paid order refunds what is left on it: a cancellation on the report.
    await t.must('orders.cancel', { orderId: sale.order.id, reason: 'Wrong order rung up' });
    const after = await t.must('shifts.xReport', {});
    expect(after).toMatchObject({ cancellations: 1, figures: { refundsCount: 3, refunds: 21_500 + 44_500, cancellations: 1 } });
    expect(after.figures.tenders.card.collected).toBe(0);
  });

  test('needs an open shift', async () => {
    t = await setUpWithoutShift();
    expect(await t.call('shifts.xReport', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

test('a shift left open past its business day is flagged stale', async () => {
  t = await setUpWithoutShift();
  await openShift(t);
  expect((await t.must('shifts.current', {})).shift!.stale).toBe(false);
  t.clock.advance(14 * 3600_000); // 23:30 the same evening: still the same business day
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
  expect((await t.must('shifts.current', {})).shift!.stale).toBe(false);
  t.clock.advance(5 * 3600_000); // 04:30 the next morning, past the 04:00 day start
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
  const state = await t.must('shifts.current', {});
  expect(state.today).toBe('2026-11-24');
  expect(state.shift).toMatchObject({ businessDay: '2026-11-23', stale: true });
});

describe('a sale mid-payment blocks the close', () => {
  async function counted() {
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    const shiftId = await openShiftId(t);
    await t.must('shifts.count', { shiftId, count: { amount: 0 } });
    return shiftId;
  }
  const busy = { ok: false, error: { code: 'CONFLICT', message: "A sale is being paid on this till (Bea T.'s payment screen is open). Finish or close it first." } };

  test('until the payment screen closes', async () => {
    t = await setUpWithoutShift();
    await openShift(t);
    const shiftId = await counted();
    await t.must('cart.payment', { state: 'open' }, 'bea');
    const before = dbFingerprint(t.core.sqlite);
    expect(await t.call('shifts.close', { shiftId, leftInDrawer: 0 })).toMatchObject(busy);
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    await t.must('cart.payment', { state: 'closed' }, 'bea');
    expect((await t.call('shifts.close', { shiftId, leftInDrawer: 0 })).ok).toBe(true);
  });

  test('or 15 minutes pass, or the window of that session closes', async () => {
    t = await setUpWithoutShift();
    await openShift(t);
    const shiftId = await counted();
    await t.must('cart.payment', { state: 'open' }, 'bea');
    t.clock.advance(14 * 60_000);
    expect(await t.call('shifts.close', { shiftId, leftInDrawer: 0 })).toMatchObject(busy);
    t.clock.advance(60_000);
    await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }); // idle-locked by now
    expect((await t.call('shifts.close', { shiftId, leftInDrawer: 0 })).ok).toBe(true);

    await openShift(t);
    await signInAs(t, 'bea');
    const next = await openShiftId(t);
    await t.must('shifts.count', { shiftId: next, count: { amount: 0 } });
    await t.must('cart.payment', { state: 'open' }, 'bea');
    expect(await t.call('shifts.close', { shiftId: next, leftInDrawer: 0 })).toMatchObject(busy);
    t.core.endWindow('bea');
    expect((await t.call('shifts.close', { shiftId: next, leftInDrawer: 0 })).ok).toBe(true);
  });
});
