import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  allocate,
  changeDue,
  divRoundHalfUp,
  formatMoney,
  formatRate,
  lineTotal,
  MAX_UNIT_PRICE,
  orderTotals,
  parseMoney,
  quickTenders,
  taxFor,
  toMoneyInput,
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
