import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  allocate,
  changeDue,
  discountsWithin,
  divRoundHalfUp,
  effectiveDiscountBp,
  formatMoney,
  formatRate,
  LARGEST_NOTE,
  lineTotal,
  MAX_UNIT_PRICE,
  maxCashTender,
  orderTotals,
  parseMoney,
  quickTenders,
  settleTenders,
  taxFor,
  toMoneyInput,
  CURRENCY_CODES,
  type Tender,
} from '../../electron/shared/money';

const line = fc.record({ unitPrice: fc.integer({ min: 0, max: MAX_UNIT_PRICE }), quantity: fc.integer({ min: 1, max: 999 }) });
const policy = fc.record({ rateBp: fc.integer({ min: 0, max: 5000 }), pricesIncludeTax: fc.boolean() });

describe('rounding rule: tax once per order, half-up', () => {
  test('examples', () => {
    expect(divRoundHalfUp(15, 10)).toBe(2);
    expect(divRoundHalfUp(14, 10)).toBe(1);
    expect(divRoundHalfUp(25, 10)).toBe(3); // half-up, not half-even
    expect(taxFor(35500, { rateBp: 1200, pricesIncludeTax: true })).toBe(3804); // 3803.57
    expect(taxFor(20500, { rateBp: 750, pricesIncludeTax: false })).toBe(1538); // 1537.5
    expect(taxFor(10000, { rateBp: 0, pricesIncludeTax: false })).toBe(0);
  });

  test('property: the rounded tax is within half a minor unit of the exact tax', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), policy, (amount, p) => {
        const tax = taxFor(amount, p);
        const den = p.pricesIncludeTax ? 10_000 + p.rateBp : 10_000;
        // |tax − amount·rate/den| ≤ ½  ⇔  |2·tax·den − 2·amount·rate| ≤ den, all in integers
        expect(Math.abs(2 * tax * den - 2 * amount * p.rateBp)).toBeLessThanOrEqual(den);
      }),
    );
  });
});

describe('order totals', () => {
  test('property: line totals sum to the subtotal; line taxes sum to the tax; total is consistent', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 0, maxLength: 30 }), policy, (lines, p) => {
        const t = orderTotals(lines, p);
        expect(lines.map(lineTotal).reduce((a, b) => a + b, 0)).toBe(t.subtotal);
        expect(t.lineTaxes.reduce((a, b) => a + b, 0)).toBe(t.taxTotal);
        expect(t.lineTaxes.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
        expect(t.total).toBe(p.pricesIncludeTax ? t.subtotal : t.subtotal + t.taxTotal);
        expect(t.total).toBeGreaterThanOrEqual(0);
        if (p.pricesIncludeTax) expect(t.taxTotal).toBeLessThanOrEqual(t.subtotal);
      }),
    );
  });

  test('property: allocation splits exactly and proportionally (each part within 1 of its share)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        if (sum > 0) parts.forEach((p, i) => expect(Math.abs(p * sum - total * weights[i]!)).toBeLessThan(sum));
      }),
    );
  });

  test('non-integer money is refused', () => {
    expect(() => lineTotal({ unitPrice: 1.5, quantity: 1 })).toThrow(RangeError);
    expect(() => lineTotal({ unitPrice: 100, quantity: 0 })).toThrow(RangeError);
    expect(() => taxFor(0.1, { rateBp: 1200, pricesIncludeTax: true })).toThrow(RangeError);
  });
});

describe('cash', () => {
  test('property: change is never negative; covered tenders give tendered − total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (total, tendered) => {
        const change = changeDue(total, tendered);
        if (tendered < total) expect(change).toBeNull();
        else expect(change).toBe(tendered - total);
        if (change !== null) expect(change).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test('quick tenders start with exact and only go up', () => {
    expect(quickTenders(35500)).toEqual([35500, 36000, 40000, 50000]); // exact, then ₱20, ₱100, ₱500 notes
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), (total) => {
        const q = quickTenders(total);
        expect(q[0]).toBe(total);
        q.slice(1).forEach((v) => expect(v).toBeGreaterThan(total));
      }),
    );
  });

  test('parseMoney reads what people type, in minor units', () => {
    expect(parseMoney('500')).toBe(50000);
    expect(parseMoney('500.5')).toBe(50050);
    expect(parseMoney('1,250.05')).toBe(125005);
    expect(parseMoney(' 20 ')).toBe(2000);
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', '.']) expect(parseMoney(bad)).toBeNull();
  });

  test('property: format and parse round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (m) => {
        expect(parseMoney(formatMoney(m, 'USD').slice(1))).toBe(m);
        expect(parseMoney(toMoneyInput(m))).toBe(m);
      }),
    );
  });

  test('formatting', () => {
    expect(formatMoney(123456)).toBe('₱1,234.56');
    expect(formatMoney(5)).toBe('₱0.05');
    expect(formatMoney(-1500, 'USD')).toBe('-$15.00');
    expect(formatRate(1200)).toBe('12%');
    expect(formatRate(750)).toBe('7.5%');
    expect(formatRate(825)).toBe('8.25%');
  });
});

