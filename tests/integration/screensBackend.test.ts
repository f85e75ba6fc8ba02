// The main-process side of the screens repair (issue 7, items 20, 22, 23): the menu audit entry in
// words, the unknown-code message, order pages that know "today", one-round setup errors, and the
// shop's time zone changed from Settings.
import { afterEach, describe, expect, test } from 'vitest';
import { describeChange, formatOrderWhen, ORDER_STATUS_LABELS } from '../../renderer/src/format';
import { dbFingerprint } from '../support/snapshot';
import { addStaff, makeSetUpCore, makeTestCore, newRequestId, OWNER, setupInput, signInAs, type TestCore } from '../support/testCore';

let t: TestCore;
afterEach(() => t?.close());

async function itemNamed(name: string) {
  return (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === name)!;
}

async function lastAudit(action: string) {
  const page = await t.must('audit.list', { action, limit: 1 });
  return page.events[0]!;
}

const shopInput = {
  name: 'Brews & Chews',
  taxRatePercent: '12',
  pricesIncludeTax: true,
  businessDayStart: '04:00',
  receiptFooter: 'Thank you! Come again.',
  silentPrint: false,
  printerName: '',
};

describe('menu audit in words (item 20)', () => {
  test('a price change is recorded with the item name and currency and reads "Americano: ₱130.00 → ₱0.00"', async () => {
    t = await makeSetUpCore();
    const americano = await itemNamed('Americano');
    await t.must('menu.updateItem', { menuItemId: americano.id, price: 0 });
    const event = await lastAudit('menu.item.price');
    expect(JSON.parse(event.oldValue!)).toEqual({ name: 'Americano', price: 13000, currency: 'PHP', isAvailable: true });
    expect(JSON.parse(event.newValue!)).toEqual({ name: 'Americano', price: 0, currency: 'PHP', isAvailable: true });
    expect(describeChange(event.oldValue, event.newValue)).toBe('Americano: ₱130.00 → ₱0.00');
  });

  test('sold out and back on sale read "Latte: sold out" / "Latte: available again"', async () => {
    t = await makeSetUpCore();
    const latte = await itemNamed('Latte');
    await t.must('menu.updateItem', { menuItemId: latte.id, isAvailable: false });
    let event = await lastAudit('menu.item.update');
    expect(describeChange(event.oldValue, event.newValue)).toBe('Latte: sold out');
    await t.must('menu.updateItem', { menuItemId: latte.id, isAvailable: true });
    event = await lastAudit('menu.item.update');
    expect(describeChange(event.oldValue, event.newValue)).toBe('Latte: available again');
  });

  test('older entries without a currency still read in words, and other currencies keep their symbol', () => {
    const old = JSON.stringify({ name: 'Latte', price: 16500, isAvailable: true });
    const next = JSON.stringify({ name: 'Latte', price: 17000, isAvailable: true });
    expect(describeChange(old, next)).toBe('Latte: 165.00 → 170.00');
    const usd = (price: number) => JSON.stringify({ name: 'Tea', price, currency: 'USD', isAvailable: true });
    expect(describeChange(usd(350), usd(400))).toBe('Tea: $3.50 → $4.00');
    // A hostile "currency" is not looked up as a symbol.
    const odd = (price: number) => JSON.stringify({ name: 'Tea', price, currency: '__proto__', isAvailable: true });
    expect(describeChange(odd(350), odd(400))).toBe('Tea: 3.50 → 4.00');
  });

  test('shop settings changes read in words: tax rate and time zone', () => {
    const before = JSON.stringify({ name: 'B', taxRateBp: 1200, timezone: 'Asia/Manila', silentPrint: false });
    const after = JSON.stringify({ name: 'B', taxRateBp: 1000, timezone: 'Europe/London', silentPrint: true });
    expect(describeChange(before, after)).toBe('tax rate: 12% → 10%, time zone: Asia/Manila → Europe/London, print without asking: no → yes');
  });

  test('a new record reads as fields in words, not JSON (a person added used to show {"username":"bea",…})', () => {
    const created = JSON.stringify({ username: 'bea', role: 'barista', firstName: 'Bea', lastName: 'Test' });
    expect(describeChange(null, created)).toBe('username: bea, role: barista, first name: Bea, last name: Test');
    expect(describeChange(created, null)).toBe('username: bea, role: barista, first name: Bea, last name: Test → (removed)');
  });
});

