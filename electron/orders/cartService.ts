import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { draftTransaction } from '../../db/open';
import { cartItems, carts, menuItems } from '../../db/schema';
import type { CartDiscountView, CartLineView, CartView, ChosenOptionView, ParsedInput } from '../shared/contract';
import {
  MAX_LINE_QUANTITY,
  discountAmount,
  lineTotal,
  orderTotals,
  type Discount,
  type OrderTotals,
  type PricedLine,
  type TaxPolicy,
} from '../shared/money';
import type { ApprovalStore } from '../accounts/approvals';
import type { Session } from '../accounts/sessions';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';
import type { MenuService } from '../menu/menuService';
import { availableNow } from '../menu/soldOut';
import type { SettingsStore } from '../settings/shopSettings';
import { lineKeyOf, rekeyLine } from './cartLines';
import { assertWithin, DiscountRules, priced } from './discountRules';

export interface CartLineRow {
  id: string;
  menuItemId: string;
  name: string;
  /** Base price plus today's option deltas. */
  unitPrice: number;
  quantity: number;
  note: string;
  options: ChosenOptionView[];
  discount: (Discount & { reason: string; approvedBy: string | null }) | null;
  isAvailable: boolean;
  archivedAt: number | null;
}

export interface StoredDiscount extends Discount {
  reason: string;
  approvedBy: string | null;
}

const storedDiscount = (kind: 'percent' | 'amount' | null, value: number, reason: string, approvedBy: string | null): StoredDiscount | null =>
  kind ? { kind, value, reason, approvedBy } : null;

/** A cart's order discount as stored, with who approved it. */
export const discountOf = (cart: { discountKind: 'percent' | 'amount' | null; discountValue: number; discountReason: string; discountApprovedBy: string | null }): StoredDiscount | null =>
  storedDiscount(cart.discountKind, cart.discountValue, cart.discountReason, cart.discountApprovedBy);

export { lineKeyOf } from './cartLines';

/**
 * The signed-in person's open cart: one per staff member, kept in the database so it survives a
 * restart. Draft writes use draftTransaction (no fsync); checkout is the durable write.
 */
export class CartService {
  // Prepared once: building a drizzle query costs more than running it, and this is the hot path.
  private readonly linesQuery;
  private readonly openCartQuery;
  private readonly insertCart;
  private readonly upsertLine;
  private readonly touchCart;
  private readonly ownLineQuery;
  private readonly setLineQuantity;
  private readonly deleteLine;
  private readonly deleteOpenCart;
  private readonly rules: DiscountRules;

