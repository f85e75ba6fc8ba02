import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeFigures, TENDER_METHODS, type DrawerMovementRecord, type RefundRecord, type SaleRecord } from '../../electron/reports/figures';
import { allocate, MAX_UNIT_PRICE, orderTotals, settleTenders, taxFor, type Discount, type Tender } from '../../electron/shared/money';

const CATEGORIES = ['Coffee', 'Pastry', 'Tea'];
const STAFF = ['Bea T.', 'Max P.', 'Olivia R.'];
const DAY = '2026-11-23';

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
      category: fc.constantFrom(...CATEGORIES),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  orderDiscount: discount,
  staff: fc.constantFrom(...STAFF),
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
    businessDay: spec.nextDay ? '2026-11-24' : DAY,
    status: spec.cancelled ? 'cancelled' : 'completed',
    staffName: spec.staff,
    taxRateBp: p.rateBp,
    pricesIncludeTax: p.pricesIncludeTax,
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    lines: spec.lines.map((l, k) => ({
      quantity: l.quantity,
      gross: l.unitPrice * l.quantity,
      discount: totals.lineDiscounts[k]!,
      tax: totals.lineTaxes[k]!,
      categoryName: l.category,
    })),
    payments: settled.payments.map((x) => ({ method: x.method, amount: x.amount, change: x.change })),
  };
}

/** A partial refund of a sale: a share of each line's charged amount, tax computed as the checkout would. */
function makeRefund(sale: SaleRecord, shareBp: number, method: 'cash' | 'card' | 'other', i: number): RefundRecord {
  const p = { rateBp: sale.taxRateBp, pricesIncludeTax: sale.pricesIncludeTax };
  const amounts = sale.lines.map((l) => Math.floor(((l.gross - l.discount) * shareBp) / 10_000));
  const salesBasis = amounts.reduce((a, b) => a + b, 0);
  const tax = taxFor(salesBasis, p);
  const taxes = allocate(tax, amounts);
  return {
    refundId: `r${i}`,
    orderId: sale.orderId,
    businessDay: DAY,
    method,
    staffName: sale.staffName,
    taxRateBp: sale.taxRateBp,
    pricesIncludeTax: sale.pricesIncludeTax,
    lines: sale.lines.map((l, k) => ({
      categoryName: l.categoryName,
      amount: amounts[k]! + (sale.pricesIncludeTax ? 0 : taxes[k]!),
      tax: taxes[k]!,
    })),
  };
}

