// Order history search (orders.list with filters, orders.totals), through the router on a real
// SQLite file, answered by the read worker. Eight sales over three business days in Manila
// (one at 01:30, which belongs to the evening before), with customers in several scripts, every
// tender, a partial refund, a full refund and a cancel; each filter alone and combined, with exact
// rows; a barista held to today; cursors that neither skip nor repeat while sales arrive; and a
// rare match deep in thousands of orders found in budgeted steps.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { HistoryRow, OrderFilters } from '../../electron/shared/contract';
import { itemsText, SCAN_BUDGET } from '../../electron/orders/orderSearch';
import { cloneOrders, makeHistoryCore, manila, ring, setClock } from '../support/historyFixtures';
import { addStaff, ManualClock, makeTestCore, newRequestId, openShift, setupInput, signInAs, type TestCore } from '../support/testCore';

type Sale = Awaited<ReturnType<typeof ring>>;

describe('eight sales over three days', () => {
  let t: TestCore;
  const o: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', Sale> = {} as never;
  let bea: { id: string };
  let max: { id: string };
  let olivia: string;

  beforeAll(async () => {
    t = await makeHistoryCore('2026-11-21 08:00');
    bea = await addStaff(t, 'barista', 'bea');
    max = await addStaff(t, 'manager', 'max');
    olivia = (await t.must('auth.session', {}))!.userId;
    const people = ['bea', 'max'];
    for (const p of people) await signInAs(t, p);

    await setClock(t, '2026-11-21 09:30', people);
    o.A = await ring(t, [['Latte', 2], ['Croissant', 1]], 'cash', { contact: { contactName: 'Ána Cruz', contactPhone: '+63 917 555 0101' } });
    await setClock(t, '2026-11-21 10:00', people);
    o.B = await ring(t, [['Americano', 1]], 'card', { contact: { contactName: '李小龙' }, senderId: 'bea' });

    await setClock(t, '2026-11-22 08:00', people);
    o.C = await ring(t, [['Latte', 1]], { card: 10_000, rest: 'cash' }, { contact: { contactName: 'Ana Santos', contactPhone: '0918-222-3333' }, senderId: 'max' });
    await setClock(t, '2026-11-22 09:00', people);
    o.D = await ring(t, [['Croissant', 1]], 'other', { contact: { contactName: '100% Joe_Bloggs' } });
    await setClock(t, '2026-11-22 12:00', people);
    o.E = await ring(t, [['Latte', 3]], 'cash', { contact: { contactName: 'Zoë 😀' }, senderId: 'bea' });
    await setClock(t, '2026-11-22 14:00', people);
    await t.must('refunds.issue', { requestId: newRequestId(), orderId: o.C.id, what: { kind: 'amount', amount: 5_000 }, tender: 'original', reason: 'Too cold' });
    await t.must('refunds.issue', { requestId: newRequestId(), orderId: o.D.id, what: { kind: 'all' }, tender: 'original', reason: 'Stale' });
    await t.must('orders.cancel', { orderId: o.E.id, reason: 'Customer left' });
    // 01:30 on the 23rd is still the 22nd's business day (the day starts at 04:00).
    await setClock(t, '2026-11-23 01:30', people);
    o.F = await ring(t, [['Americano', 1]], 'cash');

    await setClock(t, '2026-11-23 09:30', people);
    o.G = await ring(t, [['Latte', 1]], 'cash', { contact: { contactName: 'Ana' }, senderId: 'bea' });
    await setClock(t, '2026-11-23 10:15', people);
    o.H = await ring(t, [['Americano', 1], ['Croissant', 1]], 'card', { contact: { contactName: 'Percy%', contactPhone: '555 0199' } });
    await setClock(t, '2026-11-23 10:30', people);
  }, 120_000);
  afterAll(() => t?.close());

  /** Every row the filters find, following the cursor with small pages; and the totals. */
  async function search(filters: OrderFilters, senderId = 'window-1', limit = 3): Promise<HistoryRow[]> {
    const rows: HistoryRow[] = [];
    let before: string | undefined;
    do {
      const page = await t.must('orders.list', { limit, filters, ...(before ? { before } : {}) }, senderId);
      expect(page.today).toBe('2026-11-23');
      rows.push(...page.orders);
      before = page.nextCursor ?? undefined;
    } while (before);
    // The count line agrees with the pages, always.
    const totals = await t.must('orders.totals', { filters }, senderId);
    expect(totals).toEqual({ count: rows.length, total: rows.reduce((a, r) => a + r.total, 0), currency: 'PHP' });
    return rows;
  }
  const found = async (filters: OrderFilters, senderId?: string) => (await search(filters, senderId)).map((r) => Object.entries(o).find(([, s]) => s.id === r.id)![0]).join('');

  test('no filters: every order, newest first, with tenders, refunds and items', async () => {
    const rows = await search({});
    expect(rows.map((r) => r.id)).toEqual([o.H, o.G, o.F, o.E, o.D, o.C, o.B, o.A].map((s) => s.id));
    expect(rows.find((r) => r.id === o.A.id)).toEqual({
      id: o.A.id,
      orderNumber: 'BC-T1-20261121-0001',
      shortNumber: '#001',
      businessDay: '2026-11-21',
      createdAt: manila('2026-11-21 09:30'),
      staffName: 'Olivia R.',
      contactName: 'Ána Cruz',
      status: 'pending',
      itemCount: 3,
      total: 42_500,
      currency: 'PHP',
      tenders: ['cash'],
      refunded: 0,
      items: '2× Latte, Croissant',
    });
    expect(rows.find((r) => r.id === o.C.id)).toMatchObject({ tenders: ['card', 'cash'], refunded: 5_000, total: 16_500, staffName: 'Max T.', items: 'Latte' });
    expect(rows.find((r) => r.id === o.D.id)).toMatchObject({ tenders: ['other'], refunded: 9_500, total: 9_500 });
    expect(rows.find((r) => r.id === o.E.id)).toMatchObject({ status: 'cancelled', refunded: 49_500, items: '3× Latte', staffName: 'Bea T.' });
    expect(rows.find((r) => r.id === o.F.id)).toMatchObject({ businessDay: '2026-11-22', shortNumber: '#004' });
    expect(await t.must('orders.totals', {})).toEqual({ count: 8, total: 42_500 + 13_000 + 16_500 + 9_500 + 49_500 + 13_000 + 16_500 + 22_500, currency: 'PHP' });
  });

  test('order number: a short number on every day in range, a full number exactly', async () => {
    expect(await found({ number: '1' })).toBe('GCA');
    expect(await found({ number: '#002' })).toBe('HDB');
    expect(await found({ number: '#0004' })).toBe('F');
    expect(await found({ number: '2', from: '2026-11-22', to: '2026-11-23' })).toBe('HD');
    expect(await found({ number: 'BC-T1-20261122-0003' })).toBe('E');
    expect(await found({ number: 'bc-t1-20261122-3' })).toBe('E'); // typed in lower case, without the zeros
    expect(await found({ number: 'BC-T1-20261122-0003', from: '2026-11-23' })).toBe('');
    expect(await found({ number: '9' })).toBe('');
  });

  test('business days, inclusive, by the shop’s day (01:30 belongs to the evening before)', async () => {
    expect(await found({ from: '2026-11-22', to: '2026-11-22' })).toBe('FEDC');
    expect(await found({ from: '2026-11-22', to: '2026-11-23' })).toBe('HGFEDC');
    expect(await found({ to: '2026-11-21' })).toBe('BA');
    expect(await found({ from: '2026-11-23' })).toBe('HG');
    expect(await found({ from: '2026-11-24' })).toBe('');
    expect(await found({ from: '2025-01-01', to: '2025-12-31' })).toBe('');
  });

  test('staff, tender, status', async () => {
    expect(await found({ staffId: bea.id })).toBe('GEB');
    expect(await found({ staffId: bea.id, from: '2026-11-22', to: '2026-11-22' })).toBe('E');
    expect(await found({ staffId: max.id, from: '2026-11-21', to: '2026-11-23' })).toBe('C');
    expect(await found({ staffId: olivia, to: '2026-11-22' })).toBe('FDA');
    expect(await found({ tender: 'cash' })).toBe('GFECA');
    expect(await found({ tender: 'card' })).toBe('HCB');
    expect(await found({ tender: 'other' })).toBe('D');
    expect(await found({ status: 'paid' })).toBe('HGFBA');
    expect(await found({ status: 'partlyRefunded' })).toBe('C');
    expect(await found({ status: 'refunded' })).toBe('D');
    expect(await found({ status: 'cancelled' })).toBe('E');
  });

  test('customer: part of the name (any case, accents, scripts, emoji) or the phone’s digits; % and _ are literal', async () => {
    expect(await found({ customer: 'ana' })).toBe('GCA');
    expect(await found({ customer: 'ÁNA' })).toBe('GCA');
    expect(await found({ customer: 'ána c' })).toBe('A');
    expect(await found({ customer: '李' })).toBe('B');
    expect(await found({ customer: '😀' })).toBe('E');
    expect(await found({ customer: 'zoe' })).toBe('E');
    expect(await found({ customer: '%' })).toBe('HD');
    expect(await found({ customer: '_' })).toBe('D');
    expect(await found({ customer: '0% J' })).toBe('D');
    expect(await found({ customer: '555 0101' })).toBe('A');
    expect(await found({ customer: '+63 917-555' })).toBe('A');
    expect(await found({ customer: '222-3333' })).toBe('C');
    expect(await found({ customer: '(0918) 222' })).toBe('C');
    expect(await found({ customer: '5550199' })).toBe('H');
    expect(await found({ customer: 'nobody' })).toBe('');
  });

  test('item and total range', async () => {
    expect(await found({ item: 'croissant' })).toBe('HDA');
    expect(await found({ item: 'LATTE' })).toBe('GECA');
    expect(await found({ item: 'te' })).toBe('GECA');
    expect(await found({ item: 'Ensaymada' })).toBe('');
    expect(await found({ minTotal: 16_500 })).toBe('HGECA');
    expect(await found({ maxTotal: 13_000 })).toBe('FDB');
    expect(await found({ minTotal: 13_000, maxTotal: 16_500 })).toBe('GFCB');
  });

  test('filters combine (AND)', async () => {
    expect(await found({ customer: 'ana', tender: 'cash', from: '2026-11-21', to: '2026-11-22' })).toBe('CA');
    expect(await found({ customer: 'ana', status: 'paid' })).toBe('GA');
    expect(await found({ item: 'latte', status: 'cancelled', staffId: bea.id })).toBe('E');
    expect(await found({ tender: 'card', item: 'croissant', minTotal: 20_000, from: '2026-11-23', to: '2026-11-23' })).toBe('H');
    expect(await found({ number: '1', customer: 'ana', staffId: max.id })).toBe('C');
  });

  test('a barista sees today’s business day only, whatever dates they send', async () => {
    expect(await found({}, 'bea')).toBe('HG');
    expect(await found({ from: '2026-11-21', to: '2026-11-22' }, 'bea')).toBe('HG');
    expect(await found({ customer: 'ana', from: '2026-11-21', to: '2026-11-21' }, 'bea')).toBe('G');
    expect(await found({ number: 'BC-T1-20261121-0001' }, 'bea')).toBe('');
    expect(await found({ status: 'cancelled' }, 'bea')).toBe('');
    // A manager is not held to today.
    expect(await found({ from: '2026-11-21', to: '2026-11-21' }, 'max')).toBe('BA');
  });

  test('impossible input is refused with a sentence', async () => {
    const refused = async (filters: unknown) => {
      const r = await t.raw('orders.list', { filters });
      expect(r.ok).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(await refused({ from: '2026-02-30' })).toMatchObject({ code: 'VALIDATION', fields: { 'filters.from': 'That date does not exist on the calendar' } });
    expect(await refused({ from: '2026-11-23', to: '2026-11-21' })).toMatchObject({ code: 'VALIDATION', fields: { 'filters.to': 'The end date is before the start date' } });
    expect(await refused({ to: '23/11/2026' })).toMatchObject({ fields: { 'filters.to': 'Enter a date like 2026-11-23' } });
    expect(await refused({ number: 'latte' })).toMatchObject({ fields: { 'filters.number': 'Enter an order number like 42, #042 or the full number from the receipt' } });
    expect(await refused({ minTotal: 500, maxTotal: 100 })).toMatchObject({ fields: { 'filters.maxTotal': 'The smallest total is more than the largest' } });
    expect(await refused({ status: 'void' })).toMatchObject({ fields: { 'filters.status': 'Choose paid, refunded, partly refunded or cancelled' } });
    expect(await t.raw('orders.totals', { filters: { from: '2026-13-01' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.raw('orders.list', { before: '123_not-a-real-row!' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('paging', () => {
  let t: TestCore;
  afterEach(() => t?.close());

  test('cursors neither skip nor repeat while new orders arrive, ties in one millisecond included', async () => {
    t = await makeHistoryCore('2026-11-23 09:00');
    const expected: string[] = [];
    for (let i = 0; i < 17; i++) {
      const order = await ring(t, [['Latte', 1]], i % 3 === 2 ? 'card' : 'cash', { contact: { contactName: i % 2 ? `Ana ${i}` : `Ben ${i}` } });
      if (i % 2 && i % 3 !== 2) expected.unshift(order.id); // Ana, paid in cash
      if (i % 4 !== 3) continue;
      t.clock.advance(1); // groups of four share a millisecond
    }
    const filters: OrderFilters = { customer: 'ana', tender: 'cash', from: '2026-11-23', to: '2026-11-23' };
    const seen: string[] = [];
    let page = await t.must('orders.list', { limit: 2, filters });
    seen.push(...page.orders.map((r) => r.id));
    while (page.nextCursor) {
      // New sales land above the cursor, matching and not: the next page is unmoved.
      await ring(t, [['Latte', 1]], 'cash', { contact: { contactName: 'Ana new' } });
      await ring(t, [['Latte', 1]], 'card', { contact: { contactName: 'Ben new' } });
      page = await t.must('orders.list', { limit: 2, filters, before: page.nextCursor });
      seen.push(...page.orders.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
    expect(expected).toHaveLength(6);
  });

  test(`a rare match deep in thousands of orders is found in budgeted steps (${SCAN_BUDGET} rows a page), each exactly once`, async () => {
    t = await makeHistoryCore('2026-11-20 08:00');
    const first = await ring(t, [['Latte', 1]], 'cash', { contact: { contactName: 'Needle One' } });
    const filler = await ring(t, [['Croissant', 1]], 'cash');
    // 9,000 more orders on the 21st, one a second, and a second needle among them.
    const clones = cloneOrders(t, filler.id, 9_000, {
      firstAt: manila('2026-11-21 08:00'),
      stepMs: 1_000,
      businessDay: '2026-11-21',
      firstSeq: 1,
      contactName: (i) => (i === 2_500 ? 'needle two' : ''),
    });
    const filters: OrderFilters = { customer: 'NEEDLE' };
    const found: string[] = [];
    let steps = 0;
    let before: string | undefined;
    do {
      const page = await t.must('orders.list', { limit: 50, filters, ...(before ? { before } : {}) });
      found.push(...page.orders.map((r) => r.id));
      before = page.nextCursor ?? undefined;
      steps++;
    } while (before);
    expect(found).toEqual([clones[2_500], first.id]);
    expect(steps).toBe(Math.ceil(9_002 / SCAN_BUDGET)); // each step walked one budget of rows
    expect(await t.must('orders.totals', { filters })).toEqual({ count: 2, total: 9_500 + 16_500, currency: 'PHP' });
    // Filters an index answers are never cut short: a whole page at once.
    expect((await t.must('orders.list', { limit: 100, filters: { from: '2026-11-21', to: '2026-11-21' } })).orders).toHaveLength(100);
  });
});

test('a changed time zone never hides an older order: days keep the business day it was sold on', async () => {
  // Kiritimati (UTC+14), then Pago Pago (UTC−11): 25 hours apart.
  const t = makeTestCore({ clock: new ManualClock(Date.UTC(2026, 10, 21, 14, 30)) }); // 04:30 on the 22nd in Kiritimati
  try {
    await t.must('setup.complete', setupInput({ timezone: 'Pacific/Kiritimati' }));
    await openShift(t);
    const early = await ring(t, [['Latte', 1]], 'cash', { contact: { contactName: 'Ana Early' } });
    expect(early.businessDay).toBe('2026-11-22');
    await t.must('settings.updateShop', { name: 'Brews & Chews', taxRatePercent: '12', pricesIncludeTax: true, businessDayStart: '04:00', receiptFooter: '', silentPrint: false, printerName: '', timezone: 'Pacific/Pago_Pago' });
    t.clock.advance(4 * 86_400_000); // 03:30 on the 25th in Pago Pago: the 24th's business day
    await t.must('auth.loginPin', { username: 'olivia', pin: '482913' });
    const later = await ring(t, [['Americano', 1]], 'card');
    const ids = async (filters: OrderFilters) => (await t.must('orders.list', { filters })).orders.map((r) => r.id);
    expect(await ids({ from: '2026-11-22', to: '2026-11-22' })).toEqual([early.id]);
    expect(await ids({ from: '2026-11-22', to: '2026-11-23' })).toEqual([early.id]);
    expect(await ids({ from: '2026-11-20', to: '2026-11-22', customer: 'ana' })).toEqual([early.id]);
    expect(await ids({ staffId: (await t.must('auth.session', {}))!.userId, to: '2026-11-22' })).toEqual([early.id]);
    expect(await ids({ from: later.businessDay })).toEqual([later.id]);
    expect(await t.must('orders.totals', { filters: { to: '2026-11-22' } })).toMatchObject({ count: 1, total: 16_500 });
  } finally {
    t.close();
  }
});

test('the items text of a row is cut at a whole item with "…"', () => {
  expect(itemsText([[2, 'Latte'], [1, 'Croissant']])).toBe('2× Latte, Croissant');
  expect(itemsText([[1, 'Caramel Macchiato'], [3, 'Pain au Chocolat'], [1, 'Blueberry Muffin'], [1, 'Banana Bread']])).toBe('Caramel Macchiato, 3× Pain au Chocolat, Blueberry Muffin, …');
  expect(itemsText([[1, 'x'.repeat(80)]])).toBe(`${'x'.repeat(59)}…`);
  expect(itemsText([])).toBe('');
});