  constructor(
    private readonly deps: Deps,
    private readonly menu: MenuService,
    private readonly settings: SettingsStore,
    private readonly staff: StaffDirectory,
    approvals: ApprovalStore,
    private readonly audit: AuditLog,
  ) {
    this.rules = new DiscountRules(settings, approvals);
    const { db } = deps;
    const p = <T extends string>(name: T) => sql.placeholder(name);
    // A literal, not a bound parameter, so SQLite can use the partial index `carts_one_open_per_user`.
    const isOpen = sql`${carts.status} = 'open'`;
    this.openCartQuery = db
      .select()
      .from(carts)
      .where(and(eq(carts.userId, p('userId')), isOpen))
      .prepare();
    this.linesQuery = db
      .select({
        line: cartItems,
        name: menuItems.name,
        basePrice: menuItems.basePrice,
        isAvailable: menuItems.isAvailable,
        soldOutUntil: menuItems.soldOutUntil,
        archivedAt: menuItems.archivedAt,
      })
      .from(cartItems)
      .innerJoin(menuItems, eq(menuItems.id, cartItems.menuItemId))
      .where(eq(cartItems.cartId, p('cartId')))
      .orderBy(asc(cartItems.addedAt), asc(cartItems.id))
      .prepare();
    this.insertCart = db
      .insert(carts)
      .values({ id: p('id'), userId: p('userId'), terminalId: p('terminalId'), createdAt: p('now'), updatedAt: p('now') })
      .prepare();
    this.upsertLine = db
      .insert(cartItems)
      .values({
        id: p('id'),
        cartId: p('cartId'),
        menuItemId: p('menuItemId'),
        lineKey: p('lineKey'),
        quantity: p('quantity'),
        note: p('note'),
        optionIds: p('optionIds'),
        addedAt: p('now'),
      })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.lineKey], set: { quantity: sql`${cartItems.quantity} + excluded.quantity` } })
      .returning({ quantity: cartItems.quantity })
      .prepare();
    this.touchCart = db.update(carts).set({ updatedAt: sql`${p('now')}` }).where(eq(carts.id, p('cartId'))).prepare();
    this.ownLineQuery = db
      .select({ line: cartItems })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .where(and(eq(cartItems.id, p('lineId')), eq(carts.userId, p('userId')), isOpen))
      .prepare();
    this.setLineQuantity = db.update(cartItems).set({ quantity: sql`${p('quantity')}` }).where(eq(cartItems.id, p('lineId'))).prepare();
    this.deleteLine = db.delete(cartItems).where(eq(cartItems.id, p('lineId'))).prepare();
    this.deleteOpenCart = db.delete(carts).where(and(eq(carts.userId, p('userId')), isOpen)).prepare();
  }

  taxPolicy(): TaxPolicy {
    const shop = this.settings.requireShop();
    return { rateBp: shop.taxRateBp, pricesIncludeTax: shop.pricesIncludeTax };
  }

  openCart(userId: string) {
    return this.openCartQuery.get({ userId });
  }

  /** Lines of any cart (open or parked), with today's prices and options (checkout snapshots them). */
  cartLines(cartId: string): CartLineRow[] {
    const now = this.deps.clock.now();
    return this.linesQuery.all({ cartId }).map(({ line, name, basePrice, isAvailable, soldOutUntil, archivedAt }) => {
      const options = this.menu.describeOptions(line.optionIds);
      return {
        id: line.id,
        menuItemId: line.menuItemId,
        name,
        unitPrice: basePrice + options.reduce((a, o) => a + o.priceDelta, 0),
        quantity: line.quantity,
        note: line.note,
        options,
        discount: storedDiscount(line.discountKind, line.discountValue, line.discountReason, line.discountApprovedBy),
        // Sold out for today counts until the next business day starts (checkout refuses the line).
        isAvailable: availableNow({ isAvailable, soldOutUntil }, now),
        archivedAt,
      };
    });
  }

  private discountView(d: StoredDiscount | null): CartDiscountView | null {
    return d && { kind: d.kind, value: d.value, reason: d.reason, approvedBy: d.approvedBy ? (this.staff.findById(d.approvedBy)?.displayName ?? null) : null };
  }

  view(userId: string): CartView {
    const cart = this.openCart(userId);
    const rows = cart ? this.cartLines(cart.id) : [];
    const policy = this.taxPolicy();
    const discount = cart ? discountOf(cart) : null;
    const totals = orderTotals(rows, policy, discount);
    const lines: CartLineView[] = rows.map((r, i) => ({
      id: r.id,
      menuItemId: r.menuItemId,
      name: r.name,
      unitPrice: r.unitPrice,
      quantity: r.quantity,
      options: r.options,
      note: r.note,
      lineTotal: lineTotal(r),
      discount: this.discountView(r.discount),
      lineDiscount: discountAmount(lineTotal(r), r.discount),
    }));
    return {
      lines,
      discount: this.discountView(discount),
      contactName: cart?.contactName ?? '',
      contactPhone: cart?.contactPhone ?? '',
      specialInstructions: cart?.specialInstructions ?? '',
      itemCount: rows.reduce((n, r) => n + r.quantity, 0),
      totals: { subtotal: totals.subtotal, discountTotal: totals.discountTotal, taxTotal: totals.taxTotal, total: totals.total },
      taxRateBp: policy.rateBp,
      pricesIncludeTax: policy.pricesIncludeTax,
    };
  }

  private openCartId(userId: string): string {
    const existing = this.openCart(userId);
    if (existing) return existing.id;
    const now = this.deps.clock.now();
    const id = newId(now);
    this.insertCart.run({ id, userId, terminalId: this.deps.terminal.id, now });
    return id;
  }

  private putLine(cartId: string, menuItemId: string, optionIds: string[], note: string, quantity: number): void {
    const now = this.deps.clock.now();
    const line = this.upsertLine.get({
      id: newId(now),
      cartId,
      menuItemId,
      lineKey: lineKeyOf(menuItemId, optionIds, note),
      quantity,
      note,
      optionIds,
      now,
    });
    if (!line || line.quantity > MAX_LINE_QUANTITY) throw conflict(`At most ${MAX_LINE_QUANTITY} of one item on a line`);
    this.touchCart.run({ cartId, now });
  }

  addItem(userId: string, input: { menuItemId: string; quantity?: number; optionIds?: string[]; note?: string }): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const item = this.menu.requireSellable(input.menuItemId);
      const optionIds = this.menu.resolveOptions(item.id, input.optionIds);
      this.putLine(this.openCartId(userId), item.id, optionIds, input.note ?? '', input.quantity ?? 1);
    });
    return this.view(userId);
  }

  addBySku(userId: string, sku: string): CartView {
    return this.addItem(userId, { menuItemId: this.menu.findBySku(sku).id });
  }

  private requireOwnLine(userId: string, lineId: string) {
    const row = this.ownLineQuery.get({ lineId, userId });
    if (!row) throw notFound('That cart line');
    return row.line;
  }

  setQuantity(userId: string, lineId: string, quantity: number): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const line = this.requireOwnLine(userId, lineId);
      this.setLineQuantity.run({ lineId, quantity });
      this.touchCart.run({ cartId: line.cartId, now: this.deps.clock.now() });
    });
    return this.view(userId);
  }

  /** A new note makes it a different line; if that line exists already the two merge. */
  setLineNote(userId: string, lineId: string, note: string): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const line = this.requireOwnLine(userId, lineId);
      rekeyLine(this.deps.db, line, line.optionIds, note);
      this.touchCart.run({ cartId: line.cartId, now: this.deps.clock.now() });
    });
    return this.view(userId);
  }

  /** New options for a line, checked as when adding (sold out, min/max, repeats); an equal line merges. */
  setLineOptions(userId: string, lineId: string, optionIds: string[]): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const line = this.requireOwnLine(userId, lineId);
      rekeyLine(this.deps.db, line, this.menu.resolveOptions(line.menuItemId, optionIds), line.note);
      this.touchCart.run({ cartId: line.cartId, now: this.deps.clock.now() });
    });
    return this.view(userId);
  }

  removeLine(userId: string, lineId: string): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const line = this.requireOwnLine(userId, lineId);
      this.deleteLine.run({ lineId });
      this.touchCart.run({ cartId: line.cartId, now: this.deps.clock.now() });
    });
    return this.view(userId);
  }

  setDetails(userId: string, input: ParsedInput<'cart.setDetails'>): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const cartId = this.openCartId(userId);
      this.deps.db
        .update(carts)
        .set({
          ...(input.contactName !== undefined && { contactName: input.contactName }),
          ...(input.contactPhone !== undefined && { contactPhone: input.contactPhone }),
          ...(input.specialInstructions !== undefined && { specialInstructions: input.specialInstructions }),
          updatedAt: this.deps.clock.now(),
        })
        .where(eq(carts.id, cartId))
        .run();
    });
    return this.view(userId);
  }

  /** Deletes the open cart and its lines; used by "clear" and inside checkout's transaction. */
  discardOpenCart(userId: string): void {
    this.deleteOpenCart.run({ userId });
  }

  clear(userId: string): CartView {
    draftTransaction(this.deps.sqlite, () => this.discardOpenCart(userId));
    return this.view(userId);
  }

  /** At checkout, inside its transaction: the discounts as they stand now must be allowed. */
  assertDiscountAllowed(session: Session, cart: { discountApprovedBp: number | null }, lines: readonly PricedLine[], totals: OrderTotals): void {
    this.rules.assertAllowed(session, cart.discountApprovedBp, lines, totals);
  }

  /** An order discount on the open cart (or none). Audited with the approver. */
  setDiscount(session: Session, input: ParsedInput<'cart.setDiscount'>): CartView {
    const discount = input.discount;
    this.deps.sqlite.transaction(() => {
      const cart = this.openCart(session.userId);
      const rows = cart ? this.cartLines(cart.id) : [];
      if (!cart || rows.length === 0) throw conflict('Add items before giving a discount');
      const before = discountOf(cart);
      const others = priced(rows, null); // line discounts only
      const base = others.totals.total;
      if (discount) assertWithin(base, discount, 'More than the total');
      const change = discount && {
        params: { scope: 'order' as const, kind: discount.kind, value: discount.value },
        others,
      };
      this.rules.authorise(session, change, priced(rows, discount), cart.discountApprovedBp, input.approvalId, (approver, capBp) => {
        this.deps.db
          .update(carts)
          .set({
            discountKind: discount?.kind ?? null,
            discountValue: discount?.value ?? 0,
            discountReason: discount ? (input.reason ?? '') : '',
            discountApprovedBy: approver?.approverId ?? null,
            discountApprovedBp: capBp,
            updatedAt: this.deps.clock.now(),
          })
          .where(eq(carts.id, cart.id))
          .run();
        this.audit.append({
          actorUserId: session.userId,
          approverUserId: approver?.approverId ?? null,
          action: discount ? 'cart.discount' : 'cart.discount.remove',
          entityType: 'cart',
          entityId: cart.id,
          oldValue: before ? { kind: before.kind, value: before.value } : null,
          newValue: discount ? { kind: discount.kind, value: discount.value, amount: discountAmount(base, discount), subtotal: base } : null,
          reason: input.reason ?? '',
        });
      });
    })();
    return this.view(session.userId);
  }

  /** A discount on one line (or none). The same whole-order limit and approval rule as order discounts. */
  setLineDiscount(session: Session, input: ParsedInput<'cart.setLineDiscount'>): CartView {
    const discount = input.discount;
    this.deps.sqlite.transaction(() => {
      const line = this.requireOwnLine(session.userId, input.lineId);
      const cart = this.openCart(session.userId)!;
      const rows = this.cartLines(line.cartId);
      const row = rows.find((r) => r.id === line.id)!;
      const base = lineTotal(row);
      if (discount) assertWithin(base, discount, 'More than the line');
      const orderDiscount = discountOf(cart);
      const withLine = (d: Discount | null) => rows.map((r) => (r.id === line.id ? { ...r, discount: d } : r));
      const change = discount && {
        params: { scope: 'line' as const, lineId: line.id, kind: discount.kind, value: discount.value },
        others: priced(withLine(null), orderDiscount),
      };
      this.rules.authorise(session, change, priced(withLine(discount), orderDiscount), cart.discountApprovedBp, input.approvalId, (approver, capBp) => {
        this.deps.db
          .update(cartItems)
          .set({
            discountKind: discount?.kind ?? null,
            discountValue: discount?.value ?? 0,
            discountReason: discount ? (input.reason ?? '') : '',
            discountApprovedBy: approver?.approverId ?? null,
          })
          .where(eq(cartItems.id, line.id))
          .run();
        this.deps.db.update(carts).set({ discountApprovedBp: capBp, updatedAt: this.deps.clock.now() }).where(eq(carts.id, cart.id)).run();
        this.audit.append({
          actorUserId: session.userId,
          approverUserId: approver?.approverId ?? null,
          action: discount ? 'cart.line.discount' : 'cart.line.discount.remove',
          entityType: 'cart_line',
          entityId: line.id,
          oldValue: row.discount ? { kind: row.discount.kind, value: row.discount.value } : null,
          newValue: discount ? { item: row.name, kind: discount.kind, value: discount.value, amount: discountAmount(base, discount), lineTotal: base } : null,
          reason: input.reason ?? '',
        });
      });
    })();
    return this.view(session.userId);
  }
}
