import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ServiceError } from '../../electron/core/errors';
import {
  orderRefundable,
  planEverything,
  planRefund,
  refundTenders,
  type LineState,
  type PaidMethod,
  type RefundPlan,
} from '../../electron/refunds/refundMath';
import type { RefundWhat } from '../../electron/shared/contract';
import { MAX_UNIT_PRICE, mulDivRoundHalfUp, orderTotals, settleTenders, type Discount, type Tender } from '../../electron/shared/money';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** An order's lines exactly as the checkout stores them (orderTotals), nothing refunded yet. */
function soldLines(spec: OrderSpec): { lines: LineState[]; total: number; taxTotal: number } {
  const totals = orderTotals(spec.lines, spec.policy, spec.discount);
  const lines = spec.lines.map((l, i) => {
    const tax = totals.lineTaxes[i]!;
    return {
      lineId: `l${i}`,
      name: `Item ${i}`,
      quantity: l.quantity,
      lineTotal: l.unitPrice * l.quantity - totals.lineDiscounts[i]! + (spec.policy.pricesIncludeTax ? 0 : tax),
      lineTax: tax,
      refundedQty: 0,
      refundedAmount: 0,
      refundedTax: 0,
    };
  });
  return { lines, total: totals.total, taxTotal: totals.taxTotal };
}

/** The lines after a refund was written: refunded is derived, as from refund_lines. */
function apply(lines: LineState[], plan: RefundPlan): LineState[] {
  return lines.map((l) => {
    const taken = plan.lines.filter((p) => p.lineId === l.lineId);
    return {
      ...l,
      refundedQty: l.refundedQty + sum(taken.map((p) => p.quantity)),
      refundedAmount: l.refundedAmount + sum(taken.map((p) => p.amount)),
      refundedTax: l.refundedTax + sum(taken.map((p) => p.tax)),
    };
  });
}

const discount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 50_000 }) }),
);
const orderSpec = fc.record({
  lines: fc.array(fc.record({ unitPrice: fc.integer({ min: 0, max: MAX_UNIT_PRICE }), quantity: fc.integer({ min: 1, max: 12 }), discount }), { minLength: 1, maxLength: 5 }),
  policy: fc.record({ rateBp: fc.integer({ min: 0, max: 5000 }), pricesIncludeTax: fc.boolean() }),
  discount,
});
type OrderSpec = typeof orderSpec extends fc.Arbitrary<infer T> ? T : never;

/** A refund request picked against the order's lines (indexes and shares wrap around). */
const request = fc.oneof(
  fc.record({ kind: fc.constant('lines' as const), picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 14 })), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('amount' as const), shareBp: fc.integer({ min: 1, max: 12_000 }) }),
  fc.record({ kind: fc.constant('all' as const) }),
);
type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

function whatOf(r: Request, lines: readonly LineState[]): RefundWhat {
  if (r.kind === 'all') return { kind: 'all' };
  if (r.kind === 'amount') return { kind: 'amount', amount: Math.max(1, Math.floor((sum(lines.map((l) => l.lineTotal)) * r.shareBp) / 10_000)) };
  const picked = new Map<string, number>();
  for (const [i, q] of r.picks) picked.set(lines[i % lines.length]!.lineId, q);
  return { kind: 'lines', lines: [...picked].map(([lineId, quantity]) => ({ lineId, quantity })) };
}

/** Plans a refund; a refusal (a ServiceError) is part of the game and changes nothing. */
function tryPlan(lines: readonly LineState[], what: RefundWhat): RefundPlan | null {
  try {
    return planRefund(lines, what, 'PHP');
  } catch (error) {
    if (error instanceof ServiceError) return null;
    throw error;
  }
}

