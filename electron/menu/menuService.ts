import { and, eq, isNull, sql } from 'drizzle-orm';
import { categories, menuItems } from '../../db/schema';
import type { ChosenOptionView, MenuCategoryView, MenuItemView, ModifierGroupView, ParsedInput } from '../shared/contract';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import type { SettingsStore } from '../settings/shopSettings';
import { conflict, notFound, ServiceError } from '../core/errors';
import type { MenuColor } from '../shared/contract/menu';
import { availableNow, soldOutUntilNow } from './soldOut';
import type { ModifierCatalog } from './modifierCatalog';
import { CounterMenu, type MenuChange } from './counterMenu';
import type { Statement } from 'better-sqlite3';

export type { MenuChange };

/** The menu as the counter sees it, and a manager's price and availability changes. */
export class MenuService {
  private readonly sellableQuery;
  /** menu.list and the modifier catalog, kept built between writes (see CounterMenu). */
  private readonly counter: CounterMenu;
  private itemCategoryQuery: Statement<[string], { name: string; categoryId: string }> | undefined;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsStore,
  ) {
    this.sellableQuery = deps.db
      .select({ id: menuItems.id, name: menuItems.name, isAvailable: menuItems.isAvailable, soldOutUntil: menuItems.soldOutUntil })
      .from(menuItems)
      .innerJoin(categories, eq(categories.id, menuItems.categoryId))
      .where(and(eq(menuItems.id, sql.placeholder('id')), isNull(menuItems.archivedAt), isNull(categories.archivedAt)))
      .prepare();
    this.counter = new CounterMenu(deps.sqlite, () => deps.clock.now());
  }

  /** Forget the cached menu (or the part a write changed): every menu write that changes what the counter shows calls it. */
  invalidate(change?: MenuChange): void {
    this.counter.invalidate(change);
  }

  /** Modifier groups and options, cached: main is their only writer; rebuilt when a sold-out-for-today ends. */
  private modifiers(): ModifierCatalog {
    return this.counter.modifiers();
  }

  /** The counter's groups for an item: its own, then its category's, live options only. */
  groupsForItem(itemId: string, categoryId: string): ModifierGroupView[] {
    return this.modifiers().groupsFor(itemId, categoryId);
  }

  private itemView(item: typeof menuItems.$inferSelect, now = this.deps.clock.now()): MenuItemView {
    return {
      id: item.id,
      categoryId: item.categoryId,
      name: item.name,
      description: item.description,
      price: item.basePrice,
      // Sold out for today is judged against the clock, so it ends by itself with no job.
      isAvailable: availableNow(item, now),
      soldOutUntil: soldOutUntilNow(item, now),
      sku: item.sku,
      color: item.color as MenuColor,
      isFavorite: item.isFavorite,
      version: item.version,
      modifierGroups: this.groupsForItem(item.id, item.categoryId),
    };
  }

  /** Chosen options as stored on a cart line, in words (see ModifierCatalog.describe). */
  describeOptions(optionIds: readonly string[]): ChosenOptionView[] {
    return this.modifiers().describe(optionIds);
  }

  /**
   * The options for a cart line of this item: the given ids checked against its groups (own and
   * its category's), or the available defaults. Equal choices give equal lists (see ModifierCatalog.resolve).
   */
  resolveOptions(menuItemId: string, optionIds?: readonly string[]): string[] {
    this.itemCategoryQuery ??= this.deps.sqlite.prepare<[string], { name: string; categoryId: string }>(
      'select name, category_id as categoryId from menu_items where id = ?',
    );
    const item = this.itemCategoryQuery.get(menuItemId);
    if (!item) throw notFound('That menu item');
    return this.modifiers().resolve(item.name, this.groupsForItem(menuItemId, item.categoryId), optionIds);
  }

  findBySku(sku: string): { id: string } {
    const item = this.deps.db
      .select({ id: menuItems.id })
      .from(menuItems)
      .where(and(eq(menuItems.sku, sku.trim()), isNull(menuItems.archivedAt)))
      .get();
    if (!item) throw new ServiceError('NOT_FOUND', `No item has the code ${sku.trim()} — check the code or search by name`);
    return item;
  }

  /**
   * Every till screen reads this on opening and after each sold-out change, so it is kept built
   * until a menu write calls invalidate() or the earliest "sold out for today" ends, whichever
   * comes first; a rebuild rereads and rebuilds only what a write changed (see CounterMenu).
   */
  list(): MenuCategoryView[] {
    return this.counter.list();
  }

  /** The item if it can be sold right now; a clear error otherwise. */
  requireSellable(menuItemId: string): { id: string; name: string } {
    const item = this.sellableQuery.get({ id: menuItemId });
    if (!item) throw notFound('That menu item');
    if (!item.isAvailable) throw conflict(`${item.name} is sold out right now`);
    if (!availableNow(item, this.deps.clock.now())) throw conflict(`${item.name} is sold out for today`);
    return item;
  }

  /**
   * Price and availability; every change is audited with the item's name and the old and new
   * values, prices with their currency, so the audit log reads "Latte: ₱130.00 → ₱0.00" even
   * after the item is renamed or the shop changes currency.
   */
  updateItem(actor: Session, input: ParsedInput<'menu.updateItem'>): MenuItemView {
    return this.deps.sqlite.transaction(() => {
      const item = this.deps.db
        .select()
        .from(menuItems)
        .where(and(eq(menuItems.id, input.menuItemId), isNull(menuItems.archivedAt)))
        .get();
      if (!item) throw notFound('That menu item');
      const changes = {
        ...(input.price !== undefined && { basePrice: input.price }),
        // Available again means now: it also ends a "sold out for today".
        ...(input.isAvailable !== undefined && { isAvailable: input.isAvailable, soldOutUntil: null }),
      };
      if (Object.keys(changes).length === 0) return this.itemView(item);
      const updated = this.deps.db
        .update(menuItems)
        .set({ ...changes, version: item.version + 1, updatedAt: this.deps.clock.now() })
        .where(eq(menuItems.id, item.id))
        .returning()
        .get();
      const currency = this.settings.requireShop().currency;
      this.audit.append({
        actorUserId: actor.userId,
        action: input.price !== undefined && input.price !== item.basePrice ? 'menu.item.price' : 'menu.item.update',
        entityType: 'menu_item',
        entityId: item.id,
        oldValue: { name: item.name, price: item.basePrice, currency, isAvailable: item.isAvailable },
        newValue: { name: updated.name, price: updated.basePrice, currency, isAvailable: updated.isAvailable },
      });
      this.invalidate({ item: item.id });
      return this.itemView(updated);
    })();
  }
}
