// Issue 9, refunds: whole orders, lines and quantities, amounts; to the original tenders or
// another; approvals bound to the refund; the refund limit; cash needs an open shift; idempotent
// on the request id; cancel = "refund everything + cancel"; the figures reconcile.
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createCore } from '../../electron/core/createCore';
import { FileKeyProvider } from '../../electron/core/keys';
import { computeFigures, TENDER_METHODS } from '../../electron/reports/figures';
import { SalesRecords } from '../../electron/reports/salesRecords';
import type { ChannelInput, OrderDetail, RefundWhat } from '../../electron/shared/contract';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, makeSetUpCore, newRequestId, OWNER, signInAs, STAFF_PIN, TEST_ORIGIN, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

type Payments = ChannelInput<'orders.checkout'>['payments'];
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Everything but auth_events, where refused calls are recorded as security events. */
const fingerprint = () => {
  const { auth_events: _refusalsAreLogged, ...rest } = dbFingerprint(t.core.sqlite);
  return rest;
};
const refused = (code: string, message?: string | RegExp) => ({ ok: false, error: { code, ...(message && { message }) } });

async function itemId(name: string) {
  return (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === name)!.id;
}

/** Sells `items` (name → quantity) paid with `payments` (default: exact cash) as `senderId`. */
async function sell(items: Record<string, number>, payments?: Payments, senderId = 'window-1'): Promise<OrderDetail> {
  for (const [name, quantity] of Object.entries(items)) await t.must('cart.addItem', { menuItemId: await itemId(name), quantity }, senderId);
  const total = (await t.must('cart.get', {}, senderId)).totals.total;
  return (await t.must('orders.checkout', { requestId: newRequestId(), payments: payments ?? [{ method: 'cash', tendered: total }] }, senderId)).order;
}

const refundInput = (orderId: string, what: RefundWhat, extra: Partial<ChannelInput<'refunds.issue'>> = {}): ChannelInput<'refunds.issue'> => ({
  requestId: newRequestId(),
  orderId,
  what,
  tender: 'original',
  reason: 'Too cold',
  ...extra,
});
const lines = (order: OrderDetail, quantity = 1, index = 0): RefundWhat => ({ kind: 'lines', lines: [{ lineId: order.lines[index]!.id, quantity }] });

/** Closes the till's shift (counted exactly what is expected) so no shift is open. */
async function closeShift() {
  const { shift } = await t.must('shifts.current', {});
  const x = await t.must('shifts.xReport', {});
  await t.must('shifts.count', { shiftId: shift!.id, count: { amount: x.figures.expectedCash } });
  await t.must('shifts.close', { shiftId: shift!.id, leftInDrawer: 0 });
}

