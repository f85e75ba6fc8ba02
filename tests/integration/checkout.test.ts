import { afterEach, expect, test } from 'vitest';
import { makeSetUpCore, newRequestId, type TestCore } from '../support/testCore';
import { dbFingerprint } from '../support/snapshot';

let t: TestCore;
afterEach(() => t?.close());

async function itemId(t: TestCore, name: string): Promise<string> {
  const item = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === name);
  if (!item) throw new Error(`no ${name} on the menu`);
  return item.id;
}

const cash = (tendered: number, requestId = newRequestId()) => ({ requestId, payments: [{ method: 'cash' as const, tendered }] });

test('cart: adding the same item raises its quantity; quantities can be set and lines removed', async () => {
  t = await makeSetUpCore();
  const latte = await itemId(t, 'Latte');
  const croissant = await itemId(t, 'Croissant');
  await t.must('cart.addItem', { menuItemId: latte });
  await t.must('cart.addItem', { menuItemId: latte });
  let cart = await t.must('cart.addItem', { menuItemId: croissant, quantity: 3 });
  expect(cart.lines.map((l) => [l.name, l.quantity, l.lineTotal])).toEqual([
    ['Latte', 2, 33000],
    ['Croissant', 3, 28500],
  ]);
  expect(cart.itemCount).toBe(5);
  cart = await t.must('cart.setQuantity', { lineId: cart.lines[1]!.id, quantity: 1 });
  expect(cart.totals.subtotal).toBe(33000 + 9500);
  cart = await t.must('cart.removeLine', { lineId: cart.lines[0]!.id });
  expect(cart.lines.map((l) => l.name)).toEqual(['Croissant']);
  cart = await t.must('cart.clear', {});
  expect(cart).toMatchObject({ lines: [], itemCount: 0, totals: { total: 0 } });
});

test('cart: sold-out and unknown items are refused; another person’s line cannot be touched', async () => {
  t = await makeSetUpCore();
  const mocha = await itemId(t, 'Mocha');
  t.core.sqlite.prepare(`update menu_items set is_available = 0 where id = ?`).run(mocha);
  expect(await t.call('cart.addItem', { menuItemId: mocha })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: 'Mocha is sold out right now' },
  });
  expect(await t.call('cart.addItem', { menuItemId: 'no-such-item' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await t.call('cart.setQuantity', { lineId: 'not-mine', quantity: 2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(t.count('cart_items')).toBe(0);
});

test('checkout, prices include tax: totals, change, snapshots, cleared cart, audit event — in one go', async () => {
  t = await makeSetUpCore({ taxRatePercent: '12', pricesIncludeTax: true });
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte') }); // 165.00
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Croissant'), quantity: 2 }); // 2 × 95.00
  const { order, change, replayed } = await t.must('orders.checkout', cash(50000));
  expect(replayed).toBe(false);
  // 355.00 incl. 12% VAT: 35500 × 12/112 = 3803.57 → 3804 (half-up)
  expect(order).toMatchObject({ subtotal: 35500, taxTotal: 3804, total: 35500, itemCount: 3, status: 'pending' });
  expect(change).toBe(14500);
  expect(order.orderNumber).toBe('BC-T1-20261123-0001');
  expect(order.shortNumber).toBe('#001');
  expect(order.lines.map((l) => [l.name, l.unitPrice, l.quantity, l.lineTotal])).toEqual([
    ['Latte', 16500, 1, 16500],
    ['Croissant', 9500, 2, 19000],
  ]);
  expect(order.lines.reduce((s, l) => s + l.lineTax, 0)).toBe(order.taxTotal);
  expect(order.payments).toEqual([{ method: 'cash', amount: 35500, tendered: 50000, change: 14500, reference: '' }]);
  expect((await t.must('cart.get', {})).lines).toEqual([]);
  expect(t.count('carts')).toBe(0);
  const audit = t.core.sqlite.prepare(`select action, entity_id, actor_user_id from audit_events where action = 'order.checkout'`).get();
  expect(audit).toMatchObject({ entity_id: order.id });
  expect(t.core.services.audit.verify()).toBeNull();
});

test('checkout, prices exclude tax: tax is added on top, rounded half-up once per order', async () => {
  t = await makeSetUpCore({ taxRatePercent: '7.5', pricesIncludeTax: false });
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Americano') }); // 130.00
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Ensaymada') }); // 75.00
  const { order, change } = await t.must('orders.checkout', cash(30000));
  // 20500 × 7.5% = 1537.5 → 1538
  expect(order).toMatchObject({ subtotal: 20500, taxTotal: 1538, total: 22038, taxRateBp: 750, pricesIncludeTax: false });
  expect(order.lines.map((l) => l.lineTotal).reduce((a, b) => a + b, 0)).toBe(22038);
  expect(change).toBe(30000 - 22038);
});

test('checkout is idempotent on the request id: a retry returns the same order and writes nothing', async () => {
  t = await makeSetUpCore();
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte') });
  const input = cash(20000);
  const [a, b] = await Promise.all([t.must('orders.checkout', input), t.must('orders.checkout', input)]);
  const before = dbFingerprint(t.core.sqlite);
  const c = await t.must('orders.checkout', input);
  expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  expect(new Set([a.order.id, b.order.id, c.order.id]).size).toBe(1);
  expect([a.replayed, b.replayed, c.replayed].filter(Boolean)).toHaveLength(2);
  expect(c.change).toBe(3500);
  expect(t.count('orders')).toBe(1);
  expect(t.count('payments')).toBe(1);
});

test('not enough cash: VALIDATION with a field message, and nothing is written', async () => {
  t = await makeSetUpCore();
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Mocha') });
  const before = dbFingerprint(t.core.sqlite);
  const r = await t.call('orders.checkout', cash(10000));
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { payments: 'Not enough cash: ₱80.00 still to pay' } } });
  expect(dbFingerprint(t.core.sqlite)).toEqual(before);
});

