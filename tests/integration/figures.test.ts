import { afterEach, expect, test } from 'vitest';
import { makeSetUpCore, newRequestId, OWNER, type TestCore } from '../support/testCore';
import { computeFigures, TENDER_METHODS } from '../../electron/reports/figures';
import { SalesRecords } from '../../electron/reports/salesRecords';

let t: TestCore;
afterEach(() => t?.close());

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

for (const pricesIncludeTax of [true, false]) {
  test(`figures of a real day (prices ${pricesIncludeTax ? 'include' : 'exclude'} tax) equal the sums of the orders they cover`, async () => {
    t = await makeSetUpCore({ taxRatePercent: '12', pricesIncludeTax });
    const menu = (await t.must('menu.list', {})).flatMap((c) => c.items.map((i) => ({ ...i, category: c.name })));
    const item = (name: string) => menu.find((i) => i.name === name)!;

    // 1. cash with change
    await t.must('cart.addItem', { menuItemId: item('Latte').id, quantity: 2 });
    await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 100_000 }] });
    // 2. line + order discount, split card / cash with change
    let cart = await t.must('cart.addItem', { menuItemId: item('Americano').id });
    cart = await t.must('cart.addItem', { menuItemId: item('Croissant').id, quantity: 3 });
    await t.must('cart.setLineDiscount', { lineId: cart.lines[1]!.id, discount: { kind: 'amount', value: 500 }, reason: 'Day old' });
    await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 300 }, reason: 'Regular' });
    const due = (await t.must('cart.get', {})).totals.total;
    const split = await t.must('orders.checkout', {
      requestId: newRequestId(),
      payments: [
        { method: 'card', amount: 20_000, reference: 'AUTH-1' },
        { method: 'cash', tendered: due - 20_000 + 700 },
      ],
    });
    expect(split.change).toBe(700);
    // 3. other tender
    await t.must('cart.addItem', { menuItemId: item('Ensaymada').id });
    const other = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'other', amount: (await t.must('cart.get', {})).totals.total, reference: 'GCash' }] });
    // 4. cancelled by the owner
    await t.must('cart.addItem', { menuItemId: item('Mocha').id });
    const gone = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 100_000 }] });
    expect((await t.must('orders.cancel', { orderId: gone.order.id, reason: 'Wrong drink' })).status).toBe('cancelled');
    // 5. next business day (05:30 the next morning, past the 04:00 start)
    t.clock.advance(20 * 3600_000);
    await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }); // the idle lock signed her out
    await t.must('cart.addItem', { menuItemId: item('Latte').id });
    const tomorrow = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 100_000 }] });
    const day = split.order.orderNumber.split('-')[2]!.replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    expect(tomorrow.order.orderNumber).not.toContain(day.replaceAll('-', ''));

    const { sales, refunds } = new SalesRecords(t.core.sqlite).readDays(day);
    expect(sales).toHaveLength(4);
    expect(sales.find((r) => r.orderId === gone.order.id)?.status).toBe('cancelled');
    // The cancel is "refund everything + cancel": its refund counts on the day it was issued.
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ orderId: gone.order.id, kind: 'cancel', tenders: [{ method: 'cash', amount: gone.order.total }] });
    const f = computeFigures({ sales, refunds, openingFloat: 200_000 });

    const stored = t.core.sqlite
      .prepare(`select id, subtotal, discount_total, tax_total, total from orders where business_day = ?`)
      .all(day) as { id: string; subtotal: number; discount_total: number; tax_total: number; total: number }[];
    const pays = t.core.sqlite
      .prepare(`select p.method, sum(p.amount) amount from payments p join orders o on o.id = p.order_id where o.business_day = ? group by p.method`)
      .all(day) as { method: 'cash' | 'card' | 'other'; amount: number }[];
    const backToday = t.core.sqlite.prepare(`select coalesce(sum(amount), 0) from refunds where business_day = ?`).pluck().get(day) as number;
    expect(backToday).toBe(gone.order.total);
    expect(stored).toHaveLength(4);
    expect(f.ordersCount).toBe(4);
    expect(f.refundsCount).toBe(1);
    expect(f.cancellations).toBe(1);
    expect(f.gross).toBe(sum(stored.map((o) => o.subtotal)));
    expect(f.discounts).toBe(sum(stored.map((o) => o.discount_total)));
    expect(f.discounts).toBeGreaterThan(0);
    // The cancelled Mocha's sale and refund cancel out in every figure.
    const mochaNet = gone.order.subtotal - gone.order.discountTotal;
    expect(f.refunds).toBe(mochaNet);
    expect(f.tax).toBe(sum(stored.map((o) => o.tax_total)) - gone.order.taxTotal);
    expect(f.collected).toBe(sum(stored.map((o) => o.total)) - backToday);
    expect(f.net).toBe(f.gross - f.discounts - f.refunds);
    expect(f.collected).toBe(f.net + (pricesIncludeTax ? 0 : f.tax));
    for (const m of TENDER_METHODS) expect(f.tenders[m].sales).toBe(pays.find((p) => p.method === m)?.amount ?? 0);
    expect(f.tenders.cash.refunded).toBe(gone.order.total);
    expect(f.tenders.other.collected).toBe(other.order.total);
    expect(f.expectedCash).toBe(200_000 + f.tenders.cash.sales - f.tenders.cash.refunded);
    expect(sum(f.byCategory.map((c) => c.net))).toBe(f.net);
    expect(f.byCategory.map((c) => c.name).sort()).toEqual([...new Set(['Latte', 'Americano', 'Croissant', 'Ensaymada'].map((n) => item(n).category))].sort());
    expect(f.byStaff).toEqual([{ name: 'Olivia R.', net: f.net }]);
    expect(f.inconsistentOrders).toEqual([]);

    // The next day reads alone; a range reads both.
    const next = computeFigures({ sales: new SalesRecords(t.core.sqlite).read(tomorrow.order.orderNumber.split('-')[2]!.replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')) });
    expect(next).toMatchObject({ ordersCount: 1, collected: tomorrow.order.total });
    const both = computeFigures(new SalesRecords(t.core.sqlite).readDays(day, '9999-12-31'));
    expect(both.collected).toBe(f.collected + tomorrow.order.total);
  });
}
