// A count of the drawer (opening float, blind count): by note and coin in the shop's currency, or
// one amount. Stored as { "<value>": count } (null for one amount) next to its total.
import type { CashCountInput, CashCountView } from '../shared/contract';
import { DENOMINATIONS, formatMoney, type Currency, type Minor } from '../shared/money';
import { invalid } from '../core/errors';

/** More than this in one drawer (₱1,000,000,000.00) is a slipped digit, not a count. */
const MAX_DRAWER: Minor = 100_000_000_000;

export interface CountedCash {
  total: Minor;
  /** Denomination → how many (notes and coins counted as none are left out); null: one amount. */
  counts: Record<string, number> | null;
}

/**
 * Checks a count against the currency's notes and coins and totals it (Σ value × count).
 * `field` names the input for the error message ("float", "count").
 */
export function readCashCount(input: CashCountInput, currency: Currency, field: string): CountedCash {
  if (input.counts === undefined) return { total: input.amount ?? 0, counts: null };
  const allowed = DENOMINATIONS[currency];
  const counts: Record<string, number> = {};
  const seen = new Set<number>();
  let total = 0;
  for (const [i, { value, count }] of input.counts.entries()) {
    if (!allowed.includes(value)) {
      throw invalid(`${formatMoney(value, currency)} is not a ${currency} note or coin`, { [`${field}.counts.${i}.value`]: 'Not a note or coin of this currency' });
    }
    if (seen.has(value)) throw invalid(`Enter ${formatMoney(value, currency)} once`, { [`${field}.counts.${i}.value`]: 'Entered twice' });
    seen.add(value);
    total += value * count;
    if (count > 0) counts[String(value)] = count;
  }
  if (!Number.isSafeInteger(total) || total > MAX_DRAWER) {
    throw invalid('That is more cash than a drawer holds: check the counts', { [`${field}.counts`]: 'Check the counts' });
  }
  return { total, counts };
}

/** A count back as the contract's view, largest note first (`counts` as stored, JSON text, or parsed). */
export function cashCountView(total: Minor, counts: Record<string, number> | string | null): CashCountView {
  if (counts === null) return { total, counts: [] };
  const parsed: Record<string, number> = typeof counts === 'string' ? (JSON.parse(counts) as Record<string, number>) : counts;
  return {
    total,
    counts: Object.entries(parsed)
      .map(([value, count]) => ({ value: Number(value), count }))
      .sort((a, b) => b.value - a.value),
  };
}