describe('refund math: properties on random orders and refund sequences', () => {
  test('property: never more than sold per line and in total; each line tax within its amount; a final refund of everything lands exactly on total and tax', () => {
    fc.assert(
      fc.property(orderSpec, fc.array(request, { maxLength: 8 }), (spec, requests) => {
        const sold = soldLines(spec);
        let lines = sold.lines;
        for (const r of requests) {
          const before = orderRefundable(lines);
          const plan = tryPlan(lines, whatOf(r, lines));
          if (!plan) continue;
          expect(plan.amount).toBeGreaterThan(0);
          expect(plan.amount).toBeLessThanOrEqual(before);
          expect(plan.amount).toBe(sum(plan.lines.map((l) => l.amount)));
          expect(plan.tax).toBe(sum(plan.lines.map((l) => l.tax)));
          for (const p of plan.lines) {
            expect(p.amount).toBeGreaterThanOrEqual(0);
            expect(p.tax).toBeGreaterThanOrEqual(0);
            expect(p.tax).toBeLessThanOrEqual(p.amount);
          }
          lines = apply(lines, plan);
          for (const l of lines) {
            expect(l.refundedQty).toBeLessThanOrEqual(l.quantity);
            expect(l.refundedAmount).toBeLessThanOrEqual(l.lineTotal);
            expect(l.refundedTax).toBeLessThanOrEqual(l.lineTax);
          }
          expect(sum(lines.map((l) => l.refundedAmount))).toBeLessThanOrEqual(sold.total);
        }
        lines = apply(lines, planEverything(lines));
        expect(sum(lines.map((l) => l.refundedAmount))).toBe(sold.total);
        expect(sum(lines.map((l) => l.refundedTax))).toBe(sold.taxTotal);
        for (const l of lines) expect(l.refundedQty).toBe(l.quantity);
        expect(planEverything(lines)).toEqual({ lines: [], amount: 0, tax: 0 });
      }),
      { numRuns: 500 },
    );
  });

  test('property: back to the original tenders, card and other first, never more than was paid on a tender; all of it lands exactly on each', () => {
    fc.assert(
      fc.property(
        orderSpec,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(request, { maxLength: 6 }),
        (spec, cardShareBp, otherShareBp, requests) => {
          const sold = soldLines(spec);
          const card = Math.floor((sold.total * cardShareBp) / 10_000);
          const other = Math.floor(((sold.total - card) * otherShareBp) / 10_000);
          const tenders: Tender[] = [];
          if (other > 0) tenders.push({ method: 'other', amount: other });
          if (sold.total - card - other > 0) tenders.push({ method: 'cash', tendered: sold.total - card - other });
          if (card > 0) tenders.push({ method: 'card', amount: card });
          const settled = settleTenders(sold.total, tenders, 'PHP');
          if (!settled.ok) throw new Error(settled.message);
          let paid: PaidMethod[] = settled.payments.map((p) => ({ method: p.method, paid: p.amount, refunded: 0 }));
          let lines = sold.lines;
          const refundAll = (plan: RefundPlan) => {
            const back = refundTenders(plan.amount, paid, 'original');
            expect(sum(back.map((b) => b.amount))).toBe(plan.amount);
            // Cash only once card and other hold nothing more.
            if (back.some((b) => b.method === 'cash')) {
              for (const p of paid) if (p.method !== 'cash') expect(p.paid - p.refunded - (back.find((b) => b.method === p.method)?.amount ?? 0)).toBe(0);
            }
            paid = paid.map((p) => ({ ...p, refunded: p.refunded + sum(back.filter((b) => b.method === p.method).map((b) => b.amount)) }));
            for (const p of paid) expect(p.refunded).toBeLessThanOrEqual(p.paid);
            lines = apply(lines, plan);
          };
          for (const r of requests) {
            const plan = tryPlan(lines, whatOf(r, lines));
            if (plan) refundAll(plan);
          }
          refundAll(planEverything(lines));
          for (const p of paid) expect(p.refunded).toBe(p.paid);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('property: mulDivRoundHalfUp is exact past 2^53', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 45 }), (a, b, c) => {
        const p = BigInt(a) * BigInt(b);
        const q = p / BigInt(c);
        const expected = Number((p - q * BigInt(c)) * 2n >= BigInt(c) ? q + 1n : q);
        expect(mulDivRoundHalfUp(a, b, c)).toBe(expected);
      }),
    );
  });
});