describe('refunds of lines, quantities and amounts', () => {
  test('1 of 3 lattes, twice, then the third: numbered R1..R3, derived refundable, exactly the order total and tax', async () => {
    t = await makeSetUpCore();
    const order = await sell({ Latte: 3 });
    const preview = await t.must('refunds.preview', { orderId: order.id, what: lines(order), tender: 'original' });
    expect(preview).toMatchObject({
      refundable: 49500,
      amount: 16500,
      tax: 1768,
      tenders: [{ method: 'cash', amount: 16500 }],
      needsApproval: null,
      needsOpenShift: false,
      lines: [{ name: 'Latte', quantity: 3, refundedQuantity: 0, refundableQuantity: 3, lineTotal: 49500, refundableAmount: 49500 }],
    });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await t.must('refunds.issue', refundInput(order.id, lines(order))));
    expect(results.map((r) => [r.refund.number, r.refund.amount, r.refund.tax])).toEqual([
      [`${order.shortNumber}-R1`, 16500, 1768],
      [`${order.shortNumber}-R2`, 16500, 1768],
      [`${order.shortNumber}-R3`, 16500, 1768],
    ]);
    const last = results[2]!.order;
    expect(last.refunded).toBe(order.total);
    expect(sum(last.refunds.map((r) => r.tax))).toBe(order.taxTotal);
    expect(last.refunds.map((r) => r.lines)).toEqual([1, 2, 3].map(() => [{ lineId: order.lines[0]!.id, name: 'Latte', quantity: 1, amount: 16500 }]));
    expect(results[0]!.refund).toMatchObject({ kind: 'refund', by: 'Olivia R.', approvedBy: null, reason: 'Too cold', tenders: [{ method: 'cash', amount: 16500 }] });

    const before = fingerprint();
    expect(await t.call('refunds.issue', refundInput(order.id, lines(order)))).toMatchObject(refused('CONFLICT', 'Latte has already been refunded in full'));
    expect(await t.call('refunds.preview', { orderId: order.id, what: { kind: 'all' }, tender: 'original' })).toMatchObject(
      refused('CONFLICT', 'Nothing is left to refund on this order'),
    );
    expect(fingerprint()).toEqual(before);
    const audit = t.core.sqlite.prepare(`select new_value, reason from audit_events where action = 'order.refund' order by seq`).all() as { new_value: string; reason: string }[];
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0]!.new_value)).toMatchObject({ number: `${order.shortNumber}-R1`, amount: 16500, tax: 1768, lines: [{ quantity: 1, amount: 16500 }], tenders: [{ method: 'cash', amount: 16500 }] });
  });

  test('an amount refund is spread over the lines; then "all" takes exactly the rest', async () => {
    t = await makeSetUpCore({ pricesIncludeTax: false });
    const order = await sell({ Latte: 2, Croissant: 1 });
    const part = await t.must('refunds.issue', refundInput(order.id, { kind: 'amount', amount: 10000 }));
    expect(part.refund.amount).toBe(10000);
    expect(sum(part.refund.lines.map((l) => l.amount))).toBe(10000);
    expect(part.refund.lines.every((l) => l.quantity === 0)).toBe(true);
    const rest = await t.must('refunds.issue', refundInput(order.id, { kind: 'all' }));
    expect(rest.refund.amount).toBe(order.total - 10000);
    expect(rest.refund.lines.map((l) => l.quantity)).toEqual([2, 1]);
    expect(part.refund.tax + rest.refund.tax).toBe(order.taxTotal);
    const perLine = t.core.sqlite
      .prepare(`select i.quantity, i.line_total, i.line_tax, sum(rl.quantity) q, sum(rl.amount) a, sum(rl.tax) x from order_items i join refund_lines rl on rl.order_item_id = i.id group by i.id`)
      .all() as { quantity: number; line_total: number; line_tax: number; q: number; a: number; x: number }[];
    for (const l of perLine) expect([l.q, l.a, l.x]).toEqual([l.quantity, l.line_total, l.line_tax]);
  });

  test('more than is left is refused with what is left, and nothing is written; a cancelled order cannot be refunded', async () => {
    t = await makeSetUpCore();
    const order = await sell({ Latte: 3 });
    await t.must('refunds.issue', refundInput(order.id, lines(order, 2)));
    const before = fingerprint();
    expect(await t.call('refunds.issue', refundInput(order.id, lines(order, 2)))).toMatchObject(refused('CONFLICT', 'Only 1 of 3 Latte is left to refund'));
    expect(await t.call('refunds.issue', refundInput(order.id, { kind: 'amount', amount: 16501 }))).toMatchObject(
      refused('CONFLICT', 'At most ₱165.00 is left to refund on this order'),
    );
    expect(await t.call('refunds.issue', refundInput(order.id, { kind: 'lines', lines: [{ lineId: 'not-a-line', quantity: 1 }] }))).toMatchObject(refused('VALIDATION'));
    expect(await t.call('refunds.issue', refundInput('no-such-order', { kind: 'all' }))).toMatchObject(refused('NOT_FOUND'));
    expect(await t.raw('refunds.issue', refundInput(order.id, { kind: 'all' }, { reason: 'ab\ud800' }))).toMatchObject(refused('VALIDATION'));
    expect(fingerprint()).toEqual(before);

    const other = await sell({ Mocha: 1 });
    await t.must('orders.cancel', { orderId: other.id, reason: 'Wrong drink' });
    expect(await t.call('refunds.issue', refundInput(other.id, { kind: 'all' }))).toMatchObject(refused('CONFLICT', /was cancelled/));
  });

  test('10 concurrent refunds of the last latte: exactly one; 10 calls with one request id: one refund, the rest are replays', async () => {
    t = await makeSetUpCore();
    const order = await sell({ Latte: 2 });
    await t.must('refunds.issue', refundInput(order.id, lines(order)));
    const racing = await Promise.all(Array.from({ length: 10 }, () => t.call('refunds.issue', refundInput(order.id, lines(order)))));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true);
    expect(t.core.sqlite.prepare(`select sum(quantity) from refund_lines`).pluck().get()).toBe(2);

    const again = await sell({ Latte: 1 });
    const input = refundInput(again.id, { kind: 'all' });
    const same = await Promise.all(Array.from({ length: 10 }, () => t.must('refunds.issue', input)));
    expect(new Set(same.map((r) => r.refund.id)).size).toBe(1);
    expect(same.filter((r) => !r.replayed)).toHaveLength(1);
    expect(t.count('refunds')).toBe(3);
    expect(t.core.sqlite.prepare(`select count(*) from audit_events where action = 'order.refund'`).pluck().get()).toBe(3);

    // Someone else's request id is not theirs to replay.
    await addStaff(t, 'manager', 'max');
    await signInAs(t, 'max');
    expect(await t.call('refunds.issue', input, 'max')).toMatchObject(refused('CONFLICT', 'That request id belongs to another refund'));
  });
});

