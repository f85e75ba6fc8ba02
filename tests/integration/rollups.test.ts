// The daily rollups are derived data kept by the checkout and refund transactions. Proof that they
// always equal a recomputation from the orders and refunds, and that a report built on them equals
// the sums over the orders and refunds it covers — computed here independently, straight from the
// tables (and Intl for the local hour), across business-day, time-zone and DST boundaries.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { rebuildRollups, ROLLUPS_MARKER } from '../../electron/reports/rollupBuild';
import type { ChannelOutput, SalesReport } from '../../electron/shared/contract';
import { addStaff, makeTestCore, ManualClock, newRequestId, openShift, setupInput, type TestCore } from '../support/testCore';
import { jumpTo, OWNER_SELLER, rollupRows, sell, staffSeller, type LineSpec } from '../support/reportFixtures';

let t: TestCore | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const bea = staffSeller('bea');
const ITEMS = ['Latte', 'Croissant', 'Americano', 'Mocha', 'Green Tea', 'Banana Bread'];
const EXTRA = { Latte: ['Large', 'Oat', 'Vanilla syrup', 'Caramel syrup'], Mocha: ['Medium', 'Soy', 'Extra shot'], Americano: ['Large', 'Caramel syrup'], 'Green Tea': ['Large'] } as Record<string, string[]>;
const REASONS = ['Spilled', 'Wrong drink', 'Customer left', '=1+1', 'Ñandú 🐦'];