describe('refund math: hand-computed examples', () => {
  // 3 lattes at ₱165.00 with 12% included: line 49500, tax 5304 (49500 × 12/112 = 5303.57).
  const latte = (): LineState => ({ lineId: 'latte', name: 'Latte', quantity: 3, lineTotal: 49500, lineTax: 5304, refundedQty: 0, refundedAmount: 0, refundedTax: 0 });
  const one = { kind: 'lines' as const, lines: [{ lineId: 'latte', quantity: 1 }] };

  test('1 of 3 lattes, twice, then the third: 165.00 each with 17.68 tax, exactly the line', () => {
    let lines = [latte()];
    const plans = [0, 1, 2].map(() => {
      const plan = planRefund(lines, one, 'PHP');
      lines = apply(lines, plan);
      return plan;
    });
    expect(plans.map((p) => [p.amount, p.tax])).toEqual([
      [16500, 1768],
      [16500, 1768],
      [16500, 1768],
    ]);
    expect(() => planRefund(lines, one, 'PHP')).toThrow('Latte has already been refunded in full');
  });

  test('refusals say what is left', () => {
    let lines = [latte()];
    lines = apply(lines, planRefund(lines, { kind: 'lines', lines: [{ lineId: 'latte', quantity: 2 }] }, 'PHP'));
    expect(() => planRefund(lines, { kind: 'lines', lines: [{ lineId: 'latte', quantity: 2 }] }, 'PHP')).toThrow('Only 1 of 3 Latte is left to refund');
    expect(() => planRefund(lines, { kind: 'amount', amount: 16501 }, 'PHP')).toThrow('At most ₱165.00 is left to refund on this order');
    expect(() => planRefund(lines, { kind: 'lines', lines: [{ lineId: 'nope', quantity: 1 }] }, 'PHP')).toThrow('That line is not on this order');
    lines = apply(lines, planRefund(lines, { kind: 'all' }, 'PHP'));
    expect(() => planRefund(lines, { kind: 'all' }, 'PHP')).toThrow('Nothing is left to refund on this order');
    expect(() => planRefund(lines, { kind: 'amount', amount: 1 }, 'PHP')).toThrow('Nothing is left to refund on this order');
  });

  test('an amount is spread by what each line has left; then "all" takes exactly the rest', () => {
    const croissant: LineState = { lineId: 'c', name: 'Croissant', quantity: 1, lineTotal: 9500, lineTax: 1018, refundedQty: 0, refundedAmount: 0, refundedTax: 0 };
    let lines = [latte(), croissant];
    const part = planRefund(lines, { kind: 'amount', amount: 11800 }, 'PHP');
    expect(part.lines).toEqual([
      { lineId: 'latte', quantity: 0, amount: 9900, tax: 1061 },
      { lineId: 'c', quantity: 0, amount: 1900, tax: 204 },
    ]);
    lines = apply(lines, part);
    const rest = planRefund(lines, { kind: 'all' }, 'PHP');
    expect(rest.amount).toBe(49500 + 9500 - 11800);
    expect(rest.tax).toBe(5304 + 1018 - 1061 - 204);
    expect(rest.lines.map((l) => l.quantity)).toEqual([3, 1]);
  });

  test('many one-centavo refunds never leave more tax than money on a line', () => {
    let lines: LineState[] = [{ lineId: 'x', name: 'Tea', quantity: 1, lineTotal: 30, lineTax: 10, refundedQty: 0, refundedAmount: 0, refundedTax: 0 }];
    for (let i = 0; i < 29; i++) lines = apply(lines, planRefund(lines, { kind: 'amount', amount: 1 }, 'PHP'));
    const last = planRefund(lines, { kind: 'all' }, 'PHP');
    expect(last).toMatchObject({ amount: 1 });
    expect(last.tax).toBeLessThanOrEqual(1);
    expect(lines[0]!.refundedTax + last.tax).toBe(10);
  });

  test('tenders: original fills card and other in payment order, cash last; a chosen tender takes it all', () => {
    const paid: PaidMethod[] = [
      { method: 'cash', paid: 10000, refunded: 0 },
      { method: 'card', paid: 5000, refunded: 1000 },
      { method: 'other', paid: 2000, refunded: 0 },
    ];
    expect(refundTenders(7000, paid, 'original')).toEqual([
      { method: 'card', amount: 4000 },
      { method: 'other', amount: 2000 },
      { method: 'cash', amount: 1000 },
    ]);
    expect(refundTenders(3000, paid, 'original')).toEqual([{ method: 'card', amount: 3000 }]);
    expect(refundTenders(3000, paid, 'cash')).toEqual([{ method: 'cash', amount: 3000 }]);
    expect(refundTenders(0, paid, 'original')).toEqual([]);
  });
});
