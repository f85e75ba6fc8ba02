import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { draftTransaction } from '../../db/open';
import { cartItems, carts, menuItems } from '../../db/schema';
import type { CartDiscountView, CartLineView, CartView, ParsedInput } from '../shared/contract';
import { can } from '../shared/permissions';
import {
  MAX_LINE_QUANTITY,
  discountAmount,
  discountRateBp,
  formatRate,
  lineTotal,
  orderTotals,
  type Discount,
  type TaxPolicy,
} from '../shared/money';
import type { ApprovalStore } from '../accounts/approvals';
import type { Session } from '../accounts/sessions';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid, notFound, ServiceError } from '../core/errors';
import type { MenuService } from '../menu/menuService';
import type { SettingsStore } from '../settings/shopSettings';

export interface CartLineRow {
  id: string;
  menuItemId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  note: string;
  isAvailable: boolean;
  archivedAt: number | null;
}

/** The signed-in person's open cart: one per staff member, kept in the database so it survives a restart. */
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
  private readonly openCartDiscount;

  constructor(
    private readonly deps: Deps,
    private readonly menu: MenuService,
    private readonly settings: SettingsStore,
    private readonly staff: StaffDirectory,
    private readonly approvals: ApprovalStore,
    private readonly audit: AuditLog,
  ) {
    const { db } = deps;
    this.openCartDiscount = db
      .select({
        id: carts.id,
        kind: carts.discountKind,
        value: carts.discountValue,
        reason: carts.discountReason,
        approvedBy: carts.discountApprovedBy,
      })
      .from(carts)
      .where(and(eq(carts.userId, sql.placeholder('userId')), eq(carts.status, 'open')))
      .prepare();
    this.openCartQuery = db
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.userId, sql.placeholder('userId')), eq(carts.status, 'open')))
      .prepare();
    this.linesQuery = db
      .select({
        id: cartItems.id,
        menuItemId: cartItems.menuItemId,
        name: menuItems.name,
        unitPrice: menuItems.basePrice,
        quantity: cartItems.quantity,
        note: cartItems.note,
        isAvailable: menuItems.isAvailable,
        archivedAt: menuItems.archivedAt,
      })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .innerJoin(menuItems, eq(menuItems.id, cartItems.menuItemId))
      .where(and(eq(carts.userId, sql.placeholder('userId')), eq(carts.status, 'open')))
      .orderBy(asc(cartItems.addedAt), asc(cartItems.id))
      .prepare();
    const p = <T extends string>(name: T) => sql.placeholder(name);
    this.insertCart = db
      .insert(carts)
      .values({ id: p('id'), userId: p('userId'), terminalId: p('terminalId'), createdAt: p('now'), updatedAt: p('now') })
      .prepare();
    this.upsertLine = db
      .insert(cartItems)
      .values({ id: p('id'), cartId: p('cartId'), menuItemId: p('menuItemId'), lineKey: p('lineKey'), quantity: p('quantity'), addedAt: p('now') })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.lineKey], set: { quantity: sql`${cartItems.quantity} + excluded.quantity` } })
      .returning({ quantity: cartItems.quantity })
      .prepare();
    this.touchCart = db.update(carts).set({ updatedAt: sql`${p('now')}` }).where(eq(carts.id, p('cartId'))).prepare();
    this.ownLineQuery = db
      .select({ id: cartItems.id, cartId: cartItems.cartId })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .where(and(eq(cartItems.id, p('lineId')), eq(carts.userId, p('userId')), eq(carts.status, 'open')))
      .prepare();
    this.setLineQuantity = db.update(cartItems).set({ quantity: sql`${p('quantity')}` }).where(eq(cartItems.id, p('lineId'))).prepare();
    this.deleteLine = db.delete(cartItems).where(eq(cartItems.id, p('lineId'))).prepare();
    this.deleteOpenCart = db.delete(carts).where(and(eq(carts.userId, p('userId')), eq(carts.status, 'open'))).prepare();
  }

  taxPolicy(): TaxPolicy {
    const shop = this.settings.requireShop();
    return { rateBp: shop.taxRateBp, pricesIncludeTax: shop.pricesIncludeTax };
  }

  /** Current lines with today's prices (checkout snapshots them). */
  lines(userId: string): CartLineRow[] {
    return this.linesQuery.all({ userId });
  }

  /** The open cart's discount, with who approved it (checkout snapshots it). */
  discount(userId: string): (Discount & { reason: string; approvedBy: string | null }) | null {
    const row = this.openCartDiscount.get({ userId });
    return row?.kind ? { kind: row.kind, value: row.value, reason: row.reason, approvedBy: row.approvedBy } : null;
  }

  view(userId: string): CartView {
    const rows = this.lines(userId);
    const policy = this.taxPolicy();
    const discount = this.discount(userId);
    const totals = orderTotals(rows, policy, discount);
    const discountView: CartDiscountView | null = discount && {
      kind: discount.kind,
      value: discount.value,
      reason: discount.reason,
      approvedBy: discount.approvedBy ? (this.staff.findById(discount.approvedBy)?.displayName ?? null) : null,
    };
    const lines: CartLineView[] = rows.map((r) => ({
      id: r.id,
      menuItemId: r.menuItemId,
      name: r.name,
      unitPrice: r.unitPrice,
      quantity: r.quantity,
      lineTotal: lineTotal(r),
    }));
    return {
      lines,
      discount: discountView,
      itemCount: rows.reduce((n, r) => n + r.quantity, 0),
      totals: { subtotal: totals.subtotal, discountTotal: totals.discountTotal, taxTotal: totals.taxTotal, total: totals.total },
      taxRateBp: policy.rateBp,
      pricesIncludeTax: policy.pricesIncludeTax,
    };
  }

  private openCartId(userId: string): string {
    const existing = this.openCartQuery.get({ userId });
    if (existing) return existing.id;
    const now = this.deps.clock.now();
    const id = newId(now);
    this.insertCart.run({ id, userId, terminalId: this.deps.terminal.id, now });
    return id;
  }

  addItem(userId: string, menuItemId: string, quantity = 1): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const item = this.menu.requireSellable(menuItemId);
      const cartId = this.openCartId(userId);
      const now = this.deps.clock.now();
      const line = this.upsertLine.get({ id: newId(now), cartId, menuItemId: item.id, lineKey: item.id, quantity, now });
      if (!line || line.quantity > MAX_LINE_QUANTITY) throw conflict(`At most ${MAX_LINE_QUANTITY} of one item on a line`);
      this.touchCart.run({ cartId, now });
    });
    return this.view(userId);
  }

  private requireOwnLine(userId: string, lineId: string): { cartId: string } {
    const line = this.ownLineQuery.get({ lineId, userId });
    if (!line) throw notFound('That cart line');
    return line;
  }

  setQuantity(userId: string, lineId: string, quantity: number): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const { cartId } = this.requireOwnLine(userId, lineId);
      this.setLineQuantity.run({ lineId, quantity });
      this.touchCart.run({ cartId, now: this.deps.clock.now() });
    });
    return this.view(userId);
  }

  removeLine(userId: string, lineId: string): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const { cartId } = this.requireOwnLine(userId, lineId);
      this.deleteLine.run({ lineId });
      this.touchCart.run({ cartId, now: this.deps.clock.now() });
    });
    return this.view(userId);
  }

  /** Deletes the open cart and its lines; used by "clear" and inside checkout's transaction. */
  discardOpenCart(userId: string): void {
    this.deleteOpenCart.run({ userId });
  }

  /**
   * Puts an order discount on the open cart (or removes it). Above the shop's limit it needs the
   * discount.overLimit permission, or a manager's single-use approval given at the till.
   */
  setDiscount(session: Session, input: ParsedInput<'cart.setDiscount'>): CartView {
    const cartId = this.openCartQuery.get({ userId: session.userId })?.id;
    const rows = this.lines(session.userId);
    if (!cartId || rows.length === 0) throw conflict('Add items before giving a discount');
    const before = this.discount(session.userId);
    const subtotal = rows.reduce((a, r) => a + lineTotal(r), 0);
    const discount = input.discount;
    let approver: { approverId: string; approverName: string } | null = null;
    if (discount) {
      if (discount.kind === 'amount' && discount.value > subtotal) {
        throw invalid('The discount is more than the order', { 'discount.value': 'More than the order total' });
      }
      const limitBp = this.settings.security().discountLimitPercent * 100;
      if (discountRateBp(subtotal, discount) > limitBp && !can(session.role, 'discount.overLimit')) {
        if (!input.approvalId) {
          throw new ServiceError('FORBIDDEN', `Discounts over ${formatRate(limitBp)} need a manager's approval.`);
        }
        approver = this.approvals.consume(input.approvalId, 'discount.overLimit', session);
      }
    }
    const now = this.deps.clock.now();
    this.deps.sqlite.transaction(() => {
      this.deps.db
        .update(carts)
        .set({
          discountKind: discount?.kind ?? null,
          discountValue: discount?.value ?? 0,
          discountReason: discount ? (input.reason ?? '') : '',
          discountApprovedBy: approver?.approverId ?? null,
          updatedAt: now,
        })
        .where(eq(carts.id, cartId))
        .run();
      this.audit.append({
        actorUserId: session.userId,
        approverUserId: approver?.approverId ?? null,
        action: discount ? 'cart.discount' : 'cart.discount.remove',
        entityType: 'cart',
        entityId: cartId,
        oldValue: before ? { kind: before.kind, value: before.value } : null,
        newValue: discount ? { kind: discount.kind, value: discount.value, amount: discountAmount(subtotal, discount), subtotal } : null,
        reason: input.reason ?? '',
      });
    })();
    return this.view(session.userId);
  }

  clear(userId: string): CartView {
    draftTransaction(this.deps.sqlite, () => this.discardOpenCart(userId));
    return this.view(userId);
  }
}
