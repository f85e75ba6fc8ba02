// Property test of the figures that close a day (issue 9): random shifts of sales (discounts,
// split tenders), partial and amount refunds, cancels and drawer movements (with voids), all
// through the router on a real SQLite file. After each shift the X report, and then the stored
// Z report, must satisfy the published identities and equal an independent tally kept here of
// what every call returned: Σ tenders − Σ refunds = collected; net = gross − discounts −
// refunds; expected cash = float + cash sales − cash refunds + pay-ins − pay-outs − safe drops;
// report totals = the sum of the orders they cover.
import { afterEach, expect, test } from 'vitest';
import { computeFigures } from '../../electron/reports/figures';
import { SalesRecords } from '../../electron/reports/salesRecords';
import type { OrderDetail, PaymentMethod, XReport } from '../../electron/shared/contract';
import { makeSetUpCore, newRequestId, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

/** mulberry32, so a failing seed can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tally {
  orders: Map<string, OrderDetail>;
  float: number;
  cashSales: number;
  cashRefunds: number;
  tenderSales: Record<PaymentMethod, number>;
  tenderRefunds: Record<PaymentMethod, number>;
  payIns: number;
  payOuts: number;
  safeDrops: number;
  refunds: number;
  cancels: number;
}

const newTally = (float: number): Tally => ({
  orders: new Map(),
  float,
  cashSales: 0,
  cashRefunds: 0,
  tenderSales: { cash: 0, card: 0, other: 0 },
  tenderRefunds: { cash: 0, card: 0, other: 0 },
  payIns: 0,
  payOuts: 0,
  safeDrops: 0,
  refunds: 0,
  cancels: 0,
});

/** The X report's figures computed from scratch: every record of the shift read again. */
async function fromScratch(t: TestCore, x: XReport): Promise<XReport['figures']> {
  const state = await t.must('shifts.current', {});
  const records = new SalesRecords(t.core.sqlite).readShift(x.shiftId);
  return computeFigures({
    sales: records.sales,
    refunds: records.refunds,
    drawer: state.shift!.movements.map((m) => ({ businessDay: state.shift!.businessDay, kind: m.kind, amount: m.amount })),
    openingFloat: state.shift!.openingFloat.total,
  });
}

function checkIdentities(x: XReport, tally: Tally): void {
  const f = x.figures;
  const methods = ['cash', 'card', 'other'] as const;
  // The published identities.
  expect(f.net).toBe(f.gross - f.discounts - f.refunds);
  expect(f.collected).toBe(methods.reduce((a, m) => a + f.tenders[m].sales - f.tenders[m].refunded, 0));
  expect(f.expectedCash).toBe(f.drawer.openingFloat + f.drawer.cashSales - f.drawer.cashRefunds + f.drawer.payIns - f.drawer.payOuts - f.drawer.safeDrops);
  expect(f.inconsistentOrders).toEqual([]);
  // The report equals the sum of the orders it covers, as the router returned them.
  const orders = [...tally.orders.values()];
  expect(f.ordersCount).toBe(orders.length);
  expect(f.gross).toBe(orders.reduce((a, o) => a + o.subtotal, 0));
  expect(f.discounts).toBe(orders.reduce((a, o) => a + o.discountTotal, 0));
  for (const m of methods) {
    expect(f.tenders[m].sales, `${m} sales`).toBe(tally.tenderSales[m]);
    expect(f.tenders[m].refunded, `${m} refunded`).toBe(tally.tenderRefunds[m]);
  }
  expect(f.refundsCount).toBe(tally.refunds);
  expect(f.cancellations).toBe(tally.cancels);
  // …and the drawer equals what went in and out of it.
  expect(f.drawer).toEqual({ openingFloat: tally.float, cashSales: tally.cashSales, cashRefunds: tally.cashRefunds, payIns: tally.payIns, payOuts: tally.payOuts, safeDrops: tally.safeDrops });
  // In a tax-inclusive shop the money handed back is the refunds figure itself.
  expect(f.refunds).toBe(methods.reduce((a, m) => a + tally.tenderRefunds[m], 0));
}

for (const seed of [1, 2, 3]) {
  test(`seed ${seed}: a random shift reconciles in its X and Z reports`, async () => {
    const rand = prng(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    t = await makeSetUpCore();
    // A fresh shift with a float counted by note.
    const current = await t.must('shifts.current', {});
    if (current.shift) {
      const x0 = await t.must('shifts.xReport', {});
      await t.must('shifts.count', { shiftId: x0.shiftId, count: { amount: x0.figures.expectedCash } });
      await t.must('shifts.close', { shiftId: x0.shiftId, leftInDrawer: 0 });
    }
    const opened = await t.must('shifts.open', { requestId: newRequestId(), float: { counts: [{ value: 100_000, count: 2 }, { value: 2_000, count: int(0, 5) }] } });
    const tally = newTally(opened.shift!.openingFloat.total);
    const menu = (await t.must('menu.list', {})).flatMap((c) => c.items).filter((i) => i.isAvailable && i.modifierGroups.every((g) => g.minChoices === 0 || g.options.length > 0));
    const movements: string[] = [];

    for (let step = 0; step < 45; step++) {
      if (step % 9 === 8) {
        // The X report reads only what is new since the last one: it must equal a reading from scratch.
        const x = await t.must('shifts.xReport', {});
        expect(x.figures).toEqual(await fromScratch(t, x));
      }
      const r = rand();
      const paidOrders = [...tally.orders.values()].filter((o) => o.status !== 'cancelled' && o.refunded < o.total);
      if (r < 0.5 || paidOrders.length === 0) {
        // A sale: 1–3 lines, sometimes a discount, cash / card / other / split.
        let cart = await t.must('cart.addItem', { menuItemId: pick(menu).id, quantity: int(1, 3) });
        for (let k = int(0, 2); k > 0; k--) cart = await t.must('cart.addItem', { menuItemId: pick(menu).id, quantity: int(1, 2) });
        if (rand() < 0.3) cart = await t.must('cart.setDiscount', { discount: { kind: 'percent', value: int(1, 5) * 100 }, reason: 'Regular' });
        const total = cart.totals.total;
        const kind = pick(['cash', 'card', 'other', 'split'] as const);
        const card = kind === 'split' ? int(1, Math.max(1, total - 1)) : 0;
        const payments =
          kind === 'cash'
            ? [{ method: 'cash' as const, tendered: total + int(0, 3) * 1_000 }]
            : kind === 'card' || kind === 'other'
              ? [{ method: kind, amount: total }]
              : [{ method: 'card' as const, amount: card }, { method: 'cash' as const, tendered: total - card + int(0, 2) * 500 }];
        const sold = (await t.must('orders.checkout', { requestId: newRequestId(), payments })).order;
        tally.orders.set(sold.id, sold);
        for (const p of sold.payments) {
          tally.tenderSales[p.method] += p.amount;
          if (p.method === 'cash') tally.cashSales += p.amount;
        }
      } else if (r < 0.75) {
        // A refund: lines and quantities, an amount, or everything; original tender or another.
        const order = pick(paidOrders);
        const left = order.lines.map((l) => ({ lineId: l.id, left: l.quantity - order.refunds.flatMap((x) => x.lines).filter((x) => x.lineId === l.id).reduce((a, x) => a + x.quantity, 0) }));
        const open = left.filter((l) => l.left > 0);
        const way = rand();
        const what =
          way < 0.5 && open.length > 0
            ? { kind: 'lines' as const, lines: [pick(open)].map((l) => ({ lineId: l.lineId, quantity: int(1, l.left) })) }
            : way < 0.8
              ? { kind: 'amount' as const, amount: int(1, order.total - order.refunded) }
              : { kind: 'all' as const };
        const tender = pick(['original', 'original', 'cash', 'card', 'other'] as const);
        const result = await t.call('refunds.issue', { requestId: newRequestId(), orderId: order.id, what, tender, reason: 'Customer complaint' });
        if (!result.ok) {
          // Only a quantity refund whose money was already handed back by amount may be refused.
          expect(result.error.code, result.error.message).toBe('CONFLICT');
          continue;
        }
        tally.orders.set(order.id, result.value.order);
        tally.refunds++;
        for (const tender of result.value.refund.tenders) {
          tally.tenderRefunds[tender.method] += tender.amount;
          if (tender.method === 'cash') tally.cashRefunds += tender.amount;
        }
        expect(result.value.order.refunded).toBeLessThanOrEqual(order.total);
      } else if (r < 0.8) {
        const order = pick(paidOrders);
        const cancelled = await t.must('orders.cancel', { orderId: order.id, reason: 'Customer left' });
        const refund = cancelled.refunds.at(-1)!;
        expect(refund.kind).toBe('cancel');
        expect(cancelled.refunded).toBe(order.total);
        tally.orders.set(order.id, cancelled);
        tally.refunds++;
        tally.cancels++;
        for (const tender of refund.tenders) {
          tally.tenderRefunds[tender.method] += tender.amount;
          if (tender.method === 'cash') tally.cashRefunds += tender.amount;
        }
      } else if (r < 0.95) {
        const x = await t.must('shifts.xReport', {});
        const kind = pick(['pay_in', 'pay_out', 'safe_drop', 'no_sale'] as const);
        const amount = kind === 'no_sale' ? 0 : kind === 'pay_in' ? int(1, 50_000) : int(1, Math.max(1, Math.min(x.figures.expectedCash, 50_000)));
        if (kind !== 'no_sale' && kind !== 'pay_in' && x.figures.expectedCash < 1) continue;
        const state = await t.must('shifts.move', { requestId: newRequestId(), kind, amount, category: kind === 'pay_out' ? 'Supplies' : undefined, reason: 'Random day' });
        movements.push(state.shift!.movements.at(-1)!.id);
        if (kind === 'pay_in') tally.payIns += amount;
        if (kind === 'pay_out') tally.payOuts += amount;
        if (kind === 'safe_drop') tally.safeDrops += amount;
      } else if (movements.length > 0) {
        // Void a movement with a counter-movement.
        const state = await t.must('shifts.current', {});
        const target = state.shift!.movements.find((m) => m.id === pick(movements) && m.voidsId === null && m.voidedById === null);
        if (!target) continue;
        const undoesCash = target.kind === 'pay_in';
        const x = await t.must('shifts.xReport', {});
        if (undoesCash && x.figures.expectedCash < target.amount) continue; // voiding a pay-in takes the cash back out
        const voided = await t.call('shifts.voidMovement', { requestId: newRequestId(), movementId: target.id, reason: 'Keyed wrong' });
        if (!voided.ok) continue;
        if (target.kind === 'pay_in') tally.payIns -= target.amount;
        if (target.kind === 'pay_out') tally.payOuts -= target.amount;
        if (target.kind === 'safe_drop') tally.safeDrops -= target.amount;
      }
    }

    const x = await t.must('shifts.xReport', {});
    checkIdentities(x, tally);
    expect(x.figures).toEqual(await fromScratch(t, x));

    // The close: a blind count a little off, the Z report stores exactly the X figures.
    const off = int(-300, 300);
    const counted = Math.max(0, x.figures.expectedCash + off);
    const count = await t.must('shifts.count', { shiftId: x.shiftId, count: { amount: counted } });
    expect(count.expected).toBe(x.figures.expectedCash);
    expect(count.variance).toBe(counted - x.figures.expectedCash);
    const z = await t.must('shifts.close', { shiftId: x.shiftId, leftInDrawer: Math.min(counted, 200_000), varianceReason: count.needsApproval ? 'Counted twice' : undefined });
    expect(z.figures).toEqual(x.figures);
    expect(z.cash.expected).toBe(x.figures.expectedCash);
    expect(z.cash.variance).toBe(counted - x.figures.expectedCash);
    expect(z.intact).toBe(true);
    checkIdentities(z as unknown as XReport, tally);
  });
}

test('the X report reads only new sales, yet always equals the shift read from scratch: after a restart, and when a sale it had not seen lands below the last one it read', async () => {
  t = await makeSetUpCore();
  const latte = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Latte')!;
  const sell = async () => {
    await t.must('cart.addItem', { menuItemId: latte.id });
    return (await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 100_000 }] })).order;
  };
  await sell();
  const first = await t.must('shifts.xReport', {});
  expect(first.figures.ordersCount).toBe(1);
  const second = await sell();
  let x = await t.must('shifts.xReport', {});
  expect(x.figures.ordersCount).toBe(2);
  expect(x.lastOrderNumber).toBe(second.orderNumber);
  expect(x.figures).toEqual(await fromScratch(t, x));

  // A restart: the open shift is read once at start-up, and the figures are the same.
  t.reopen();
  await t.must('auth.loginPin', { username: 'olivia', pin: '482913' });
  expect((await t.must('shifts.xReport', {})).figures).toEqual(x.figures);

  // A sale of this shift stored at a lower rowid than the last one read (as a row copied in by
  // hand): the count of the shift's orders disagrees with what was kept, so everything is re-read.
  const db = t.core.sqlite;
  const copy = (table: string, where: string, set: Record<string, unknown>) => {
    const row = db.prepare(`select * from ${table} where ${where}`).get(second.id) as Record<string, unknown>;
    const values = { ...row, ...set };
    const cols = Object.keys(values);
    db.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => '@' + c).join(', ')})`).run(values);
  };
  db.transaction(() => {
    copy('orders', 'id = ?', { rowid: -7, id: 'copied-order', order_number: 'BC-T1-20261123-0999', client_request_id: 'copied', day_seq: 999 });
    db.prepare(`insert into order_items (id, order_id, menu_item_id, position, menu_item_name, unit_price, quantity, modifiers, note, line_subtotal, line_discount, line_tax, line_total)
                select 'copied-line', 'copied-order', menu_item_id, position, menu_item_name, unit_price, quantity, modifiers, note, line_subtotal, line_discount, line_tax, line_total
                from order_items where order_id = ?`).run(second.id);
    db.prepare(`insert into payments (id, order_id, method, amount, tendered, change_given, reference, created_at)
                select 'copied-pay', 'copied-order', method, amount, tendered, change_given, reference, created_at from payments where order_id = ?`).run(second.id);
  })();
  x = await t.must('shifts.xReport', {});
  expect(x.figures.ordersCount).toBe(3);
  expect(x.figures.gross).toBe(3 * second.subtotal);
  expect(x.figures).toEqual(await fromScratch(t, x));
});
