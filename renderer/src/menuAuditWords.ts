// The menu's audit entries in words: "Latte: ₱130.00 → ₱140.00", "Latte: sold out for today",
// "Frappes: renamed “Frozen”", "Iced Latte: added at ₱165.00 in “Espresso”, copied from “Latte”".
// Main records words-ready values ({ name, price, currency, isAvailable, soldOutUntil, … }) so
// an entry reads the same after the item is renamed or the shop changes currency.
import { CURRENCIES, formatMoney, toMoneyInput, type Currency } from '../../electron/shared/money';

type MenuValue = Record<string, unknown> & { name: string };

const MENU_KEYS = new Set([
  'name',
  'price',
  'currency',
  'isAvailable',
  'soldOutUntil',
  'category',
  'sku',
  'color',
  'description',
  'isFavorite',
  'archived',
  'groups',
  'copiedFrom',
  'kind',
  'order',
  'itemsMovedTo',
  'itemsMoved',
  'itemsArchived',
  'itemsRestored',
]);

/** A menu item, option or category value: a name and only menu keys, with something to say. */
export function isMenuValue(v: unknown): v is MenuValue {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.name === 'string' &&
    Object.keys(o).every((k) => MENU_KEYS.has(k)) &&
    (typeof o.price === 'number' || typeof o.isAvailable === 'boolean' || o.kind === 'drink' || o.kind === 'food' || Array.isArray(o.order))
  );
}

const isCurrency = (v: unknown): v is Currency => typeof v === 'string' && Object.hasOwn(CURRENCIES, v);

/** Money from an audit value: with its currency's symbol when the entry recorded one. */
function money(amount: unknown, currency: unknown): string {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) return JSON.stringify(amount) ?? '—';
  return isCurrency(currency) ? formatMoney(amount, currency) : toMoneyInput(amount);
}

const list = (v: unknown): string => (Array.isArray(v) && v.length > 0 ? v.join(', ') : 'none');
const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;

/** on, off ("sold out", until turned back on) or today ("sold out for today"). */
function availability(v: MenuValue): 'on' | 'off' | 'today' | null {
  if (typeof v.isAvailable !== 'boolean') return null;
  if (!v.isAvailable) return 'off';
  return typeof v.soldOutUntil === 'number' ? 'today' : 'on';
}

const AVAILABILITY_WORDS = { on: 'available again', off: 'sold out', today: 'sold out for today' } as const;

/** One changed menu row in words; only what changed is named. */
export function describeMenuChange(before: MenuValue, after: MenuValue): string {
  const parts: string[] = [];
  const changed = (k: string) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) && k in after;
  if (changed('price')) parts.push(`${money(before.price, before.currency)} → ${money(after.price, after.currency)}`);
  const was = availability(before);
  const now = availability(after);
  if (now && was !== now) parts.push(AVAILABILITY_WORDS[now]);
  if (changed('name')) parts.push(`renamed “${after.name}”`);
  if (changed('category')) parts.push(`moved to “${String(after.category)}”`);
  if (changed('kind')) parts.push(`now ${String(after.kind)}`);
  if (changed('sku')) parts.push(after.sku ? `code ${String(after.sku)}` : 'code removed');
  if (changed('description')) parts.push('description changed');
  if (changed('color')) parts.push(`colour ${after.color ? String(after.color) : 'default'}`);
  if (changed('isFavorite')) parts.push(after.isFavorite ? 'added to favourites' : 'removed from favourites');
  if (changed('groups')) parts.push(`options ${list(before.groups)} → ${list(after.groups)}`);
  if (changed('order')) parts.push(`order ${list(after.order)}`);
  if (changed('archived')) parts.push(after.archived ? 'archived' : 'restored');
  if (typeof after.itemsMovedTo === 'string' && typeof after.itemsMoved === 'number' && after.itemsMoved > 0) {
    parts.push(`${items(after.itemsMoved)} moved to “${after.itemsMovedTo}”`);
  }
  if (typeof after.itemsArchived === 'number' && after.itemsArchived > 0) parts.push(`${items(after.itemsArchived)} archived with it`);
  if (typeof after.itemsRestored === 'number' && after.itemsRestored > 0) parts.push(`${items(after.itemsRestored)} restored with it`);
  return `${before.name}: ${parts.length > 0 ? parts.join(', ') : 'no change'}`;
}

/** A new menu row: "Mocha Frappe: added at ₱180.00 in “Frappes”". */
export function describeNewMenuValue(v: MenuValue): string {
  let text = `${v.name}: added`;
  if (typeof v.price === 'number') text += ` at ${money(v.price, v.currency)}`;
  if (typeof v.category === 'string') text += ` in “${v.category}”`;
  if (typeof v.copiedFrom === 'string') text += `, copied from “${v.copiedFrom}”`;
  const state = availability(v);
  if (state && state !== 'on') text += `, ${AVAILABILITY_WORDS[state]}`;
  return text;
}