const day = fc
  .record({
    sales: fc.array(fc.tuple(saleSpec, policy), { maxLength: 12 }),
    refunds: fc.array(fc.record({ of: fc.nat(), shareBp: fc.integer({ min: 0, max: 10_000 }), method: fc.constantFrom(...TENDER_METHODS) }), { maxLength: 4 }),
    drawer: fc.array(
      fc.record({ kind: fc.constantFrom('pay_in' as const, 'pay_out' as const, 'safe_drop' as const, 'no_sale' as const), amount: fc.integer({ min: 1, max: 500_000 }) }),
      { maxLength: 6 },
    ),
    float: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ sales, refunds, drawer, float }) => {
    const saleRecords = sales.map(([s, p], i) => makeSale(s, p, i));
    const refundable = saleRecords.filter((s) => s.status !== 'cancelled');
    const refundRecords = refundable.length === 0 ? [] : refunds.map((r, i) => makeRefund(refundable[r.of % refundable.length]!, r.shareBp, r.method, i));
    const moves: DrawerMovementRecord[] = drawer.map((d) => ({ businessDay: DAY, kind: d.kind, amount: d.kind === 'no_sale' ? 0 : d.amount }));
    return { sales: saleRecords, refunds: refundRecords, drawer: moves, openingFloat: float, days: { from: DAY, to: DAY } };
  });

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

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

  test('property: Σ tender sales − Σ refunds = collected; collected = net + tax added on top', () => {
    fc.assert(
      fc.property(day, (input) => {
        const f = computeFigures(input);
        const tenderSales = sum(TENDER_METHODS.map((m) => f.tenders[m].sales));
        const refunded = sum(input.refunds.flatMap((r) => r.lines.map((l) => l.amount)));
        expect(tenderSales - refunded).toBe(f.collected);
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
        const counted = input.sales.filter((s) => s.status !== 'cancelled' && s.businessDay === DAY);
        const cashSales = sum(counted.flatMap((s) => s.payments.filter((p) => p.method === 'cash').map((p) => p.amount)));
        const cashRefunds = sum(input.refunds.filter((r) => r.method === 'cash').flatMap((r) => r.lines.map((l) => l.amount)));
        const move = (k: string) => sum(input.drawer.filter((d) => d.kind === k).map((d) => d.amount));
        expect(f.expectedCash).toBe(input.openingFloat + cashSales - cashRefunds + move('pay_in') - move('pay_out') - move('safe_drop'));
        expect(f.expectedCash).toBe(input.openingFloat + f.tenders.cash.collected + f.drawer.payIns - f.drawer.payOuts - f.drawer.safeDrops);
      }),
      { numRuns: 300 },
    );
  });

  test('property: report totals equal the sums of the stored orders; cancelled and other days count for nothing; every figure is an integer', () => {
    fc.assert(
      fc.property(day, (input) => {
        const f = computeFigures(input);
        const counted = input.sales.filter((s) => s.status !== 'cancelled' && s.businessDay === DAY);
        expect(f.ordersCount).toBe(counted.length);
        expect(f.gross).toBe(sum(counted.map((s) => s.subtotal)));
        expect(f.discounts).toBe(sum(counted.map((s) => s.discountTotal)));
        expect(f.tax + sum(input.refunds.flatMap((r) => r.lines.map((l) => l.tax)))).toBe(sum(counted.map((s) => s.taxTotal)));
        expect(sum(TENDER_METHODS.map((m) => f.tenders[m].sales))).toBe(sum(counted.map((s) => s.total)));
        const ints: number[] = [];
        JSON.stringify(f, (_k, v: unknown) => (typeof v === 'number' && ints.push(v), v));
        for (const n of ints) expect(Number.isSafeInteger(n)).toBe(true);
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
        { quantity: 1, gross: 16500, discount: 0, tax: 1768, categoryName: 'Coffee' },
        { quantity: 2, gross: 19000, discount: 0, tax: 2036, categoryName: 'Pastry' },
      ],
      payments: [{ method: 'cash', amount: 35500, change: 14500 }],
    });
    const f = computeFigures({ sales: [s], drawer: [{ businessDay: DAY, kind: 'pay_out', amount: 10000 }], openingFloat: 200000 });
    expect(f).toMatchObject({ gross: 35500, discounts: 0, refunds: 0, net: 35500, tax: 3804, taxAdded: 0, collected: 35500, ordersCount: 1, averageOrder: 35500 });
    expect(f.byCategory).toEqual([{ name: 'Coffee', net: 16500 }, { name: 'Pastry', net: 19000 }]);
    expect(f.expectedCash).toBe(200000 + 35500 - 10000);
  });

  test('tax-exclusive with a discount and a partial card refund; a cancelled order and averages round half-up', () => {
    // 20500 at 7.5% excl., 500 discount → taxable 20000, tax 1500, total 21500
    const a = sale({
      taxRateBp: 750,
      pricesIncludeTax: false,
      subtotal: 20500,
      discountTotal: 500,
      taxTotal: 1500,
      total: 21500,
      lines: [
        { quantity: 1, gross: 13000, discount: 500, tax: 938, categoryName: 'Coffee' },
        { quantity: 1, gross: 7500, discount: 0, tax: 562, categoryName: 'Pastry' },
      ],
      payments: [{ method: 'card', amount: 10000, change: 0 }, { method: 'cash', amount: 11500, change: 500 }],
    });
    const b = sale({ orderId: 'b', taxRateBp: 750, pricesIncludeTax: false, subtotal: 1, taxTotal: 0, total: 1, lines: [{ quantity: 1, gross: 1, discount: 0, tax: 0, categoryName: 'Tea' }], payments: [{ method: 'cash', amount: 1, change: 0 }] });
    const cancelled = sale({ orderId: 'c', status: 'cancelled', subtotal: 99999, total: 99999, lines: [{ quantity: 1, gross: 99999, discount: 0, tax: 0, categoryName: 'Tea' }], payments: [{ method: 'cash', amount: 99999, change: 0 }] });
    const refund: RefundRecord = { refundId: 'r', orderId: 'a', businessDay: DAY, method: 'card', staffName: 'Bea T.', taxRateBp: 750, pricesIncludeTax: false, lines: [{ categoryName: 'Pastry', amount: 8063, tax: 563 }] };
    const f = computeFigures({ sales: [a, b, cancelled], refunds: [refund] });
    expect(f).toMatchObject({ gross: 20501, discounts: 500, refunds: 7500, net: 12501, tax: 937, taxAdded: 937, ordersCount: 2, refundsCount: 1 });
    expect(f.tenders).toEqual({ cash: { sales: 11501, refunded: 0, collected: 11501 }, card: { sales: 10000, refunded: 8063, collected: 1937 }, other: { sales: 0, refunded: 0, collected: 0 } });
    expect(f.collected).toBe(13438);
    expect(f.averageOrder).toBe(10001); // 20001 / 2 = 10000.5 → 10001 (half-up)
    expect(f.byCategory).toEqual([{ name: 'Coffee', net: 12500 }, { name: 'Pastry', net: 0 }, { name: 'Tea', net: 1 }]);
    expect(f.inconsistentOrders).toEqual([]);
  });

  test('stored totals that disagree with their lines or payments are flagged', () => {
    const bad = sale({ subtotal: 100, total: 100, lines: [{ quantity: 1, gross: 90, discount: 0, tax: 0, categoryName: 'Tea' }], payments: [{ method: 'cash', amount: 100, change: 0 }] });
    expect(computeFigures({ sales: [bad] }).inconsistentOrders).toEqual(['a']);
  });
});
