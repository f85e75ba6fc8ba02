// What makes two cart additions "the same line", and moving a line to a new key (a new note or new
// options) — merging it into an identical line when there is one.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { cartItems } from '../../db/schema';
import { conflict } from '../core/errors';
import { MAX_LINE_QUANTITY } from '../shared/money';

type LineRow = typeof cartItems.$inferSelect;

/**
 * Two additions are the same line when the item, the chosen options and the note match. The ids
 * are sorted (repeats kept: 2 pumps of vanilla ≠ 1) so a reordered group still merges equal lines.
 */
export const lineKeyOf = (menuItemId: string, optionIds: readonly string[], note: string): string =>
  `${menuItemId}|${[...optionIds].sort().join(',')}|${note}`;

const sameDiscount = (a: LineRow, b: LineRow) => a.discountKind === b.discountKind && a.discountValue === b.discountValue;

/**
 * Gives a line new options and/or a new note. When that makes it equal to another line of the
 * cart, the two merge into the older one: quantities add (at most MAX_LINE_QUANTITY) and a line
 * discount stays — the edited line's when only it has one; two different discounts are refused
 * rather than one silently dropped.
 */
export function rekeyLine(db: Db, line: LineRow, optionIds: string[], note: string): void {
  const key = lineKeyOf(line.menuItemId, optionIds, note);
  if (key === line.lineKey) {
    // Same choice (perhaps listed in another order): keep the stored list in the menu's order.
    db.update(cartItems).set({ optionIds }).where(eq(cartItems.id, line.id)).run();
    return;
  }
  // Not the line itself: a key that differs in JS can still match the stored one (e.g. a lone
  // surrogate is stored as U+FFFD), and "merging" a line into itself deleted it.
  const twin = db
    .select()
    .from(cartItems)
    .where(and(eq(cartItems.cartId, line.cartId), eq(cartItems.lineKey, key), ne(cartItems.id, line.id)))
    .get();
  if (!twin) {
    db.update(cartItems).set({ optionIds, note, lineKey: key }).where(eq(cartItems.id, line.id)).run();
    return;
  }
  if (twin.quantity + line.quantity > MAX_LINE_QUANTITY) {
    throw conflict(`That would make ${twin.quantity + line.quantity} on one line: at most ${MAX_LINE_QUANTITY} of one item on a line`);
  }
  if (line.discountKind && twin.discountKind && !sameDiscount(line, twin)) {
    throw conflict('Both lines have a different discount: remove one of them first, then change the line');
  }
  const discount = !twin.discountKind && line.discountKind
    ? { discountKind: line.discountKind, discountValue: line.discountValue, discountReason: line.discountReason, discountApprovedBy: line.discountApprovedBy }
    : {};
  db.delete(cartItems).where(eq(cartItems.id, line.id)).run();
  db.update(cartItems).set({ quantity: twin.quantity + line.quantity, ...discount }).where(eq(cartItems.id, twin.id)).run();
}