const discount = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 5_000_000 }) }),
  ),
  { nil: null },
);
const discountedLine = fc.record({
  unitPrice: fc.integer({ min: 0, max: MAX_UNIT_PRICE }),
  quantity: fc.integer({ min: 1, max: 50 }),
  discount,
});

describe('discounts and split tenders (property tests)', () => {
  test('discounts never make a line or the order negative, and everything still adds up', () => {
    fc.assert(
      fc.property(fc.array(discountedLine, { minLength: 1, maxLength: 15 }), policy, discount, (lines, p, orderDiscount) => {
        const t = orderTotals(lines, p, orderDiscount);
        expect(t.total).toBeGreaterThanOrEqual(0);
        expect(t.discountTotal).toBeLessThanOrEqual(t.subtotal);
        expect(t.lineDiscounts.reduce((a, b) => a + b, 0)).toBe(t.discountTotal);
        expect(t.lineTaxes.reduce((a, b) => a + b, 0)).toBe(t.taxTotal);
        lines.forEach((l, i) => expect(t.lineDiscounts[i]!).toBeLessThanOrEqual(lineTotal(l)));
        // the rounding rule: tax once, half-up, on the discounted amount
        expect(t.taxTotal).toBe(taxFor(t.subtotal - t.discountTotal, p));
        expect(t.total).toBe(t.subtotal - t.discountTotal + (p.pricesIncludeTax ? 0 : t.taxTotal));
      }),
    );
  });

  const tender: fc.Arbitrary<Tender> = fc.oneof(
    fc.record({ method: fc.constant('cash' as const), tendered: fc.integer({ min: 1, max: 2_000_000 }) }),
    fc.record({ method: fc.constantFrom('card' as const, 'other' as const), amount: fc.integer({ min: 1, max: 1_000_000 }) }),
  );

  test('a settled split always pays exactly the total; change is never negative and only from cash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.array(tender, { minLength: 1, maxLength: 6 }), (total, tenders) => {
        const r = settleTenders(total, tenders, 'PHP');
        if (!r.ok) return;
        expect(r.payments.reduce((a, p) => a + p.amount, 0)).toBe(total);
        expect(r.change).toBeGreaterThanOrEqual(0);
        r.payments.forEach((p) => {
          expect(p.change).toBeGreaterThanOrEqual(0);
          expect(p.tendered).toBe(p.amount + p.change);
          if (p.method !== 'cash') expect(p.change).toBe(0);
        });
      }),
    );
  });

  test('when the tenders cover the total without card overpaying, the split settles', () => {
    fc.assert(
      // extra cash up to one ₱1,000 note: more is refused as a slipped digit (see the tender cap below)
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: LARGEST_NOTE.PHP }), (total, cardPercent, extraCash) => {
        const card = Math.floor((total * cardPercent) / 100);
        const tenders: Tender[] = [];
        if (card > 0) tenders.push({ method: 'card', amount: card });
        if (total - card > 0) tenders.push({ method: 'cash', tendered: total - card + extraCash });
        const r = settleTenders(total, tenders, 'PHP');
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.change).toBe(total - card > 0 ? extraCash : 0);
      }),
    );
  });
});

