import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { draftTransaction } from '../../db/open';
import { cartItems, carts, menuItems } from '../../db/schema';
import type { CartLineView, CartView } from '../shared/contract';
import { MAX_LINE_QUANTITY, lineTotal, orderTotals, type TaxPolicy } from '../shared/money';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';
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

  constructor(
    private readonly deps: Deps,
    private readonly menu: MenuService,
    private readonly settings: SettingsStore,
  ) {
    const { db } = deps;
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

  view(userId: string): CartView {
    const rows = this.lines(userId);
    const policy = this.taxPolicy();
    const totals = orderTotals(rows, policy);
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

  clear(userId: string): CartView {
    draftTransaction(this.deps.sqlite, () => this.discardOpenCart(userId));
    return this.view(userId);
  }
}
