import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ServiceError } from '../../electron/core/errors';
import { planEverything, planRefund, refundTenders, type LineState, type RefundPlan } from '../../electron/refunds/refundMath';
import { computeFigures, FigureTotals, netOf, summaryOf, TENDER_METHODS, type DrawerMovementRecord, type RefundRecord, type SaleRecord, type TenderMethod } from '../../electron/reports/figures';
import { refundFacts, saleFacts } from '../../electron/reports/rollupFacts';
import { RollupRows } from '../../electron/reports/rollupWriter';
import type { RefundTender, RefundWhat } from '../../electron/shared/contract';
import { MAX_UNIT_PRICE, orderTotals, settleTenders, type Discount, type Tender } from '../../electron/shared/money';

/** Menu items and today's category of each (several items share a category). */
const ITEMS = [
  { itemId: 'latte', category: 'Coffee' },
  { itemId: 'americano', category: 'Coffee' },
  { itemId: 'croissant', category: 'Pastry' },
  { itemId: 'sencha', category: 'Tea' },
];
const OPTIONS = [
  { group: 'Milk', name: 'Oat', priceDelta: 3000 },
  { group: 'Size', name: 'Large', priceDelta: 4000 },
  { group: 'Extras', name: 'No whip', priceDelta: -1000 },
];
const STAFF = ['Bea T.', 'Max P.', 'Olivia R.'];
const DAY = '2026-11-23';
const NEXT_DAY = '2026-11-24';
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const discount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 50_000 }) }),
);

