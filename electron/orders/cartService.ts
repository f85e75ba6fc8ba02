import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '../../db/ids';
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
  private readonly linesQuery;
  private readonly openCartQuery;

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
    this.deps.db.insert(carts).values({ id, userId, terminalId: this.deps.terminal.id, createdAt: now, updatedAt: now }).run();
    return id;
  }

  addItem(userId: string, menuItemId: string, quantity = 1): CartView {
    this.deps.sqlite.transaction(() => {
      const item = this.menu.requireSellable(menuItemId);
      const cartId = this.openCartId(userId);
      const now = this.deps.clock.now();
      const line = this.deps.db
        .insert(cartItems)
        .values({ id: newId(now), cartId, menuItemId: item.id, lineKey: item.id, quantity, addedAt: now })
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.lineKey],
          set: { quantity: sql`${cartItems.quantity} + excluded.quantity` },
        })
        .returning({ quantity: cartItems.quantity })
        .get();
      if (line.quantity > MAX_LINE_QUANTITY) throw conflict(`At most ${MAX_LINE_QUANTITY} of one item on a line`);
      this.deps.db.update(carts).set({ updatedAt: now }).where(eq(carts.id, cartId)).run();
    })();
    return this.view(userId);
  }

  private requireOwnLine(userId: string, lineId: string): void {
    const line = this.deps.db
      .select({ id: cartItems.id })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .where(and(eq(cartItems.id, lineId), eq(carts.userId, userId), eq(carts.status, 'open')))
      .get();
    if (!line) throw notFound('That cart line');
  }

  setQuantity(userId: string, lineId: string, quantity: number): CartView {
    this.deps.sqlite.transaction(() => {
      this.requireOwnLine(userId, lineId);
      this.deps.db.update(cartItems).set({ quantity }).where(eq(cartItems.id, lineId)).run();
    })();
    return this.view(userId);
  }

  removeLine(userId: string, lineId: string): CartView {
    this.deps.sqlite.transaction(() => {
      this.requireOwnLine(userId, lineId);
      this.deps.db.delete(cartItems).where(eq(cartItems.id, lineId)).run();
    })();
    return this.view(userId);
  }

  /** Deletes the open cart and its lines; used by "clear" and inside checkout's transaction. */
  discardOpenCart(userId: string): void {
    this.deps.db.delete(carts).where(and(eq(carts.userId, userId), eq(carts.status, 'open'))).run();
  }

  clear(userId: string): CartView {
    this.deps.sqlite.transaction(() => this.discardOpenCart(userId))();
    return this.view(userId);
  }
}