test('an empty cart cannot be charged; an item that went off sale blocks checkout until removed', async () => {
  t = await makeSetUpCore();
  expect(await t.call('orders.checkout', cash(10000))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const latte = await itemId(t, 'Latte');
  await t.must('cart.addItem', { menuItemId: latte });
  t.core.sqlite.prepare(`update menu_items set is_available = 0 where id = ?`).run(latte);
  expect(await t.call('orders.checkout', cash(100000))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(t.count('orders')).toBe(0);
});

test('a failure in the middle of checkout rolls everything back', async () => {
  t = await makeSetUpCore();
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte') });
  // Make the payment insert fail after the order and its lines were written.
  t.core.sqlite.exec(`create trigger fail_payment before insert on payments begin select raise(abort, 'disk on fire'); end`);
  const before = dbFingerprint(t.core.sqlite);
  const r = await t.call('orders.checkout', cash(20000));
  expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  if (!r.ok) expect(r.error.message).not.toMatch(/disk on fire|payments|insert/i); // no SQL crosses to the renderer
  expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  expect((await t.must('cart.get', {})).itemCount).toBe(1);
});

test('order numbers count per business day, which starts at 04:00 shop time', async () => {
  t = await makeSetUpCore();
  const latte = await itemId(t, 'Latte');
  const sell = async () => {
    // hours pass between these sales, so the till has idle-locked (or the 12-hour sign-in ended): sign back in first
    const session = await t.must('auth.session', {});
    if (!session || session.locked) await t.must('auth.loginPin', { username: 'olivia', pin: '482913' });
    await t.must('cart.addItem', { menuItemId: latte });
    return (await t.must('orders.checkout', cash(20000))).order;
  };
  t.clock.current = Date.UTC(2026, 10, 23, 14, 0); // 22:00 Manila, Nov 23
  expect((await sell()).orderNumber).toBe('BC-T1-20261123-0001');
  t.clock.current = Date.UTC(2026, 10, 23, 19, 30); // 03:30 Nov 24 — still the 23rd's business day
  const late = await sell();
  expect(late.orderNumber).toBe('BC-T1-20261123-0002');
  expect(late.businessDay).toBe('2026-11-23');
  t.clock.current = Date.UTC(2026, 10, 23, 20, 5); // 04:05 Nov 24 — a new day
  expect((await sell()).orderNumber).toBe('BC-T1-20261124-0001');
});

test('order history pages walk every older order exactly once: ties in the same millisecond, and sales arriving while paging', async () => {
  t = await makeSetUpCore();
  const latte = await itemId(t, 'Latte');
  const sell = async () => {
    await t.must('cart.addItem', { menuItemId: latte });
    return (await t.must('orders.checkout', cash(20000))).order.id;
  };
  const older: string[] = [];
  for (let i = 0; i < 23; i++) {
    older.push(await sell());
    if (i % 4 === 3) t.clock.advance(1); // groups of four share a millisecond
  }
  const seen: string[] = [];
  let page = await t.must('orders.list', { limit: 5 });
  seen.push(...page.orders.map((o) => o.id));
  while (page.nextCursor) {
    await sell(); // a new sale lands above the cursor: it must not shift what comes next
    page = await t.must('orders.list', { limit: 5, before: page.nextCursor });
    seen.push(...page.orders.map((o) => o.id));
  }
  expect(seen).toEqual([...older].reverse());
});

test('order history: newest first, paged by cursor; the detail keeps the price paid after a price change', async () => {
  t = await makeSetUpCore();
  const latte = await itemId(t, 'Latte');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    await t.must('cart.addItem', { menuItemId: latte });
    ids.push((await t.must('orders.checkout', cash(20000))).order.id);
    t.clock.advance(60_000);
  }
  t.core.sqlite.prepare(`update menu_items set base_price = 99900, name = 'Latte (new)' where id = ?`).run(latte);
  const first = await t.must('orders.list', { limit: 2 });
  expect(first.orders.map((o) => o.id)).toEqual([ids[4], ids[3]]);
  const second = await t.must('orders.list', { limit: 2, before: first.nextCursor! });
  expect(second.orders.map((o) => o.id)).toEqual([ids[2], ids[1]]);
  const third = await t.must('orders.list', { limit: 2, before: second.nextCursor! });
  expect(third.orders.map((o) => o.id)).toEqual([ids[0]]);
  expect(third.nextCursor).toBeNull();
  const detail = await t.must('orders.get', { orderId: ids[0]! });
  expect(detail.lines[0]).toMatchObject({ name: 'Latte', unitPrice: 16500 });
  expect(detail).toMatchObject({ staffName: 'Olivia R.', total: 16500 });
  expect(await t.call('orders.get', { orderId: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await t.call('orders.list', { before: 'garbage' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

test('carts survive a restart of the app', async () => {
  t = await makeSetUpCore();
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte') });
  t.reopen();
  await t.must('auth.loginPin', { username: 'olivia', pin: '482913' });
  expect((await t.must('cart.get', {})).lines.map((l) => l.name)).toEqual(['Latte']);
});

// ---------- issue 7: zero totals (16), request id case (17), tender cap (19), line notes (11) ----------

/** Everything but auth_events, where refused calls are recorded as security events. */
function businessFingerprint(t: TestCore) {
  const { auth_events: _refusalsAreLogged, ...rest } = dbFingerprint(t.core.sqlite);
  return rest;
}

test('a free item completes with no tender; any tender on a zero total is refused with a clear message', async () => {
  t = await makeSetUpCore();
  const latte = await itemId(t, 'Latte');
  await t.must('menu.updateItem', { menuItemId: latte, price: 0 });
  await t.must('cart.addItem', { menuItemId: latte });
  const before = businessFingerprint(t);
  for (const payments of [[{ method: 'cash', tendered: 100 }], [{ method: 'card', amount: 1 }]] as const) {
    expect(await t.call('orders.checkout', { requestId: newRequestId(), payments: [...payments] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'This order comes to nothing: complete it without taking a payment (total ₱0.00)' },
    });
  }
  expect(businessFingerprint(t)).toEqual(before);
  const { order, change } = await t.must('orders.checkout', { requestId: newRequestId(), payments: [] });
  expect(order).toMatchObject({ total: 0, taxTotal: 0, status: 'pending', payments: [] });
  expect(change).toBe(0);
  expect(t.count('payments')).toBe(0);
  expect((await t.must('receipts.get', { orderId: order.id })).total).toBe(0);
});

test('a 100% discount a manager approved completes with no tender; no tender on a sale that costs something is refused', async () => {
  t = await makeSetUpCore(); // the owner may discount over the limit
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte') });
  expect(await t.call('orders.checkout', { requestId: newRequestId(), payments: [] })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { payments: 'Not fully paid yet: ₱165.00 still to pay' } },
  });
  await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 10_000 }, reason: 'Birthday' });
  const { order } = await t.must('orders.checkout', { requestId: newRequestId(), payments: [] });
  expect(order).toMatchObject({ subtotal: 16500, discountTotal: 16500, total: 0, payments: [] });
});

test('request ids differing only in case are one request: one order', async () => {
  t = await makeSetUpCore();
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte') });
  const id = 'ABCDEF01-2345-4678-89AB-CDEF01234567';
  const first = await t.must('orders.checkout', cash(20000, id));
  const again = await t.must('orders.checkout', cash(20000, id.toLowerCase()));
  expect(first.replayed).toBe(false);
  expect(again).toMatchObject({ replayed: true, order: { id: first.order.id }, change: 3500 });
  expect(t.count('orders')).toBe(1);
  expect(t.core.sqlite.prepare(`select client_request_id from orders`).pluck().get()).toBe(id.toLowerCase());
});

test('₱1,000,000 tendered on a ₱260 sale is refused with the maximum stated; the largest note over is accepted', async () => {
  t = await makeSetUpCore();
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte') }); // 165.00
  await t.must('cart.addItem', { menuItemId: await itemId(t, 'Croissant') }); // 95.00
  const before = businessFingerprint(t);
  const message = 'Check the cash: ₱1,000,000.00 is more than this sale can take (at most ₱1,260.00)';
  expect(await t.call('orders.checkout', cash(100_000_000))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message, fields: { payments: message } } });
  expect(businessFingerprint(t)).toEqual(before);
  expect((await t.must('orders.checkout', cash(126_000))).change).toBe(100_000);
});

test('a line note with a lone surrogate never deletes the line (the "twin" is not the line itself)', async () => {
  t = await makeSetUpCore();
  const cart = await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte'), quantity: 2 });
  const lineId = cart.lines[0]!.id;
  const userId = t.core.services.sessions.get('window-1')!.userId;
  // Straight to the service: the contract refuses such text, but the cart must not depend on that.
  for (let i = 0; i < 3; i++) t.core.services.cart.setLineNote(userId, lineId, '\ud800');
  expect((await t.must('cart.get', {})).lines).toMatchObject([{ id: lineId, quantity: 2 }]);
  // and through the router, whatever the contract answers, the line stays
  await t.call('cart.setLineNote', { lineId, note: 'hot\ud800' });
  await t.call('cart.setLineNote', { lineId, note: 'hot\ud800' });
  expect((await t.must('cart.get', {})).lines).toMatchObject([{ id: lineId, quantity: 2 }]);
});

test('setting the same ordinary note again keeps the line as it is', async () => {
  t = await makeSetUpCore();
  const cart = await t.must('cart.addItem', { menuItemId: await itemId(t, 'Latte'), quantity: 2 });
  const lineId = cart.lines[0]!.id;
  for (let i = 0; i < 3; i++) await t.must('cart.setLineNote', { lineId, note: 'extra hot' });
  expect((await t.must('cart.get', {})).lines).toMatchObject([{ id: lineId, quantity: 2, note: 'extra hot' }]);
});

test('checkout answers with the order exactly as history reads it back (built from the rows it wrote, not re-read after the commit)', async () => {
  t = await makeSetUpCore({ pricesIncludeTax: false });
  const menu = (await t.must('menu.list', {})).flatMap((c) => c.items);
  const latte = menu.find((i) => i.name === 'Latte')!;
  const options = latte.modifierGroups.flatMap((g) => g.options);
  const large = [options.find((o) => o.name === 'Large')!.id, options.find((o) => o.name === 'Oat')!.id];
  let cart = await t.must('cart.addItem', { menuItemId: latte.id, optionIds: large, note: 'extra hot', quantity: 2 });
  cart = await t.must('cart.addItem', { menuItemId: await itemId(t, 'Croissant'), quantity: 3 });
  await t.must('cart.setLineDiscount', { lineId: cart.lines[1]!.id, discount: { kind: 'amount', value: 500 }, reason: 'Day old' });
  await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 300 }, reason: 'Regular' });
  await t.must('cart.setDetails', { contactName: 'Ana', contactPhone: '0917 000 0000', specialInstructions: 'Less ice' });
  const due = (await t.must('cart.get', {})).totals.total;
  const split = await t.must('orders.checkout', {
    requestId: newRequestId(),
    payments: [
      { method: 'card', amount: 20000, reference: 'AUTH-77' },
      { method: 'cash', tendered: due - 20000 + 500 },
    ],
  });
  expect(split.replayed).toBe(false);
  expect(split.change).toBe(500);
  expect(split.order).toEqual(t.core.services.history.detail(split.order.id));
  expect(split.order).toEqual(await t.must('orders.get', { orderId: split.order.id }));
  expect(split.order.payments.map((p) => p.method)).toEqual(['card', 'cash']);
  expect(split.order.statusHistory).toEqual([{ status: 'pending', at: t.clock.now(), by: 'Olivia R.', reason: '' }]);

  // A free order (no tender) and a replay answer the same way.
  await t.must('cart.addItem', { menuItemId: latte.id });
  const ownerDiscount = await t.must('cart.setDiscount', { discount: { kind: 'percent', value: 10_000 }, reason: 'On the house' });
  expect(ownerDiscount.totals.total).toBe(0);
  const requestId = newRequestId();
  const free = await t.must('orders.checkout', { requestId, payments: [] });
  expect(free.order).toEqual(t.core.services.history.detail(free.order.id));
  const again = await t.must('orders.checkout', { requestId, payments: [] });
  expect(again).toEqual({ ...free, replayed: true });
});
