// The seed's rules for categories and items (000 Category/MenuItem) that both the back office and
// the CSV import apply: slugs from names, optimistic versions, audit values in words-ready form.
import { categories, menuItems } from '../../db/schema';
import { slugify } from '../../db/seed/menu';
import { conflict } from '../core/errors';
import { formatMoney, type Currency } from '../shared/money';
import { soldOutUntilNow } from './soldOut';

type ItemRow = typeof menuItems.$inferSelect;
type CategoryRow = typeof categories.$inferSelect;

/** Names compare like a person reads them: "latte", "Latte" and "LATTE " are one name. */
export const sameName = (a: string, b: string): boolean => a.normalize('NFC').toLocaleLowerCase('en') === b.normalize('NFC').toLocaleLowerCase('en');

/**
 * A slug from the name, made unique with -2, -3…; `taken` says whether a slug is used by another
 * row. A name with no Latin letters or digits ("☕☕") falls back to `fallback`.
 */
export function uniqueSlug(name: string, fallback: string, taken: (slug: string) => boolean): string {
  const base = slugify(name).slice(0, 80).replace(/-+$/, '') || fallback;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const slug = `${base}-${n}`;
    if (!taken(slug)) return slug;
  }
}

/** What the audit log keeps about an item: enough to say "Latte: ₱130.00 → ₱140.00" years later. */
export function itemAuditValue(item: ItemRow, currency: Currency, now: number, category?: string) {
  return {
    name: item.name,
    price: item.basePrice,
    currency,
    isAvailable: item.isAvailable,
    soldOutUntil: soldOutUntilNow(item, now),
    ...(category !== undefined && { category }),
    sku: item.sku,
    color: item.color,
    description: item.description,
    isFavorite: item.isFavorite,
    archived: item.archivedAt !== null,
  };
}

export function categoryAuditValue(c: CategoryRow) {
  return { name: c.name, kind: c.kind, color: c.color, archived: c.archivedAt !== null };
}

/** One field as a person reads it in a conflict message. */
export type Described = readonly [label: string, value: string];

/**
 * The optimistic-version check: an edit made from an older read is refused with both values,
 * what the other person saved and what this one tried, and nothing is written.
 */
export function requireVersion(row: { version: number }, sent: number | undefined, name: string, theirs: readonly Described[], yours: readonly Described[]): void {
  if (sent === undefined || sent === row.version) return;
  const differing = theirs.flatMap(([label, value], i) => (yours[i] && yours[i][1] !== value ? [[label, value, yours[i][1]] as const] : []));
  const detail =
    differing.length === 0
      ? `it now reads ${theirs.slice(0, 3).map(([label, value]) => `${label} ${value}`).join(', ')}`
      : `they saved ${differing.map(([label, value]) => `${label} ${value}`).join(', ')}; you tried ${differing.map(([label, , mine]) => `${label} ${mine}`).join(', ')}`;
  throw conflict(`Someone else changed ${name} meanwhile: ${detail}. Nothing was saved — look at their change and try again.`, {
    version: 'Changed by someone else',
  });
}

export const quoted = (s: string | null | undefined): string => (s ? `“${s}”` : 'none');

export const describeItemFields = (
  v: { name: string; price: number; category: string; sku: string | null; description: string; color: string; isAvailable: boolean; isFavorite: boolean },
  currency: Currency,
): Described[] => [
  ['name', quoted(v.name)],
  ['price', formatMoney(v.price, currency)],
  ['category', quoted(v.category)],
  ['SKU', quoted(v.sku)],
  ['description', quoted(v.description)],
  ['colour', quoted(v.color || 'default')],
  ['available', v.isAvailable ? 'yes' : 'no'],
  ['favourite', v.isFavorite ? 'yes' : 'no'],
];

export const describeCategoryFields = (v: { name: string; kind: string; color: string }): Described[] => [
  ['name', quoted(v.name)],
  ['kind', v.kind],
  ['colour', quoted(v.color || 'default')],
];

/**
 * A price of 0, or a move of more than half of the current price, asks the person first: a
 * slipped digit (₱1,650.00 for ₱165.00) is the classic till mistake.
 */
export function requirePriceConfirmation(name: string, oldPrice: number | null, newPrice: number, confirmed: boolean | undefined, currency: Currency): void {
  if (confirmed) return;
  const big = oldPrice !== null && oldPrice > 0 && Math.abs(newPrice - oldPrice) * 2 > oldPrice;
  const zeroNow = newPrice === 0 && oldPrice !== 0;
  if (!zeroNow && !big) return;
  const to = formatMoney(newPrice, currency);
  const message =
    oldPrice === null
      ? `${name} would be free (${to}). Confirm the price.`
      : newPrice === 0
        ? `${name} would be free: ${formatMoney(oldPrice, currency)} → ${to}. Confirm the price.`
        : `${name}: ${formatMoney(oldPrice, currency)} → ${to} is a change of more than half. Confirm the price.`;
  throw conflict(message, { price: oldPrice === null || newPrice === 0 ? 'Confirm a price of 0' : 'Confirm the new price' });
}