const saleSpec = fc.record({
  lines: fc.array(
    fc.record({
      unitPrice: fc.integer({ min: 0, max: MAX_UNIT_PRICE }),
      quantity: fc.integer({ min: 1, max: 20 }),
      discount,
      item: fc.constantFrom(...ITEMS),
      modifiers: fc.array(fc.constantFrom(...OPTIONS), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  orderDiscount: discount,
  staff: fc.constantFrom(...STAFF),
  hour: fc.integer({ min: 0, max: 23 }),
  discountReason: fc.constantFrom('', 'Regular', 'Regular; Day old'),
  cancelled: fc.boolean(),
  // split: card part as a share (bp) of the total, the rest cash with some change
  cardShareBp: fc.integer({ min: 0, max: 10_000 }),
  otherShareBp: fc.integer({ min: 0, max: 10_000 }),
  change: fc.integer({ min: 0, max: 100_000 }),
  nextDay: fc.boolean(),
});

const policy = fc.record({ rateBp: fc.integer({ min: 0, max: 5000 }), pricesIncludeTax: fc.boolean() });

type SaleSpec = typeof saleSpec extends fc.Arbitrary<infer T> ? T : never;

/** A sale built exactly as the checkout builds it (orderTotals + settleTenders). */
function makeSale(spec: SaleSpec, p: { rateBp: number; pricesIncludeTax: boolean }, i: number): SaleRecord {
  const totals = orderTotals(spec.lines, p, spec.orderDiscount);
  const card = Math.floor((totals.total * spec.cardShareBp) / 10_000);
  const other = Math.floor(((totals.total - card) * spec.otherShareBp) / 10_000);
  const cashDue = totals.total - card - other;
  const tenders: Tender[] = [];
  if (card > 0) tenders.push({ method: 'card', amount: card });
  if (other > 0) tenders.push({ method: 'other', amount: other });
  if (cashDue > 0) tenders.push({ method: 'cash', tendered: cashDue + spec.change });
  const settled = settleTenders(totals.total, tenders, 'PHP');
  if (!settled.ok) throw new Error(settled.message);
  return {
    orderId: `o${i}`,
    businessDay: spec.nextDay ? NEXT_DAY : DAY,
    status: spec.cancelled ? 'cancelled' : 'completed',
    staffName: spec.staff,
    hour: spec.hour,
    discountReason: spec.discountReason,
    taxRateBp: p.rateBp,
    pricesIncludeTax: p.pricesIncludeTax,
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    lines: spec.lines.map((l, k) => ({
      itemId: l.item.itemId,
      modifiers: l.modifiers,
      quantity: l.quantity,
      gross: l.unitPrice * l.quantity,
      discount: totals.lineDiscounts[k]!,
      tax: totals.lineTaxes[k]!,
      categoryName: l.item.category,
    })),
    payments: settled.payments.map((x) => ({ method: x.method, amount: x.amount, change: x.change })),
  };
}

/** A sale's lines as refundMath sees them (what the customer paid per line, tax included). */
const lineStates = (sale: SaleRecord): LineState[] =>
  sale.lines.map((l, k) => ({
    lineId: `${sale.orderId}-${k}`,
    name: l.categoryName,
    quantity: l.quantity,
    lineTotal: l.gross - l.discount + (sale.pricesIncludeTax ? 0 : l.tax),
    lineTax: l.tax,
    refundedQty: 0,
    refundedAmount: 0,
    refundedTax: 0,
  }));

type RefundSpec = { of: number; what: RefundWhat | 'share'; shareBp: number; tender: RefundTender; nextDay: boolean };

/**
 * Refunds of a day as the refund service writes them: planned by refundMath on what is left of
 * each order (partial quantities, amounts, everything), back to the original tenders (split over
 * card, other, cash) or a chosen one; then every cancelled order gets its 'cancel' refund of the rest.
 */
function makeRefunds(sales: readonly SaleRecord[], specs: readonly RefundSpec[]): RefundRecord[] {
  const lines = new Map(sales.map((s) => [s.orderId, lineStates(s)]));
  const paid = new Map(sales.map((s) => [s.orderId, TENDER_METHODS.map((m) => ({ method: m, paid: sum(s.payments.filter((p) => p.method === m).map((p) => p.amount)), refunded: 0 })).filter((p) => p.paid > 0)]));
  const out: RefundRecord[] = [];
  const write = (sale: SaleRecord, plan: RefundPlan, tender: RefundTender, kind: 'refund' | 'cancel', nextDay: boolean) => {
    const tenders = refundTenders(plan.amount, paid.get(sale.orderId)!, tender);
    paid.set(sale.orderId, paid.get(sale.orderId)!.map((p) => ({ ...p, refunded: p.refunded + sum(tenders.filter((t) => t.method === p.method).map((t) => t.amount)) })));
    lines.set(
      sale.orderId,
      lines.get(sale.orderId)!.map((l) => {
        const taken = plan.lines.filter((p) => p.lineId === l.lineId);
        return { ...l, refundedQty: l.refundedQty + sum(taken.map((p) => p.quantity)), refundedAmount: l.refundedAmount + sum(taken.map((p) => p.amount)), refundedTax: l.refundedTax + sum(taken.map((p) => p.tax)) };
      }),
    );
    const lineOf = (lineId: string) => sale.lines[Number(lineId.slice(lineId.lastIndexOf('-') + 1))]!;
    out.push({
      refundId: `r${out.length}`,
      orderId: sale.orderId,
      businessDay: nextDay ? NEXT_DAY : DAY,
      kind,
      reason: kind === 'cancel' ? 'Customer left' : 'Wrong order',
      hour: (sale.hour + 1) % 24,
      tenders,
      staffName: sale.staffName,
      taxRateBp: sale.taxRateBp,
      pricesIncludeTax: sale.pricesIncludeTax,
      lines: plan.lines.map((l) => ({ itemId: lineOf(l.lineId).itemId, categoryName: lineOf(l.lineId).categoryName, amount: l.amount, tax: l.tax })),
    });
  };
  if (sales.length > 0) {
    for (const spec of specs) {
      const sale = sales[spec.of % sales.length]!;
      const left = lines.get(sale.orderId)!;
      const what: RefundWhat =
        spec.what !== 'share'
          ? spec.what.kind === 'lines'
            ? { kind: 'lines', lines: [{ lineId: left[spec.of % left.length]!.lineId, quantity: spec.what.lines[0]!.quantity }] }
            : spec.what
          : { kind: 'amount', amount: Math.max(1, Math.floor((sale.total * spec.shareBp) / 10_000)) };
      try {
        write(sale, planRefund(left, what, 'PHP'), spec.tender, 'refund', spec.nextDay);
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error; // more than is left: refused, nothing written
      }
    }
  }
  for (const sale of sales) if (sale.status === 'cancelled') write(sale, planEverything(lines.get(sale.orderId)!), 'original', 'cancel', false);
  return out;
}

const refundSpec: fc.Arbitrary<RefundSpec> = fc.record({
  of: fc.nat(),
  what: fc.oneof(
    fc.constant('share' as const),
    fc.constant({ kind: 'all' as const }),
    fc.integer({ min: 1, max: 20 }).map((quantity): RefundWhat => ({ kind: 'lines', lines: [{ lineId: '?', quantity }] })),
  ),
  shareBp: fc.integer({ min: 1, max: 10_000 }),
  tender: fc.constantFrom<RefundTender>('original', 'original', 'cash', 'card', 'other'),
  nextDay: fc.boolean(),
});

const day = fc
  .record({
    sales: fc.array(fc.tuple(saleSpec, policy), { maxLength: 12 }),
    refunds: fc.array(refundSpec, { maxLength: 6 }),
    drawer: fc.array(
      fc.record({ kind: fc.constantFrom('pay_in' as const, 'pay_out' as const, 'safe_drop' as const, 'no_sale' as const), amount: fc.integer({ min: 1, max: 500_000 }), voided: fc.boolean() }),
      { maxLength: 6 },
    ),
    float: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ sales, refunds, drawer, float }) => {
    const saleRecords = sales.map(([s, p], i) => makeSale(s, p, i));
    const moves: DrawerMovementRecord[] = drawer.flatMap((d) => {
      const move = { businessDay: DAY, kind: d.kind, amount: d.kind === 'no_sale' ? 0 : d.amount };
      // A wrong movement is voided by a counter-movement carrying the negated amount.
      return d.voided && d.kind !== 'no_sale' ? [move, { ...move, amount: -move.amount }] : [move];
    });
    return { sales: saleRecords, refunds: makeRefunds(saleRecords, refunds), drawer: moves, openingFloat: float, days: { from: DAY, to: DAY } };
  });

const onDay = <T extends { businessDay: string }>(xs: readonly T[]) => xs.filter((x) => x.businessDay === DAY);
const handedBack = (refunds: readonly RefundRecord[], method?: TenderMethod) =>
  sum(refunds.flatMap((r) => r.tenders.filter((t) => !method || t.method === method).map((t) => t.amount)));

describe('figures: identities on random days', () => {
  test('property: net = gross − discounts − refunds; Σ by category = Σ by staff = net', () => {
    fc.assert(
      fc.property(day, (input) => {
        const f = computeFigures(input);
        expect(f.net).toBe(f.gross - f.discounts - f.refunds);
        expect(sum(f.byCategory.map((c) => c.net))).toBe(f.net);
        expect(sum(f.byStaff.map((s) => s.net))).toBe(f.net);
        expect(sum(f.taxByRate.map((r) => r.tax))).toBe(f.tax);
      }),
      { numRuns: 300 },
    );
  });

  test('property: Σ tender sales − Σ refunds (split over tenders) = collected; collected = net + tax added on top', () => {
    fc.assert(
      fc.property(day, (input) => {
        const f = computeFigures(input);
        const refunds = onDay(input.refunds);
        const tenderSales = sum(TENDER_METHODS.map((m) => f.tenders[m].sales));
        expect(tenderSales - handedBack(refunds)).toBe(f.collected);
        expect(sum(refunds.flatMap((r) => r.lines.map((l) => l.amount)))).toBe(handedBack(refunds));
        for (const m of TENDER_METHODS) expect(f.tenders[m].refunded).toBe(handedBack(refunds, m));
        expect(sum(TENDER_METHODS.map((m) => f.tenders[m].collected))).toBe(f.collected);
        expect(f.collected).toBe(f.net + f.taxAdded);
        expect(f.inconsistentOrders).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('property: expected cash = float + cash sales − cash refunds + pay-ins − pay-outs − safe drops', () => {
    fc.assert(
      fc.property(day, (input) => {
        const f = computeFigures(input);
        const cashSales = sum(onDay(input.sales).flatMap((s) => s.payments.filter((p) => p.method === 'cash').map((p) => p.amount)));
        const cashRefunds = handedBack(onDay(input.refunds), 'cash');
        const move = (k: string) => sum(input.drawer.filter((d) => d.kind === k).map((d) => d.amount));
        expect(f.expectedCash).toBe(input.openingFloat + cashSales - cashRefunds + move('pay_in') - move('pay_out') - move('safe_drop'));
        expect(f.expectedCash).toBe(input.openingFloat + f.tenders.cash.collected + f.drawer.payIns - f.drawer.payOuts - f.drawer.safeDrops);
      }),
      { numRuns: 300 },
    );
  });

  test('property: report totals equal the sums of the stored orders (cancelled ones too) and refunds of the day; other days count for nothing; every figure is an integer', () => {
    fc.assert(
      fc.property(day, (input) => {
        const f = computeFigures(input);
        const counted = onDay(input.sales);
        const refunds = onDay(input.refunds);
        expect(f.ordersCount).toBe(counted.length);
        expect(f.refundsCount).toBe(refunds.length);
        expect(f.cancellations).toBe(refunds.filter((r) => r.kind === 'cancel').length);
        expect(f.gross).toBe(sum(counted.map((s) => s.subtotal)));
        expect(f.discounts).toBe(sum(counted.map((s) => s.discountTotal)));
        expect(f.tax + sum(refunds.flatMap((r) => r.lines.map((l) => l.tax)))).toBe(sum(counted.map((s) => s.taxTotal)));
        expect(sum(TENDER_METHODS.map((m) => f.tenders[m].sales))).toBe(sum(counted.map((s) => s.total)));
        const ints: number[] = [];
        JSON.stringify(f, (_k, v: unknown) => (typeof v === 'number' && ints.push(v), v));
        for (const n of ints) expect(Number.isSafeInteger(n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('property: refunds of an order never exceed it; a cancelled order and its cancel on the same day net to nothing', () => {
    fc.assert(
      fc.property(day, (input) => {
        for (const sale of input.sales) {
          const mine = input.refunds.filter((r) => r.orderId === sale.orderId);
          const back = handedBack(mine);
          const tax = sum(mine.flatMap((r) => r.lines.map((l) => l.tax)));
          if (sale.status === 'cancelled') {
            expect(back).toBe(sale.total);
            expect(tax).toBe(sale.taxTotal);
            for (const m of TENDER_METHODS) expect(handedBack(mine.filter((r) => r.kind === 'cancel'), m)).toBeLessThanOrEqual(sum(sale.payments.filter((p) => p.method === m).map((p) => p.amount)));
          } else {
            expect(back).toBeLessThanOrEqual(sale.total);
            expect(tax).toBeLessThanOrEqual(sale.taxTotal);
          }
        }
        const cancelled = input.sales.filter((s) => s.status === 'cancelled' && s.businessDay === DAY);
        const theirRefunds = input.refunds.filter((r) => cancelled.some((s) => s.orderId === r.orderId));
        if (theirRefunds.some((r) => r.businessDay !== DAY)) return;
        const f = computeFigures({ sales: cancelled, refunds: theirRefunds, openingFloat: input.openingFloat, days: input.days });
        // (Per tender, a refund to another tender earlier may have moved money between cash and card.)
        expect(f).toMatchObject({ net: 0, tax: 0, taxAdded: 0, collected: 0, refundsCount: theirRefunds.length, cancellations: cancelled.length });
        for (const c of f.byCategory) expect(c.net).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('figures: hand-computed examples', () => {
  const sale = (over: Partial<SaleRecord>): SaleRecord => ({
    orderId: 'a',
    businessDay: DAY,
    status: 'completed',
    staffName: 'Bea T.',
    hour: 9,
    discountReason: '',
    taxRateBp: 1200,
    pricesIncludeTax: true,
    subtotal: 0,
    discountTotal: 0,
    taxTotal: 0,
    total: 0,
    lines: [],
    payments: [],
    ...over,
  });

  test('tax-inclusive: latte + 2 croissants at 12% incl., cash 500 → change 145; a 100 pay-out; float 2000', () => {
    // 35500 incl. 12%: tax 3804 (see money.test.ts)
    const s = sale({
      subtotal: 35500,
      taxTotal: 3804,
      total: 35500,
      lines: [
        { itemId: 'latte', modifiers: [], quantity: 1, gross: 16500, discount: 0, tax: 1768, categoryName: 'Coffee' },
        { itemId: 'croissant', modifiers: [], quantity: 2, gross: 19000, discount: 0, tax: 2036, categoryName: 'Pastry' },
      ],
      payments: [{ method: 'cash', amount: 35500, change: 14500 }],
    });
    const f = computeFigures({ sales: [s], drawer: [{ businessDay: DAY, kind: 'pay_out', amount: 10000 }], openingFloat: 200000 });
    expect(f).toMatchObject({ gross: 35500, discounts: 0, refunds: 0, net: 35500, tax: 3804, taxAdded: 0, collected: 35500, ordersCount: 1, averageOrder: 35500 });
    expect(f.byCategory).toEqual([{ name: 'Coffee', net: 16500 }, { name: 'Pastry', net: 19000 }]);
    expect(f.expectedCash).toBe(200000 + 35500 - 10000);
  });

  test('tax-exclusive with a discount and a card refund of one line; a cancelled order counts as a sale plus its cancel; averages round half-up', () => {
    // 20500 at 7.5% excl., 500 discount → taxable 20000, tax 1500, total 21500
    const a = sale({
      taxRateBp: 750,
      pricesIncludeTax: false,
      subtotal: 20500,
      discountTotal: 500,
      taxTotal: 1500,
      total: 21500,
      lines: [
        { itemId: 'latte', modifiers: [], quantity: 1, gross: 13000, discount: 500, tax: 938, categoryName: 'Coffee' },
        { itemId: 'croissant', modifiers: [], quantity: 1, gross: 7500, discount: 0, tax: 562, categoryName: 'Pastry' },
      ],
      payments: [{ method: 'card', amount: 10000, change: 0 }, { method: 'cash', amount: 11500, change: 500 }],
    });
    const b = sale({ orderId: 'b', taxRateBp: 750, pricesIncludeTax: false, subtotal: 1, taxTotal: 0, total: 1, lines: [{ itemId: 'sencha', modifiers: [], quantity: 1, gross: 1, discount: 0, tax: 0, categoryName: 'Tea' }], payments: [{ method: 'cash', amount: 1, change: 0 }] });
    const cancelled = sale({ orderId: 'c', status: 'cancelled', subtotal: 99999, total: 99999, lines: [{ itemId: 'sencha', modifiers: [], quantity: 1, gross: 99999, discount: 0, tax: 0, categoryName: 'Tea' }], payments: [{ method: 'cash', amount: 99999, change: 0 }] });
    // The pastry back to the original tenders (card first): 7500 + its 562 tax.
    const refund: RefundRecord = { refundId: 'r', orderId: 'a', businessDay: DAY, kind: 'refund', reason: 'Stale', hour: 10, tenders: [{ method: 'card', amount: 8062 }], staffName: 'Bea T.', taxRateBp: 750, pricesIncludeTax: false, lines: [{ itemId: 'croissant', categoryName: 'Pastry', amount: 8062, tax: 562 }] };
    const cancel: RefundRecord = { refundId: 'rc', orderId: 'c', businessDay: DAY, kind: 'cancel', reason: 'Customer left', hour: 11, tenders: [{ method: 'cash', amount: 99999 }], staffName: 'Bea T.', taxRateBp: 1200, pricesIncludeTax: true, lines: [{ itemId: 'sencha', categoryName: 'Tea', amount: 99999, tax: 0 }] };
    const f = computeFigures({ sales: [a, b, cancelled], refunds: [refund, cancel] });
    expect(f).toMatchObject({ gross: 120500, discounts: 500, refunds: 107499, net: 12501, tax: 938, taxAdded: 938, ordersCount: 3, refundsCount: 2, cancellations: 1 });
    expect(f.tenders).toEqual({ cash: { sales: 111500, refunded: 99999, collected: 11501 }, card: { sales: 10000, refunded: 8062, collected: 1938 }, other: { sales: 0, refunded: 0, collected: 0 } });
    expect(f.collected).toBe(13439);
    expect(f.averageOrder).toBe(40000); // (120500 − 500) / 3
    expect(f.byCategory).toEqual([{ name: 'Coffee', net: 12500 }, { name: 'Pastry', net: 0 }, { name: 'Tea', net: 1 }]);
    expect(f.taxByRate).toEqual([{ rateBp: 750, tax: 938 }, { rateBp: 1200, tax: 0 }]);
    expect(f.inconsistentOrders).toEqual([]);
    expect(computeFigures({ sales: [b, { ...b, orderId: 'd', subtotal: 2, total: 2, lines: [{ ...b.lines[0]!, gross: 2 }], payments: [{ method: 'cash', amount: 2, change: 0 }] }] }).averageOrder).toBe(2); // 1.5 → 2 (half-up)
  });

  test('a refund whose tenders do not add up to its lines is refused', () => {
    const refund: RefundRecord = { refundId: 'r', orderId: 'a', businessDay: DAY, kind: 'refund', reason: 'Stale', hour: 10, tenders: [{ method: 'cash', amount: 99 }], staffName: 'Bea T.', taxRateBp: 1200, pricesIncludeTax: true, lines: [{ itemId: 'sencha', categoryName: 'Tea', amount: 100, tax: 0 }] };
    expect(() => computeFigures({ sales: [], refunds: [refund] })).toThrow('tenders 99 differ from its lines 100');
  });

  test('stored totals that disagree with their lines or payments are flagged', () => {
    const bad = sale({ subtotal: 100, total: 100, lines: [{ itemId: 'sencha', modifiers: [], quantity: 1, gross: 90, discount: 0, tax: 0, categoryName: 'Tea' }], payments: [{ method: 'cash', amount: 100, change: 0 }] });
    expect(computeFigures({ sales: [bad] }).inconsistentOrders).toEqual(['a']);
  });
});

describe('facts and the rollups path (issue 10)', () => {
  test('property: the figures summed from per-day rollup rows equal computeFigures over the records (the report and the Z report cannot drift)', () => {
    fc.assert(
      fc.property(day, (input) => {
        const rows = new RollupRows();
        for (const s of input.sales) saleFacts(s, rows);
        for (const r of input.refunds) refundFacts(r, rows);
        // What a report of DAY reads: that day's rows, summed per dimension and key.
        const totals = new FigureTotals();
        for (const [d, dim, key, n, qty, gross, discounts, refunds, tax] of rows.all()) if (d === DAY) totals.add(d, dim, key, n, qty, gross, discounts, refunds, tax);
        const { byCategory, byStaff, drawer: _d, expectedCash: _e, inconsistentOrders: _i, ...headline } = computeFigures(input);
        expect(summaryOf(totals)).toEqual(headline);
        const net = (dim: 'staff' | 'hour') => [...totals.of(dim).values()].reduce((a, x) => a + netOf(x), 0);
        expect(net('staff')).toBe(headline.net);
        expect(net('hour')).toBe(headline.net);
        expect(sum(byStaff.map((s) => s.net))).toBe(headline.net);
        expect(sum(byCategory.map((c) => c.net))).toBe(sum([...totals.of('item').values()].map(netOf)));
        // Refunds by reason hand back what the tenders did; discounts by reason add up to the discounts.
        expect(sum([...totals.of('refundReason').values()].map((a) => a.refunds))).toBe(handedBack(onDay(input.refunds)));
        expect(sum([...totals.of('discountReason').values()].map((a) => a.discounts))).toBe(headline.discounts);
      }),
      { numRuns: 300 },
    );
  });
});