const saleStep = fc.record({
  kind: fc.constant('sale' as const),
  lines: fc.array(fc.record({ item: fc.constantFrom(...ITEMS), quantity: fc.integer({ min: 1, max: 3 }), extra: fc.boolean(), discountBp: fc.constantFrom(0, 0, 1_000, 2_500) }), { minLength: 1, maxLength: 3 }),
  orderDiscountBp: fc.constantFrom(0, 0, 500),
  pay: fc.constantFrom('card' as const, 'cash' as const, 'other' as const, 'split' as const),
  byBea: fc.boolean(),
});
const step = fc.oneof(
  { arbitrary: saleStep, weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 60, max: 30 * 60 })) }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      of: fc.nat(),
      what: fc.constantFrom('one' as const, 'all' as const, 'amount' as const),
      tender: fc.constantFrom('original' as const, 'card' as const),
      reason: fc.constantFrom(...REASONS),
      twice: fc.boolean(), // the same refund sent twice at once (a double tap), or two refunds racing
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('cancel' as const), of: fc.nat(), reason: fc.constantFrom(...REASONS) }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'replay' as const }), weight: 1 },
);
const scenario = fc.record({
  zone: fc.constantFrom('Asia/Manila', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'),
  dayStart: fc.constantFrom('00:00', '04:00', '05:30'),
  pricesIncludeTax: fc.boolean(),
  taxRatePercent: fc.constantFrom('12', '7.5', '0'),
  // Just before a change of clocks somewhere: New York and London in autumn and spring, Lord Howe's half hour in April.
  start: fc.constantFrom('2026-10-31T20:00:00Z', '2026-10-24T21:00:00Z', '2026-03-07T22:00:00Z', '2026-04-04T10:00:00Z', '2026-11-23T01:30:00Z').map(Date.parse),
  steps: fc.array(step, { minLength: 3, maxLength: 12 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;
type Order = ChannelOutput<'orders.checkout'>['order'];

async function play(s: Scenario): Promise<void> {
  t = makeTestCore({ clock: new ManualClock(s.start) });
  await t.must('setup.complete', setupInput({ timezone: s.zone, taxRatePercent: s.taxRatePercent, pricesIncludeTax: s.pricesIncludeTax }));
  await t.must('settings.updateShop', { name: 'Brews & Chews', taxRatePercent: s.taxRatePercent, pricesIncludeTax: s.pricesIncludeTax, businessDayStart: s.dayStart, receiptFooter: '', silentPrint: false, printerName: '' });
  await openShift(t, 500_000);
  await addStaff(t, 'barista', 'bea');
  await jumpTo(t as TestCore, t.clock.current, [OWNER_SELLER, bea]);
  const orders: Order[] = [];
  let lastCheckout: { requestId: string; senderId: string } | null = null;
  for (const st of s.steps) {
    const core = t as TestCore;
    if (st.kind === 'wait') {
      await jumpTo(core, core.clock.current + st.minutes * 60_000, [OWNER_SELLER, bea]);
    } else if (st.kind === 'sale') {
      const owner = !st.byBea;
      const lines: LineSpec[] = st.lines.map((l) => ({
        item: l.item,
        quantity: l.quantity,
        ...(l.extra && EXTRA[l.item] ? { options: EXTRA[l.item] } : {}),
        ...(owner && l.discountBp ? { discount: { kind: 'percent' as const, value: l.discountBp, reason: 'Day old' } } : {}),
      }));
      const requestId = newRequestId();
      const sold = await sell(core, lines, st.pay === 'split' ? (due) => [{ method: 'card', amount: Math.floor(due / 3) }, { method: 'cash', tendered: due - Math.floor(due / 3) + 1_000 }] : st.pay, {
        seller: owner ? OWNER_SELLER : bea,
        requestId,
        ...(owner && st.orderDiscountBp ? { orderDiscount: { kind: 'percent' as const, value: st.orderDiscountBp, reason: 'Regular' } } : {}),
      });
      orders.push(sold.order);
      lastCheckout = { requestId, senderId: owner ? 'window-1' : 'bea' };
    } else if (st.kind === 'replay') {
      if (!lastCheckout) continue;
      const again = await core.must('orders.checkout', { requestId: lastCheckout.requestId, payments: [{ method: 'card', amount: 1 }] }, lastCheckout.senderId);
      expect(again.replayed).toBe(true);
    } else if (orders.length > 0) {
      const order = orders[st.of % orders.length]!;
      if (st.kind === 'cancel') {
        await core.call('orders.cancel', { orderId: order.id, reason: st.reason }); // refused when already cancelled: fine
        continue;
      }
      const line = order.lines[st.of % order.lines.length]!;
      const what =
        st.what === 'all' ? { kind: 'all' as const } : st.what === 'one' ? { kind: 'lines' as const, lines: [{ lineId: line.id, quantity: 1 }] } : { kind: 'amount' as const, amount: Math.max(1, Math.floor(order.total / 4)) };
      const input = { requestId: newRequestId(), orderId: order.id, what, tender: st.tender, reason: st.reason };
      // Twice: the same request (a double tap: one refund) or a second refund racing the first (what is left is re-read inside each).
      const second = st.twice ? (st.of % 2 === 0 ? input : { ...input, requestId: newRequestId() }) : null;
      await Promise.all([core.call('refunds.issue', input), ...(second ? [core.call('refunds.issue', second)] : [])]);
    }
  }
}

// ---------- the independent sums ----------

interface Expected {
  gross: number;
  discounts: number;
  refunds: number;
  tax: number;
  taxAdded: number;
  orders: number;
  refundsCount: number;
  cancellations: number;
  tenders: Record<string, { count: number; sales: number; refunded: number }>;
  items: Map<string, { quantity: number; net: number }>;
  modifiers: Map<string, number>;
  staff: Map<string, { orders: number; net: number }>;
  days: Map<string, { orders: number; gross: number; net: number }>;
  heat: Map<string, { orders: number; net: number }>;
  discountReasons: Map<string, { count: number; amount: number }>;
  refundReasons: Map<string, { count: number; amount: number }>;
}

function expectedOf(core: TestCore, zone: string, from: string, to: string): Expected {
  const db = core.core.sqlite;
  const hourOf = (at: number) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(at)));
  const weekdayOf = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const bump = <V>(map: Map<string, V>, key: string, zero: V, f: (v: V) => void) => {
    const v = map.get(key) ?? zero;
    f(v);
    map.set(key, v);
  };
  const e: Expected = { gross: 0, discounts: 0, refunds: 0, tax: 0, taxAdded: 0, orders: 0, refundsCount: 0, cancellations: 0, tenders: {}, items: new Map(), modifiers: new Map(), staff: new Map(), days: new Map(), heat: new Map(), discountReasons: new Map(), refundReasons: new Map() };
  const tender = (m: string) => (e.tenders[m] ??= { count: 0, sales: 0, refunded: 0 });
  type O = { id: string; business_day: string; created_at: number; staff_name: string; prices_include_tax: number; subtotal: number; discount_total: number; tax_total: number };
  for (const o of db.prepare(`select * from orders where business_day between ? and ?`).all(from, to) as O[]) {
    const net = o.subtotal - o.discount_total;
    e.orders++;
    e.gross += o.subtotal;
    e.discounts += o.discount_total;
    e.tax += o.tax_total;
    if (!o.prices_include_tax) e.taxAdded += o.tax_total;
    bump(e.staff, o.staff_name, { orders: 0, net: 0 }, (v) => ((v.orders += 1), (v.net += net)));
    bump(e.days, o.business_day, { orders: 0, gross: 0, net: 0 }, (v) => ((v.orders += 1), (v.gross += o.subtotal), (v.net += net)));
    bump(e.heat, `${weekdayOf(o.business_day)}:${hourOf(o.created_at)}`, { orders: 0, net: 0 }, (v) => ((v.orders += 1), (v.net += net)));
    for (const p of db.prepare(`select method, amount from payments where order_id = ?`).all(o.id) as { method: string; amount: number }[]) {
      tender(p.method).count++;
      tender(p.method).sales += p.amount;
    }
    type L = { menu_item_id: string; quantity: number; line_subtotal: number; line_discount: number; modifiers: string };
    for (const l of db.prepare(`select * from order_items where order_id = ?`).all(o.id) as L[]) {
      bump(e.items, l.menu_item_id, { quantity: 0, net: 0 }, (v) => ((v.quantity += l.quantity), (v.net += l.line_subtotal - l.line_discount)));
      for (const m of JSON.parse(l.modifiers) as { group: string; name: string }[]) e.modifiers.set(`${m.group}/${m.name}`, (e.modifiers.get(`${m.group}/${m.name}`) ?? 0) + l.quantity);
    }
    if (o.discount_total > 0) {
      const reason = db.prepare(`select reason from audit_events where action = 'order.checkout' and entity_id = ?`).pluck().get(o.id) as string;
      bump(e.discountReasons, reason || 'No reason given', { count: 0, amount: 0 }, (v) => ((v.count += 1), (v.amount += o.discount_total)));
    }
  }
  type R = { id: string; business_day: string; created_at: number; kind: string; reason: string; amount: number; tax: number; staff_name: string; prices_include_tax: number };
  for (const r of db.prepare(`select r.*, o.staff_name, o.prices_include_tax from refunds r join orders o on o.id = r.order_id where r.business_day between ? and ?`).all(from, to) as R[]) {
    const basis = r.prices_include_tax ? r.amount : r.amount - r.tax;
    e.refundsCount++;
    if (r.kind === 'cancel') e.cancellations++;
    e.refunds += basis;
    e.tax -= r.tax;
    if (!r.prices_include_tax) e.taxAdded -= r.tax;
    // A cancel of an order already refunded in full has no lines: it counts as a refund issued, against nobody's sales.
    const lines = db.prepare(`select count(*) from refund_lines where refund_id = ?`).pluck().get(r.id) as number;
    if (lines > 0) bump(e.staff, r.staff_name, { orders: 0, net: 0 }, (v) => (v.net -= basis));
    bump(e.days, r.business_day, { orders: 0, gross: 0, net: 0 }, (v) => (v.net -= basis));
    bump(e.heat, `${weekdayOf(r.business_day)}:${hourOf(r.created_at)}`, { orders: 0, net: 0 }, (v) => (v.net -= basis));
    bump(e.refundReasons, r.reason || 'No reason given', { count: 0, amount: 0 }, (v) => ((v.count += 1), (v.amount += r.amount)));
    for (const x of db.prepare(`select method, amount from refund_tenders where refund_id = ?`).all(r.id) as { method: string; amount: number }[]) tender(x.method).refunded += x.amount;
    type RL = { menu_item_id: string; amount: number; tax: number };
    for (const l of db.prepare(`select i.menu_item_id, rl.amount, rl.tax from refund_lines rl join order_items i on i.id = rl.order_item_id where rl.refund_id = ?`).all(r.id) as RL[]) {
      bump(e.items, l.menu_item_id, { quantity: 0, net: 0 }, (v) => (v.net -= r.prices_include_tax ? l.amount : l.amount - l.tax));
    }
  }
  return e;
}

function assertReport(r: SalesReport, e: Expected): void {
  const s = r.summary;
  expect({ gross: s.gross, discounts: s.discounts, refunds: s.refunds, net: s.net, tax: s.tax, taxAdded: s.taxAdded, orders: s.ordersCount, refundsCount: s.refundsCount, cancellations: s.cancellations }).toEqual({
    gross: e.gross,
    discounts: e.discounts,
    refunds: e.refunds,
    net: e.gross - e.discounts - e.refunds,
    tax: e.tax,
    taxAdded: e.taxAdded,
    orders: e.orders,
    refundsCount: e.refundsCount,
    cancellations: e.cancellations,
  });
  expect(s.collected).toBe(s.net + s.taxAdded);
  expect(s.taxByRate.reduce((a, x) => a + x.tax, 0)).toBe(e.tax);
  const tenders = Object.fromEntries(r.tenders.map((x) => [x.method, { count: x.count, sales: x.sales, refunded: x.refunded }]));
  expect(tenders).toEqual(e.tenders);
  for (const x of r.tenders) expect(s.tenders[x.method]).toEqual({ sales: x.sales, refunded: x.refunded, collected: x.collected });
  expect(new Map(r.items.map((i) => [i.itemId, { quantity: i.quantity, net: i.net }]))).toEqual(e.items);
  expect(new Map(r.modifiers.map((m) => [`${m.group}/${m.name}`, m.quantity]))).toEqual(e.modifiers);
  expect(new Map(r.staff.map((x) => [x.name, { orders: x.orders, net: x.net }]))).toEqual(e.staff);
  expect(new Map(r.series.filter((b) => b.orders || b.gross || b.net).map((b) => [b.key, { orders: b.orders, gross: b.gross, net: b.net }]))).toEqual(
    new Map([...e.days].filter(([, v]) => v.orders || v.gross || v.net)),
  );
  expect(new Map(r.heatmap.map((c) => [`${c.weekday}:${c.hour}`, { orders: c.orders, net: c.net }]))).toEqual(new Map([...e.heat].filter(([, v]) => v.orders || v.net)));
  expect(new Map(r.discounts.map((d) => [d.reason, { count: d.count, amount: d.amount }]))).toEqual(e.discountReasons);
  expect(new Map(r.refunds.map((d) => [d.reason, { count: d.count, amount: d.amount }]))).toEqual(e.refundReasons);
  expect(r.categories.reduce((a, c) => a + c.net, 0)).toBe(s.net);
}

const days = (core: TestCore) => {
  const db = core.core.sqlite;
  const all = db.prepare(`select business_day from orders union select business_day from refunds order by 1`).pluck().all() as string[];
  return all;
};

describe('the daily rollups', () => {
  test('property: after random days of sales, refunds, cancels and replays, the rollups equal a recomputation and the report equals the sums of its orders and refunds', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        try {
          await play(s);
          const core = t as TestCore;
          const kept = rollupRows(core.core.sqlite);
          rebuildRollups(core.core.sqlite);
          expect(rollupRows(core.core.sqlite)).toEqual(kept);

          const seen = days(core);
          if (seen.length === 0) return;
          // The whole run, then its first business day alone (as a one-day report, in hours).
          for (const [from, to] of [[seen[0]!, seen.at(-1)!], [seen[0]!, seen[0]!]] as const) {
            const r = await core.must('reports.sales', { from, to, bucket: 'day' });
            assertReport(r, expectedOf(core, s.zone, from, to));
          }
          const oneDay = await core.must('reports.sales', { from: seen[0]!, to: seen[0]! });
          expect(oneDay.bucket).toBe('hour');
          expect(oneDay.series.reduce((a, b) => a + b.net, 0)).toBe(oneDay.summary.net);
          expect(oneDay.series.reduce((a, b) => a + b.orders, 0)).toBe(oneDay.summary.ordersCount);
        } finally {
          t?.close();
          t = undefined;
        }
      }),
      { numRuns: 14 },
    );
  }, 600_000);

  test('a database whose orders were written before the rollups: built at the next start, from the orders and the audit trail; once', async () => {
    await play({
      zone: 'Asia/Manila',
      dayStart: '04:00',
      pricesIncludeTax: true,
      taxRatePercent: '12',
      start: Date.parse('2026-11-23T01:30:00Z'),
      steps: [
        { kind: 'sale', lines: [{ item: 'Latte', quantity: 2, extra: true, discountBp: 1_000 }], orderDiscountBp: 500, pay: 'split', byBea: false },
        { kind: 'sale', lines: [{ item: 'Croissant', quantity: 1, extra: false, discountBp: 0 }], orderDiscountBp: 0, pay: 'cash', byBea: true },
        { kind: 'wait', minutes: 17 * 60 },
        { kind: 'refund', of: 0, what: 'one', tender: 'original', reason: 'Spilled', twice: false },
        { kind: 'cancel', of: 1, reason: 'Wrong drink' },
      ],
    });
    const core = t as TestCore;
    const built = rollupRows(core.core.sqlite);
    expect(built.length).toBe(20);
    expect(built.find((r) => r.dim === 'discountReason')).toMatchObject({ key: 'Regular; Day old', n: 1 });

    // As if the orders had been written by the version before the rollups.
    core.core.sqlite.prepare(`delete from sales_rollups`).run();
    core.core.sqlite.prepare(`delete from settings where key = ?`).run(ROLLUPS_MARKER);
    core.reopen();
    expect(rollupRows(core.core.sqlite)).toEqual(built);
    expect(JSON.parse(core.core.sqlite.prepare(`select value from settings where key = ?`).pluck().get(ROLLUPS_MARKER) as string)).toMatchObject({ version: 1 });

    // Built once: the marker is there, so a start does not rebuild (a row taken out stays out)…
    core.core.sqlite.prepare(`delete from sales_rollups where dim = 'hour'`).run();
    core.reopen();
    expect(rollupRows(core.core.sqlite).filter((r) => r.dim === 'hour')).toEqual([]);
    // …unless the marker says an older definition built them.
    core.core.sqlite.prepare(`update settings set value = '{"version":0}' where key = ?`).run(ROLLUPS_MARKER);
    core.reopen();
    expect(rollupRows(core.core.sqlite)).toEqual(built);
  });

  test('rebuilding some days replaces only those days, from the orders of those days and the refunds issued on them', async () => {
    await play({
      zone: 'America/New_York',
      dayStart: '05:30',
      pricesIncludeTax: false,
      taxRatePercent: '7.5',
      start: Date.parse('2026-10-31T20:00:00Z'),
      steps: [
        { kind: 'sale', lines: [{ item: 'Mocha', quantity: 3, extra: true, discountBp: 0 }], orderDiscountBp: 0, pay: 'card', byBea: false },
        { kind: 'wait', minutes: 24 * 60 },
        { kind: 'sale', lines: [{ item: 'Americano', quantity: 1, extra: true, discountBp: 0 }], orderDiscountBp: 0, pay: 'other', byBea: true },
        { kind: 'refund', of: 0, what: 'amount', tender: 'card', reason: 'Spilled', twice: true },
      ],
    });
    const core = t as TestCore;
    const built = rollupRows(core.core.sqlite);
    const [first, second] = [...new Set(built.map((r) => r.business_day))];
    expect(second).toBeDefined();
    core.core.sqlite.prepare(`update sales_rollups set gross = gross + 1 where business_day = ?`).run(first);
    core.core.sqlite.prepare(`delete from sales_rollups where business_day = ? and dim = 'refundReason'`).run(second);
    expect(rebuildRollups(core.core.sqlite, second!, second!)).toMatchObject({ orders: 1, refunds: 1 }); // the double tap made one refund
    const rows = rollupRows(core.core.sqlite);
    expect(rows.filter((r) => r.business_day === second)).toEqual(built.filter((r) => r.business_day === second));
    expect(rows.filter((r) => r.business_day === first).every((r, i) => r.gross === built.filter((b) => b.business_day === first)[i]!.gross + 1)).toBe(true);
  });
});
