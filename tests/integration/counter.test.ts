import { afterEach, describe, expect, test } from 'vitest';
import type { MenuItemView } from '../../electron/shared/contract';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, makeSetUpCore, newRequestId, signInAs, STAFF_PIN, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

async function menu(t: TestCore) {
  const items = (await t.must('menu.list', {})).flatMap((c) => c.items);
  const item = (name: string) => items.find((i) => i.name === name)!;
  const option = (it: MenuItemView, name: string) => it.modifierGroups.flatMap((g) => g.options).find((o) => o.name === name)!.id;
  return { item, option };
}

const pay = (...payments: ({ method: 'cash'; tendered: number } | { method: 'card' | 'other'; amount: number; reference?: string })[]) => ({
  requestId: newRequestId(),
  payments,
});

describe('modifiers', () => {
  test('a large oat latte with an extra shot: options priced, defaults when none given, same combination stacks', async () => {
    t = await makeSetUpCore();
    const { item, option } = await menu(t);
    const latte = item('Latte');
    expect(latte.modifierGroups.map((g) => [g.name, g.minChoices, g.maxChoices])).toEqual([
      ['Size', 1, 1],
      ['Milk', 1, 1],
      ['Extras', 0, 3],
    ]);
    const large = [option(latte, 'Large'), option(latte, 'Oat'), option(latte, 'Extra shot')];
    let cart = await t.must('cart.addItem', { menuItemId: latte.id, optionIds: large });
    // 165 + 40 (large) + 30 (oat) + 40 (shot)
    expect(cart.lines[0]).toMatchObject({ unitPrice: 27500, quantity: 1, note: '' });
    expect(cart.lines[0]!.options.map((o) => o.name)).toEqual(['Large', 'Oat', 'Extra shot']);
    cart = await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [...large].reverse() });
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]!.quantity).toBe(2);
    cart = await t.must('cart.addItem', { menuItemId: latte.id }); // defaults: Small, Whole
    expect(cart.lines[1]).toMatchObject({ unitPrice: 16500 });
    expect(cart.lines[1]!.options.map((o) => o.name)).toEqual(['Small', 'Whole']);
    cart = await t.must('cart.addItem', { menuItemId: latte.id, note: 'extra hot' });
    expect(cart.lines).toHaveLength(3);
  });

  test('missing required choices, too many choices and foreign options are refused, writing nothing', async () => {
    t = await makeSetUpCore();
    const { item, option } = await menu(t);
    const latte = item('Latte');
    const before = dbFingerprint(t.core.sqlite);
    for (const optionIds of [
      [option(latte, 'Oat')], // no size
      [option(latte, 'Small'), option(latte, 'Large'), option(latte, 'Oat')], // two sizes
      [option(latte, 'Small'), option(latte, 'Whole'), 'no-such-option'],
    ]) {
      expect(await t.call('cart.addItem', { menuItemId: latte.id, optionIds })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    // Croissant has no milk
    expect(await t.call('cart.addItem', { menuItemId: item('Croissant').id, optionIds: [option(latte, 'Oat')] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('the order keeps the options, note and price paid as a snapshot', async () => {
    t = await makeSetUpCore();
    const { item, option } = await menu(t);
    const latte = item('Latte');
    await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [option(latte, 'Large'), option(latte, 'Oat'), option(latte, 'Extra shot')], note: 'extra hot' });
    await t.must('cart.addItem', { menuItemId: item('Croissant').id, quantity: 2 });
    await t.must('cart.setDetails', { contactName: 'Ana', specialInstructions: 'For here' });
    const { order } = await t.must('orders.checkout', pay({ method: 'cash', tendered: 50000 }));
    t.core.sqlite.prepare(`update modifier_options set price_delta = 9999 where name = 'Oat'`).run();
    const detail = await t.must('orders.get', { orderId: order.id });
    expect(detail.lines[0]).toMatchObject({ name: 'Latte', unitPrice: 27500, note: 'extra hot', lineTotal: 27500 });
    expect(detail.lines[0]!.modifiers).toEqual([
      { group: 'Size', name: 'Large', priceDelta: 4000 },
      { group: 'Milk', name: 'Oat', priceDelta: 3000 },
      { group: 'Extras', name: 'Extra shot', priceDelta: 4000 },
    ]);
    expect(detail).toMatchObject({ subtotal: 46500, total: 46500, contactName: 'Ana', specialInstructions: 'For here' });
  });

  test('a barcode scan adds the item with its default options; an unknown code says so', async () => {
    t = await makeSetUpCore();
    const { item } = await menu(t);
    expect(item('Croissant').sku).toMatch(/^\d{13}$/);
    const cart = await t.must('cart.addBySku', { sku: item('Americano').sku! });
    expect(cart.lines[0]).toMatchObject({ name: 'Americano', unitPrice: 13000 });
    expect(await t.call('cart.addBySku', { sku: '0000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No item has the code 0000000000000 — check the code or search by name' },
    });
  });

  test('changing a note to match another line merges the two', async () => {
    t = await makeSetUpCore();
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Croissant').id, note: 'warm' });
    const cart = await t.must('cart.addItem', { menuItemId: item('Croissant').id });
    const merged = await t.must('cart.setLineNote', { lineId: cart.lines[1]!.id, note: 'warm' });
    expect(merged.lines).toHaveLength(1);
    expect(merged.lines[0]).toMatchObject({ quantity: 2, note: 'warm' });
  });
});

describe('discounts', () => {
  test('a line discount and an order discount together: exact to the centavo, never below zero', async () => {
    t = await makeSetUpCore();
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Latte').id }); // 165.00
    const cart = await t.must('cart.addItem', { menuItemId: item('Croissant').id, quantity: 2 }); // 190.00
    await t.must('cart.setLineDiscount', { lineId: cart.lines[1]!.id, discount: { kind: 'amount', value: 1000 }, reason: 'Day-old' });
    const after = await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 500 } });
    // lines: 165.00 and 190.00 − 10.00 = 180.00; order 5% of 345.00 = 17.25
    expect(after.totals).toMatchObject({ subtotal: 35500, discountTotal: 1000 + 1725, total: 35500 - 2725 });
    expect(after.lines[1]).toMatchObject({ lineDiscount: 1000, discount: { kind: 'amount', value: 1000, reason: 'Day-old' } });
    const { order } = await t.must('orders.checkout', pay({ method: 'cash', tendered: 40000 }));
    expect(order.discountTotal).toBe(2725);
    expect(order.lines.reduce((a, l) => a + l.lineDiscount, 0)).toBe(2725);
    expect(order.lines.reduce((a, l) => a + l.lineTotal, 0)).toBe(order.total);
  });

  test('a barista’s line discount over the limit needs a manager too', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    const bea = await signInAs(t, 'bea');
    const { item } = await menu(t);
    const cart = await t.must('cart.addItem', { menuItemId: item('Mocha').id }, bea);
    const half = { lineId: cart.lines[0]!.id, discount: { kind: 'percent' as const, value: 5000 } };
    const halfOff = { scope: 'line' as const, lineId: half.lineId, ...half.discount };
    expect(await t.call('cart.setLineDiscount', half, bea)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { approvalId } = await t.must('override.approve', { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit', params: halfOff }, bea);
    expect((await t.must('cart.setLineDiscount', { ...half, approvalId }, bea)).lines[0]).toMatchObject({ lineDiscount: 9000, discount: { approvedBy: 'Max T.' } });
  });
});

describe('split tender', () => {
  test('cash + card: card pays exactly, cash covers the rest and gives the change', async () => {
    t = await makeSetUpCore();
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Latte').id, quantity: 2 }); // 330.00
    const { order, change } = await t.must('orders.checkout', pay({ method: 'card', amount: 20000, reference: 'AUTH 123456' }, { method: 'cash', tendered: 20000 }));
    expect(change).toBe(7000);
    expect(order.payments).toEqual([
      { method: 'card', amount: 20000, tendered: 20000, change: 0, reference: 'AUTH 123456' },
      { method: 'cash', amount: 13000, tendered: 20000, change: 7000, reference: '' },
    ]);
    expect(order.payments.reduce((a, p) => a + p.amount, 0)).toBe(order.total);
  });

  test('card + e-wallet with no cash must add up exactly; only cash may be over', async () => {
    t = await makeSetUpCore();
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Latte').id }); // 165.00
    const before = dbFingerprint(t.core.sqlite);
    for (const [payments, message] of [
      [[{ method: 'card', amount: 10000 }], /Not fully paid yet: ₱65\.00 still to pay/],
      [[{ method: 'card', amount: 20000 }], /only cash can be over/],
      [[{ method: 'card', amount: 16500 }, { method: 'cash', tendered: 100 }], /Nothing is left to pay in cash/],
      [[{ method: 'cash', tendered: 10000 }, { method: 'cash', tendered: 10000 }], /one payment/],
    ] as const) {
      const r = await t.call('orders.checkout', { requestId: newRequestId(), payments: [...payments] } as never);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message } });
    }
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
    const { order } = await t.must('orders.checkout', pay({ method: 'card', amount: 10000 }, { method: 'other', amount: 6500, reference: 'GCash 0917' }));
    expect(order.payments.map((p) => [p.method, p.amount, p.change])).toEqual([
      ['card', 10000, 0],
      ['other', 6500, 0],
    ]);
  });
});