describe('tender cap and zero totals (issue 7 items 16, 19)', () => {
  test('₱1,000,000 tendered on a ₱260 sale is refused, stating the maximum', () => {
    const r = settleTenders(26000, [{ method: 'cash', tendered: 100_000_000 }], 'PHP');
    expect(r).toEqual({ ok: false, message: 'Check the cash: ₱1,000,000.00 is more than this sale can take (at most ₱1,260.00)', maxCash: 126000 });
    expect(settleTenders(26000, [{ method: 'cash', tendered: 126000 }], 'PHP')).toMatchObject({ ok: true, change: 100000 });
    expect(settleTenders(26000, [{ method: 'cash', tendered: 126001 }], 'PHP')).toMatchObject({ ok: false, maxCash: 126000 });
    // the cap follows the currency's largest note, and the cash still due after a card
    expect(settleTenders(2600, [{ method: 'cash', tendered: 13000 }], 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('at most $126.00') });
    expect(settleTenders(26000, [{ method: 'card', amount: 20000 }, { method: 'cash', tendered: 106001 }], 'PHP')).toMatchObject({ ok: false, maxCash: 106000 });
  });

  test('property: cash settles exactly when due ≤ tendered ≤ due + the largest note; change never exceeds that note', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000_000_000 }), (currency, total, tendered) => {
        const r = settleTenders(total, [{ method: 'cash', tendered }], currency);
        expect(r.ok).toBe(tendered >= total && tendered <= maxCashTender(total, currency));
        if (r.ok) expect(r.change).toBeLessThanOrEqual(LARGEST_NOTE[currency]);
        else if (tendered > total) expect(r).toMatchObject({ maxCash: total + LARGEST_NOTE[currency] });
      }),
    );
  });

  test('a zero total settles with no tender at all, and any tender on it is refused', () => {
    expect(settleTenders(0, [], 'PHP')).toEqual({ ok: true, payments: [], change: 0 });
    for (const tender of [{ method: 'cash', tendered: 100 }, { method: 'card', amount: 1 }, { method: 'other', amount: 5 }] as Tender[]) {
      expect(settleTenders(0, [tender], 'PHP')).toEqual({ ok: false, message: 'This order comes to nothing: complete it without taking a payment' });
    }
    expect(settleTenders(16500, [], 'PHP')).toMatchObject({ ok: false, still: 16500 });
  });
});

describe('effective discount of the whole order (issue 7 item 6)', () => {
  const noTax = { rateBp: 0, pricesIncludeTax: true };
  test('a 5% line discount and a 5% order discount are 9.75% off; an amount discount grows as the quantity falls', () => {
    const fivePercent = { kind: 'percent' as const, value: 500 };
    expect(effectiveDiscountBp(orderTotals([{ unitPrice: 16500, quantity: 1, discount: fivePercent }], noTax, fivePercent))).toBe(975);
    const amount = { kind: 'amount' as const, value: 16499 }; // just under 5% of 20 lattes
    expect(effectiveDiscountBp(orderTotals([{ unitPrice: 16500, quantity: 20, discount: amount }], noTax))).toBe(500);
    expect(effectiveDiscountBp(orderTotals([{ unitPrice: 16500, quantity: 1, discount: amount }], noTax))).toBe(9999);
    expect(effectiveDiscountBp({ subtotal: 0, discountTotal: 0 })).toBe(0);
  });

  test('property: the limit is on all discounts together, and rounding never refuses a discount of the limit itself', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 15 }), fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (lines, limitBp, perLine) => {
        const limit = { kind: 'percent' as const, value: limitBp };
        const t = perLine ? orderTotals(lines.map((l) => ({ ...l, discount: limit })), noTax) : orderTotals(lines, noTax, limit);
        expect(discountsWithin(lines, t, limitBp)).toBe(true);
        // both at once is over, unless nothing is discounted or everything already is
        const both = orderTotals(lines.map((l) => ({ ...l, discount: limit })), noTax, limit);
        if (both.discountTotal > t.discountTotal + lines.length) expect(discountsWithin(lines, both, limitBp)).toBe(false);
        // an approved cap (rounded up) always holds the discounts it was taken from
        expect(discountsWithin(lines, both, effectiveDiscountBp(both, 'up'))).toBe(true);
      }),
    );
  });

  test('the two reproductions: 5% + 5% is over a 5% limit; an amount just within it on 20 lattes is over once cut to 1', () => {
    const five = { kind: 'percent' as const, value: 500 };
    const latte = { unitPrice: 16500, quantity: 1, discount: five };
    expect(discountsWithin([latte], orderTotals([latte], noTax, five), 500)).toBe(false);
    expect(discountsWithin([latte], orderTotals([latte], noTax), 500)).toBe(true);
    const amount = { kind: 'amount' as const, value: 16500 };
    const twenty = { unitPrice: 16500, quantity: 20, discount: amount };
    expect(discountsWithin([twenty], orderTotals([twenty], noTax), 500)).toBe(true);
    const one = { ...twenty, quantity: 1 };
    expect(discountsWithin([one], orderTotals([one], noTax), 500)).toBe(false);
  });
});