describe('who may refund', () => {
  async function shop() {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    await signInAs(t, 'bea');
    await signInAs(t, 'max');
  }
  const approve = (params: { orderId: string; amount: number; tender: 'original' | 'cash' | 'card' | 'other' }, by: { username: string; pin: string }, senderId: string) =>
    t.call('override.approve', { ...by, action: 'order.refund', params }, senderId);
  const MAX = { username: 'max', pin: STAFF_PIN };
  const OLIVIA = { username: OWNER.username, pin: OWNER.pin };

  test('a barista needs a manager’s approval bound to this refund: another amount, another order and a reuse are refused', async () => {
    await shop();
    const order = await sell({ Latte: 2 }, undefined, 'bea');
    const other = await sell({ Latte: 1 }, undefined, 'bea');
    const preview = await t.must('refunds.preview', { orderId: order.id, what: lines(order), tender: 'original' }, 'bea');
    expect(preview.needsApproval).toEqual({ action: 'order.refund', ownerOnly: false, limit: 50_000 });
    const before = fingerprint();
    expect(await t.call('refunds.issue', refundInput(order.id, lines(order)), 'bea')).toMatchObject(refused('FORBIDDEN', "A refund needs a manager's approval"));

    const forTwo = await approve({ orderId: order.id, amount: 33000, tender: 'original' }, MAX, 'bea');
    const forOther = await approve({ orderId: other.id, amount: 16500, tender: 'original' }, MAX, 'bea');
    const toCard = await approve({ orderId: order.id, amount: 16500, tender: 'card' }, MAX, 'bea');
    for (const a of [forTwo, forOther, toCard]) {
      if (!a.ok) throw new Error(a.error.message);
      expect(await t.call('refunds.issue', refundInput(order.id, lines(order), { approvalId: a.value.approvalId }), 'bea')).toMatchObject(
        refused('FORBIDDEN', 'The manager approved a different refund. Ask them to approve this one.'),
      );
    }
    expect(fingerprint()).toEqual(before);

    const right = await t.must('override.approve', { ...MAX, action: 'order.refund', params: { orderId: order.id, amount: 16500, tender: 'original' } }, 'bea');
    const done = await t.must('refunds.issue', refundInput(order.id, lines(order), { approvalId: right.approvalId }), 'bea');
    expect(done.refund).toMatchObject({ by: 'Bea T.', approvedBy: 'Max T.', amount: 16500 });
    expect(t.core.sqlite.prepare(`select u.username from audit_events a join users u on u.id = a.approver_user_id where action = 'order.refund'`).pluck().all()).toEqual(['max']);
    // Used up: the same approval does not refund the second latte.
    expect(await t.call('refunds.issue', refundInput(order.id, lines(order), { approvalId: right.approvalId }), 'bea')).toMatchObject(refused('FORBIDDEN'));
    // A barista cannot approve; nobody approves their own refund.
    await addStaff(t, 'barista', 'ben');
    expect(await approve({ orderId: order.id, amount: 16500, tender: 'original' }, { username: 'ben', pin: STAFF_PIN }, 'bea')).toMatchObject(refused('FORBIDDEN'));
    expect(await approve({ orderId: order.id, amount: 16500, tender: 'original' }, MAX, 'max')).toMatchObject(refused('FORBIDDEN'));
  });

  test('over the refund limit: a manager is refused alone and cannot approve; the owner’s approval works; checked again when used', async () => {
    await shop();
    await t.must('settings.updateDrawer', { cashNeedsShift: true, varianceTolerance: 0, refundLimit: 20_000 });
    const order = await sell({ Latte: 2 });
    const all = { kind: 'all' as const };
    expect((await t.must('refunds.preview', { orderId: order.id, what: all, tender: 'original' }, 'max')).needsApproval).toEqual({
      action: 'order.refund',
      ownerOnly: true,
      limit: 20_000,
    });
    expect((await t.must('refunds.preview', { orderId: order.id, what: lines(order), tender: 'original' }, 'max')).needsApproval).toBeNull();
    await addStaff(t, 'manager', 'mia');
    const before = fingerprint();
    expect(await t.call('refunds.issue', refundInput(order.id, all), 'max')).toMatchObject(refused('FORBIDDEN', 'Over the refund limit of ₱200.00: ask the owner to approve'));
    expect(await approve({ orderId: order.id, amount: 33000, tender: 'original' }, { username: 'mia', pin: STAFF_PIN }, 'max')).toMatchObject(
      refused('FORBIDDEN', 'Over the refund limit of ₱200.00: only the owner can approve'),
    );
    expect(fingerprint()).toEqual(before);
    const owner = await t.must('override.approve', { ...OLIVIA, action: 'order.refund', params: { orderId: order.id, amount: 33000, tender: 'original' } }, 'max');
    expect((await t.must('refunds.issue', refundInput(order.id, all, { approvalId: owner.approvalId }), 'max')).refund).toMatchObject({ amount: 33000, approvedBy: 'Olivia R.' });

    // A manager's approval given under the limit is refused if the limit drops before it is used.
    const next = await sell({ Latte: 1 });
    const mias = await t.must('override.approve', { username: 'mia', pin: STAFF_PIN, action: 'order.refund', params: { orderId: next.id, amount: 16500, tender: 'original' } }, 'bea');
    await t.must('settings.updateDrawer', { cashNeedsShift: true, varianceTolerance: 0, refundLimit: 10_000 });
    expect(await t.call('refunds.issue', refundInput(next.id, { kind: 'all' }, { approvalId: mias.approvalId }), 'bea')).toMatchObject(
      refused('FORBIDDEN', 'Over the refund limit of ₱100.00: only the owner can approve'),
    );
  });

  test('a barista refunds today’s orders only (the orders channels’ rule)', async () => {
    await shop();
    const order = await sell({ Latte: 1 }, [{ method: 'card', amount: 16500 }]);
    t.clock.advance(24 * 3600_000);
    await signInAs(t, 'bea'); // the idle lock ended the old session
    expect(await t.call('refunds.preview', { orderId: order.id, what: { kind: 'all' }, tender: 'original' }, 'bea')).toMatchObject(refused('FORBIDDEN', /today's orders/));
    expect(await t.call('refunds.issue', refundInput(order.id, { kind: 'all' }), 'bea')).toMatchObject(refused('FORBIDDEN', /today's orders/));
  });
});

describe('where the money goes back', () => {
  test('original tenders of a split payment: card and other first, cash last; each tender ends exactly at what was paid on it', async () => {
    t = await makeSetUpCore();
    const order = await sell({ Latte: 3 }, [
      { method: 'card', amount: 20_000, reference: 'AUTH-1' },
      { method: 'other', amount: 10_000, reference: 'GCash' },
      { method: 'cash', tendered: 20_000 },
    ]);
    const { shift } = await t.must('shifts.current', {});
    const r1 = await t.must('refunds.issue', refundInput(order.id, lines(order)));
    expect(r1.refund.tenders).toEqual([{ method: 'card', amount: 16500 }]);
    const r2 = await t.must('refunds.issue', refundInput(order.id, lines(order)));
    expect(r2.refund.tenders).toEqual([{ method: 'card', amount: 3500 }, { method: 'other', amount: 10000 }, { method: 'cash', amount: 3000 }]);
    const r3 = await t.must('refunds.issue', refundInput(order.id, lines(order)));
    expect(r3.refund.tenders).toEqual([{ method: 'cash', amount: 16500 }]);
    const back = t.core.sqlite.prepare(`select method, sum(amount) amount from refund_tenders group by method order by method`).all();
    expect(back).toEqual([{ method: 'card', amount: 20000 }, { method: 'cash', amount: 19500 }, { method: 'other', amount: 10000 }]);
    expect(t.core.sqlite.prepare(`select distinct shift_id from refunds`).pluck().all()).toEqual([shift!.id]);
  });

  test('cash back needs an open shift on this till; to card it goes through without one', async () => {
    t = await makeSetUpCore();
    const order = await sell({ Latte: 2 });
    await closeShift();
    const preview = await t.must('refunds.preview', { orderId: order.id, what: lines(order), tender: 'original' });
    expect(preview.needsOpenShift).toBe(true);
    const before = fingerprint();
    expect(await t.call('refunds.issue', refundInput(order.id, lines(order)))).toMatchObject(
      refused('CONFLICT', '₱165.00 goes back in cash: open a shift first, or refund to card'),
    );
    expect(await t.call('orders.cancel', { orderId: order.id, reason: 'Wrong drink' })).toMatchObject(refused('CONFLICT', '₱330.00 goes back in cash: open a shift first, or refund to card'));
    expect(fingerprint()).toEqual(before);
    expect((await t.must('refunds.preview', { orderId: order.id, what: lines(order), tender: 'card' })).needsOpenShift).toBe(false);
    const card = await t.must('refunds.issue', refundInput(order.id, lines(order), { tender: 'card' }));
    expect(card.refund.tenders).toEqual([{ method: 'card', amount: 16500 }]);
    expect(t.core.sqlite.prepare(`select shift_id from refunds`).pluck().get()).toBeNull();
  });
});

describe('cancel = refund everything + cancel', () => {
  test('cancelling writes a cancel refund of everything still refundable (after a partial refund, the rest) to the original tenders', async () => {
    t = await makeSetUpCore();
    const order = await sell({ Latte: 2, Croissant: 1 }, [
      { method: 'card', amount: 10_000 },
      { method: 'cash', tendered: 50_000 },
    ]);
    await t.must('refunds.issue', refundInput(order.id, lines(order)));
    const cancelled = await t.must('orders.cancel', { orderId: order.id, reason: 'Customer left' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.refunds.map((r) => [r.number, r.kind])).toEqual([
      [`${order.shortNumber}-R1`, 'refund'],
      [`${order.shortNumber}-R2`, 'cancel'],
    ]);
    const cancel = cancelled.refunds[1]!;
    expect(cancel).toMatchObject({ amount: order.total - 16500, reason: 'Customer left', by: 'Olivia R.' });
    expect(cancel.lines.map((l) => [l.name, l.quantity])).toEqual([['Latte', 1], ['Croissant', 1]]);
    expect(cancelled.refunded).toBe(order.total);
    // The first refund took the card's 100.00 first; the cancel hands back the rest in cash.
    expect(cancelled.refunds[0]!.tenders).toEqual([{ method: 'card', amount: 10000 }, { method: 'cash', amount: 6500 }]);
    expect(cancel.tenders).toEqual([{ method: 'cash', amount: order.total - 16500 }]);
    expect(sum(cancelled.refunds.map((r) => r.tax))).toBe(order.taxTotal);
    const audit = t.core.sqlite.prepare(`select new_value from audit_events where action = 'order.cancel'`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ status: 'cancelled', refundId: cancel.id, refunded: cancel.amount });
    expect(t.core.sqlite.prepare(`select request_id from refunds where kind = 'cancel'`).pluck().get()).toBe(`cancel:${order.id}`);

    const before = fingerprint();
    expect(await t.call('orders.cancel', { orderId: order.id, reason: 'Again' })).toMatchObject(refused('CONFLICT', 'That order is already cancelled'));
    expect(fingerprint()).toEqual(before);
  });

  test('over the refund limit a manager cannot cancel alone, nor a barista with a manager’s approval; the owner’s approval works', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    await signInAs(t, 'bea');
    await signInAs(t, 'max');
    await t.must('settings.updateDrawer', { cashNeedsShift: true, varianceTolerance: 0, refundLimit: 20_000 });
    const order = await sell({ Latte: 2 });
    const before = fingerprint();
    const over = 'Cancelling hands back ₱330.00, over the refund limit: ask the owner';
    expect(await t.call('orders.cancel', { orderId: order.id, reason: 'Wrong drink' }, 'max')).toMatchObject(refused('FORBIDDEN', over));
    const maxs = await t.must('override.approve', { username: 'max', pin: STAFF_PIN, action: 'order.cancelPaid', params: { orderId: order.id } }, 'bea');
    expect(await t.call('orders.cancel', { orderId: order.id, reason: 'Wrong drink', approvalId: maxs.approvalId }, 'bea')).toMatchObject(refused('FORBIDDEN', over));
    expect(fingerprint()).toEqual(before);
    const owners = await t.must('override.approve', { username: OWNER.username, pin: OWNER.pin, action: 'order.cancelPaid', params: { orderId: order.id } }, 'max');
    const done = await t.must('orders.cancel', { orderId: order.id, reason: 'Wrong drink', approvalId: owners.approvalId }, 'max');
    expect(done.refunds).toMatchObject([{ kind: 'cancel', amount: 33000, approvedBy: 'Olivia R.', by: 'Max T.' }]);
  });

  test('a fully refunded order can still be cancelled: the cancel hands back nothing and is counted', async () => {
    t = await makeSetUpCore();
    const order = await sell({ Latte: 1 });
    await t.must('refunds.issue', refundInput(order.id, { kind: 'all' }));
    const done = await t.must('orders.cancel', { orderId: order.id, reason: 'Customer left' });
    expect(done.refunds.map((r) => [r.kind, r.amount, r.tenders])).toEqual([
      ['refund', 16500, [{ method: 'cash', amount: 16500 }]],
      ['cancel', 0, []],
    ]);
  });
});

describe('receipts and figures', () => {
  test('a refund receipt says what went back, where, why and who approved; printing is recorded; no printer → the desktop app', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await signInAs(t, 'bea');
    const order = await sell({ Latte: 2 }, [{ method: 'card', amount: 33000, reference: 'AUTH-9' }], 'bea');
    const { approvalId } = await t.must('override.approve', { username: OWNER.username, pin: OWNER.pin, action: 'order.refund', params: { orderId: order.id, amount: 16500, tender: 'original' } }, 'bea');
    const { refund } = await t.must('refunds.issue', refundInput(order.id, lines(order), { approvalId, reason: 'Spilled <b>milk</b>' }), 'bea');
    const receipt = await t.must('refunds.receipt', { refundId: refund.id }, 'bea');
    expect(receipt).toMatchObject({ shopName: 'Brews & Chews', orderNumber: order.orderNumber, refund: { number: `${order.shortNumber}-R1`, approvedBy: 'Olivia R.' } });
    expect(await t.must('refunds.print', { refundId: refund.id }, 'bea')).toEqual({ printer: 'default printer' });
    const html = t.printer.jobs.at(-1)!.html;
    for (const text of ['Brews &amp; Chews', `Refund ${order.shortNumber}-R1`, order.orderNumber, '1 × Latte', '₱165.00', 'Back to Card', 'Spilled &lt;b&gt;milk&lt;/b&gt;', 'By Bea T., approved by Olivia R.']) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('<script');
    expect(t.core.sqlite.prepare(`select count(*) from audit_events where action = 'refund.print' and entity_id = ?`).pluck().get(refund.id)).toBe(1);
    expect(await t.call('refunds.receipt', { refundId: 'no-such-refund' })).toMatchObject(refused('NOT_FOUND'));

    // Without the desktop app (no printer): the same answer as a sale's receipt.
    t.core.close();
    const bare = createCore({ dbPath: t.dbPath, trustedOrigins: [TEST_ORIGIN], keys: new FileKeyProvider(path.join(t.dir, 'brewline.keys'), {}), logger: { info() {}, error() {} } });
    const ctx = { senderId: 'w', frameUrl: `${TEST_ORIGIN}/`, isMainFrame: true };
    await bare.call(ctx, 'auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
    expect(await bare.call(ctx, 'refunds.print', { refundId: refund.id })).toMatchObject(refused('CONFLICT', 'Printing is available in the desktop app'));
    bare.close();
    t.reopen();
  });

  test('after refunds and a cancel, the figures reconcile: net = gross − discounts − refunds; refunded per tender = Σ refund tenders', async () => {
    t = await makeSetUpCore();
    const a = await sell({ Latte: 3 }, [{ method: 'card', amount: 20_000 }, { method: 'cash', tendered: 30_000 }]);
    await t.must('cart.addItem', { menuItemId: await itemId('Croissant'), quantity: 2 });
    await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 500 }, reason: 'Regular' });
    const b = await sell({}, [{ method: 'other', amount: (await t.must('cart.get', {})).totals.total, reference: 'GCash' }]);
    const c = await sell({ Mocha: 1 });
    await t.must('refunds.issue', refundInput(a.id, lines(a)));
    await t.must('refunds.issue', refundInput(a.id, { kind: 'amount', amount: 12345 }, { tender: 'other' }));
    await t.must('refunds.issue', refundInput(b.id, lines(b)));
    await t.must('orders.cancel', { orderId: c.id, reason: 'Wrong drink' });

    const { shift } = await t.must('shifts.current', {});
    const records = new SalesRecords(t.core.sqlite).readShift(shift!.id);
    const f = computeFigures({ sales: records.sales, refunds: records.refunds });
    expect(f.net).toBe(f.gross - f.discounts - f.refunds);
    expect(f.refunds).toBe(t.core.sqlite.prepare(`select sum(amount) from refunds`).pluck().get()); // tax-inclusive shop
    const back = Object.fromEntries(
      (t.core.sqlite.prepare(`select method, sum(amount) amount from refund_tenders group by method`).all() as { method: string; amount: number }[]).map((r) => [r.method, r.amount]),
    );
    for (const m of TENDER_METHODS) expect(f.tenders[m].refunded).toBe(back[m] ?? 0);
    expect(f.collected).toBe(a.total + b.total + c.total - sum(Object.values(back)));
    expect(f).toMatchObject({ ordersCount: 3, refundsCount: 4, cancellations: 1, inconsistentOrders: [] });
    expect(f.tax).toBe(a.taxTotal + b.taxTotal + c.taxTotal - (t.core.sqlite.prepare(`select sum(tax) from refunds`).pluck().get() as number));
  });
});