describe('parked tickets', () => {
  test('park with a name, start a new order, resume later — also after a restart and by a colleague', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Latte').id });
    await t.must('cart.setDetails', { contactName: 'Ana' });
    expect((await t.must('cart.park', { name: 'Ana' })).lines).toEqual([]);
    await t.must('cart.addItem', { menuItemId: item('Mocha').id });
    await t.must('cart.park', { name: 'Table 4' });
    t.reopen();
    const bea = await signInAs(t, 'bea');
    const parked = await t.must('cart.parked', {}, bea);
    expect(parked.map((p) => [p.name, p.itemCount, p.total, p.parkedBy])).toEqual([
      ['Ana', 1, 16500, 'Olivia R.'],
      ['Table 4', 1, 18000, 'Olivia R.'],
    ]);
    await t.must('cart.addItem', { menuItemId: item('Croissant').id }, bea);
    expect(await t.call('cart.resume', { cartId: parked[0]!.id }, bea)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.must('cart.clear', {}, bea);
    const resumed = await t.must('cart.resume', { cartId: parked[0]!.id }, bea);
    expect(resumed).toMatchObject({ contactName: 'Ana', itemCount: 1 });
    expect((await t.must('cart.parked', {}, bea)).map((p) => p.name)).toEqual(['Table 4']);
    expect(await t.call('cart.park', { name: 'Empty' }, 'window-x')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('bar queue', () => {
  test('paid orders move pending → preparing → ready → completed, each step recorded; a double tap is refused', async () => {
    t = await makeSetUpCore();
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Latte').id, note: 'extra hot' });
    await t.must('cart.setDetails', { contactName: 'Ana' });
    const { order } = await t.must('orders.checkout', pay({ method: 'cash', tendered: 20000 }));
    const [queued] = await t.must('orders.queue', {});
    expect(queued).toMatchObject({ id: order.id, status: 'pending', contactName: 'Ana', shortNumber: '#001' });
    expect(queued!.lines).toEqual([{ name: 'Latte', quantity: 1, modifiers: ['Small', 'Whole'], note: 'extra hot' }]);
    for (const [from, to] of [['pending', 'preparing'], ['preparing', 'ready'], ['ready', 'completed']] as const) {
      t.clock.advance(60_000);
      expect((await t.must('orders.advance', { orderId: order.id, from })).status).toBe(to);
    }
    expect(await t.call('orders.advance', { orderId: order.id, from: 'ready' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.must('orders.queue', {})).toEqual([]);
    const detail = await t.must('orders.get', { orderId: order.id });
    expect(detail.statusHistory.map((s) => s.status)).toEqual(['pending', 'preparing', 'ready', 'completed']);
    expect(detail.statusHistory[1]!.by).toBe('Olivia R.');
  });

  test('cancelling a paid order: a manager may; a barista only with a manager’s approval; both are recorded', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'barista', 'bea');
    await addStaff(t, 'manager', 'max');
    const bea = await signInAs(t, 'bea');
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Latte').id }, bea);
    const { order } = await t.must('orders.checkout', pay({ method: 'cash', tendered: 20000 }), bea);
    expect(await t.call('orders.cancel', { orderId: order.id, reason: 'Wrong drink' }, bea)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const discountApproval = await t.must('override.approve', { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit', params: { scope: 'order', kind: 'percent', value: 1000 } }, bea);
    expect(await t.call('orders.cancel', { orderId: order.id, reason: 'Wrong drink', approvalId: discountApproval.approvalId }, bea)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    }); // an approval for something else does not count
    const { approvalId } = await t.must('override.approve', { username: 'max', pin: STAFF_PIN, action: 'order.cancelPaid', params: { orderId: order.id } }, bea);
    const cancelled = await t.must('orders.cancel', { orderId: order.id, reason: 'Wrong drink', approvalId }, bea);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.statusHistory.at(-1)).toMatchObject({ status: 'cancelled', reason: 'Wrong drink', by: 'Bea T.' });
    const audit = t.core.sqlite.prepare(`select a.reason, u.username approver from audit_events a join users u on u.id = a.approver_user_id where action = 'order.cancel'`).get();
    expect(audit).toEqual({ reason: 'Wrong drink', approver: 'max' });
    expect(await t.call('orders.cancel', { orderId: order.id, reason: 'Again' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('receipts', () => {
  test('the receipt shows every line with options and notes, totals, payments, change and the footer; printing follows Settings', async () => {
    t = await makeSetUpCore();
    const { item, option } = await menu(t);
    const latte = item('Latte');
    await t.must('cart.addItem', { menuItemId: latte.id, optionIds: [option(latte, 'Large'), option(latte, 'Oat'), option(latte, 'Extra shot')], note: 'extra hot' });
    await t.must('cart.addItem', { menuItemId: item('Croissant').id, quantity: 2 });
    await t.must('cart.setDetails', { contactName: 'Ana <script>' });
    const { order } = await t.must('orders.checkout', pay({ method: 'card', amount: 30000, reference: 'AUTH 9' }, { method: 'cash', tendered: 20000 }));
    const receipt = await t.must('receipts.get', { orderId: order.id });
    expect(receipt).toMatchObject({ shopName: 'Brews & Chews', shortNumber: '#001', total: 46500, change: 3500, footer: 'Thank you! Come again.' });
    await t.must('settings.updateShop', {
      name: 'Brews & Chews',
      taxRatePercent: '12',
      pricesIncludeTax: true,
      businessDayStart: '04:00',
      receiptFooter: 'Salamat po!',
      silentPrint: true,
      printerName: 'EPSON TM-T82',
    });
    expect(await t.must('receipts.print', { orderId: order.id })).toEqual({ printer: 'EPSON TM-T82' });
    const [job] = t.printer.jobs;
    expect(job).toMatchObject({ silent: true, deviceName: 'EPSON TM-T82' });
    for (const text of ['Brews &amp; Chews', '#001', order.orderNumber, '1 × Latte', 'Large · Oat · Extra shot', '“extra hot”', '2 × Croissant', '₱465.00', 'Card (AUTH 9)', '₱300.00', 'Change', '₱35.00', 'Salamat po!', 'Ana &lt;script&gt;', 'Tax (12%, included)']) {
      expect(job!.html, text).toContain(text);
    }
    expect(job!.html).not.toContain('<script>');
    expect(await t.must('receipts.savePdf', { orderId: order.id })).toEqual({ saved: true, path: `/tmp/receipt-${order.orderNumber}.pdf` });
  });

  test('without the desktop app there is no printer, and the answer says so', async () => {
    t = await makeSetUpCore();
    const { createCore } = await import('../../electron/core/createCore');
    const { FileKeyProvider } = await import('../../electron/core/keys');
    const path = await import('node:path');
    t.core.close();
    const bare = createCore({ dbPath: t.dbPath, trustedOrigins: ['https://brewline.test'], keys: new FileKeyProvider(path.join(t.dir, 'brewline.keys'), {}), logger: { info() {}, error() {} } });
    const ctx = { senderId: 'w', frameUrl: 'https://brewline.test/', isMainFrame: true };
    await bare.call(ctx, 'auth.loginPin', { username: 'olivia', pin: '482913' });
    expect(await bare.call(ctx, 'receipts.printers', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Printing is available in the desktop app' } });
    bare.close();
    t.reopen();
  });
});

describe('shop settings', () => {
  test('tax rate and business day start come from Settings; old orders keep their tax', async () => {
    t = await makeSetUpCore();
    const { item } = await menu(t);
    await t.must('cart.addItem', { menuItemId: item('Latte').id });
    const first = (await t.must('orders.checkout', pay({ method: 'cash', tendered: 20000 }))).order;
    const view = await t.must('settings.updateShop', {
      name: 'Brews & Chews',
      taxRatePercent: '10',
      pricesIncludeTax: false,
      businessDayStart: '06:00',
      receiptFooter: '',
      silentPrint: false,
      printerName: '',
    });
    expect(view.shop).toMatchObject({ taxRateBp: 1000, pricesIncludeTax: false, businessDayStart: '06:00' });
    await t.must('cart.addItem', { menuItemId: item('Latte').id });
    const second = (await t.must('orders.checkout', pay({ method: 'cash', tendered: 20000 }))).order;
    expect(second).toMatchObject({ taxRateBp: 1000, taxTotal: 1650, total: 18150 });
    expect(await t.must('orders.get', { orderId: first.id })).toMatchObject({ taxRateBp: 1200, taxTotal: 1768, total: 16500 });
    // 09:30 Manila is after 06:00, so still the same business day; at 05:30 next morning it is not yet the next day
    t.clock.current = Date.UTC(2026, 10, 23, 21, 30); // 05:30 Nov 24 in Manila
    await t.must('auth.loginPin', { username: 'olivia', pin: '482913' });
    await t.must('cart.addItem', { menuItemId: item('Latte').id });
    expect((await t.must('orders.checkout', pay({ method: 'cash', tendered: 20000 }))).order.businessDay).toBe('2026-11-23');
    expect(t.core.sqlite.prepare(`select count(*) from audit_events where action = 'settings.shop.update'`).pluck().get()).toBe(1);
  });
});