describe('search by code (item 23)', () => {
  test('an unknown code is answered in plain words', async () => {
    t = await makeSetUpCore();
    expect(await t.call('cart.addBySku', { sku: ' 123 ' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No item has the code 123 — check the code or search by name' },
    });
  });
});

describe('orders list (item 22)', () => {
  test('a page says which business day is today, by main clock and the shop zone (04:00 cut-over)', async () => {
    t = await makeSetUpCore(); // ManualClock: 2026-11-23 09:30 in Manila
    expect((await t.must('orders.list', {})).today).toBe('2026-11-23');
    await addStaff(t, 'barista', 'bea');
    // Hours later the sessions have idled out: sign in again at each moment.
    const todayAt = async (utc: number, who: 'olivia' | 'bea') => {
      t.clock.current = utc;
      if (who === 'olivia') await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin });
      else await signInAs(t, 'bea');
      return t.must('orders.list', {}, who === 'olivia' ? 'window-1' : 'bea');
    };
    // 03:30 on the 24th in Manila: still the 23rd's business day.
    expect((await todayAt(Date.UTC(2026, 10, 23, 19, 30), 'olivia')).today).toBe('2026-11-23');
    expect((await todayAt(Date.UTC(2026, 10, 23, 20, 30), 'olivia')).today).toBe('2026-11-24'); // 04:30
    expect(await todayAt(Date.UTC(2026, 10, 23, 20, 31), 'bea')).toEqual({ orders: [], nextCursor: null, today: '2026-11-24' });
  });

  test('rows carry the business date: "Today 09:12", "Yesterday", "Mon 23 Nov · 03:28"; paid badges say Paid', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(formatOrderWhen('2026-11-24', at('2026-11-24T01:12:00Z'), '2026-11-24', 'Asia/Manila')).toBe('Today 09:12');
    expect(formatOrderWhen('2026-11-23', at('2026-11-23T10:40:00Z'), '2026-11-24', 'Asia/Manila')).toBe('Yesterday 18:40');
    // 03:28 on Tuesday the 24th belongs to Monday's business day: the number restarted on Monday.
    expect(formatOrderWhen('2026-11-23', at('2026-11-23T19:28:00Z'), '2026-11-26', 'Asia/Manila')).toBe('Mon 23 Nov · 03:28');
    expect(formatOrderWhen('2025-11-23', at('2025-11-23T01:00:00Z'), '2026-11-26', 'Asia/Manila')).toBe('Sun 23 Nov 2025 · 09:00');
    expect(ORDER_STATUS_LABELS).toEqual({
      pending: 'Paid · waiting at bar',
      preparing: 'Paid · being made',
      ready: 'Paid · ready',
      completed: 'Completed',
      cancelled: 'Cancelled',
    });
  });
});

describe('setup answers every field at once (item 23)', () => {
  test('a bad tax rate, an impossible zone and a short username come back together', async () => {
    t = makeTestCore();
    const input = setupInput({ taxRatePercent: 'abc', timezone: 'Mars/Base' });
    input.owner.username = 'x';
    const before = dbFingerprint(t.core.sqlite);
    const result = await t.call('setup.complete', input);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'shop.taxRatePercent': 'A rate like 12 or 7.5',
          'shop.timezone': 'Pick a time zone from the list',
          'owner.username': 'Use at least 3 characters',
        },
      },
    });
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('a tax rate over 50% is flagged with the other fields, not in a second round', async () => {
    t = makeTestCore();
    const input = setupInput({ taxRatePercent: '60' });
    input.owner.firstName = '';
    const result = await t.call('setup.complete', input);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'shop.taxRatePercent': 'At most 50%', 'owner.firstName': 'Enter a first name' } },
    });
  });
});

describe('the shop time zone can be changed in Settings (item 23)', () => {
  test('owner changes the zone: audited, new orders use it, earlier orders keep their business day and number', async () => {
    t = await makeSetUpCore(); // 2026-11-23 09:30 Manila = 01:30 UTC
    const latte = await itemNamed('Latte');
    await t.must('cart.addItem', { menuItemId: latte.id });
    const first = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] });
    expect(first.order.businessDay).toBe('2026-11-23');

    // Los Angeles: 01:30 UTC is 17:30 on the 22nd there.
    const view = await t.must('settings.updateShop', { ...shopInput, timezone: 'america/los_angeles' });
    expect(view.shop.timezone).toBe('America/Los_Angeles'); // stored as the zone database spells it
    expect((await t.must('setup.status', {})).shop?.timezone).toBe('America/Los_Angeles');
    const event = await lastAudit('settings.shop.update');
    expect(JSON.parse(event.oldValue!).timezone).toBe('Asia/Manila');
    expect(JSON.parse(event.newValue!).timezone).toBe('America/Los_Angeles');

    await t.must('cart.addItem', { menuItemId: latte.id });
    const second = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] });
    expect(second.order.businessDay).toBe('2026-11-22');
    expect(second.order.orderNumber).toMatch(/-20261122-0001$/);
    const firstAgain = await t.must('orders.get', { orderId: first.order.id });
    expect([firstAgain.businessDay, firstAgain.orderNumber]).toEqual([first.order.businessDay, first.order.orderNumber]);
  });

  test('leaving the zone out keeps it; offsets, unknown zones and odd text are refused and change nothing', async () => {
    t = await makeSetUpCore();
    expect((await t.must('settings.updateShop', shopInput)).shop.timezone).toBe('Asia/Manila');
    const before = dbFingerprint(t.core.sqlite);
    for (const timezone of ['Mars/Base', '+08:00', 'Asia/Manila\u0000', '', '../../etc/passwd', 'Asia/\ud800']) {
      const result = await t.call('settings.updateShop', { ...shopInput, timezone });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toEqual(['timezone']);
    }
    expect(dbFingerprint(t.core.sqlite)).toEqual(before);
  });

  test('only a person who may manage settings can change the zone', async () => {
    t = await makeSetUpCore();
    await addStaff(t, 'manager', 'max');
    await signInAs(t, 'max');
    expect(await t.call('settings.updateShop', { ...shopInput, timezone: 'Europe/London' }, 'max')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await t.must('settings.get', {})).shop.timezone).toBe('Asia/Manila');
  });
});
