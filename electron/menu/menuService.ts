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
import { ModifierCatalog, type CatalogQueries, type LinkRow } from './modifierCatalog';
import type { Statement } from 'better-sqlite3';

type CategoryRow = [id: string, name: string, slug: string, kind: 'drink' | 'food', color: MenuColor];
type ItemRow = [
  id: string,
  categoryId: string,
  name: string,
  description: string,
  price: number,
  isAvailable: number,
  soldOutUntil: number | null,
  sku: string | null,
  color: MenuColor,
  isFavorite: number,
  version: number,
];

/**
 * What a write changed, so the next menu.list rereads only that: `{ item }` = that item's price or
 * availability only (not its place, category or groups); 'items' = menu_items and categories rows
 * only; 'options' = modifier_groups and modifier_options rows only. A write that touches anything
 * else (which groups an item or category has) or is not sure calls invalidate() with nothing:
 * everything is reread.
 */
export type MenuChange = { item: string } | 'items' | 'options';

/** The menu as the counter sees it, and a manager's price and availability changes. */
export class MenuService {
  private readonly sellableQuery;
  private catalog: ModifierCatalog | null = null;
  /** The counter's menu, until a write changes it or the earliest "sold out for today" ends. */
  private listed: { view: MenuCategoryView[]; validUntil: number } | null = null;
  /**
   * The rows list() and the catalog are built from, each kept until a write changes it (see
   * MenuChange): rereading all of them takes ~8 ms with 2,000 items on a small 2-core till, over
   * the 5 ms budget for the first load after an edit; the common edits (sold out, price) reread one part.
   */
  private rows: { categories: CategoryRow[]; items: ItemRow[] } | null = null;
  /** Items of `rows` whose price or availability changed since: reread one by one. */
  private readonly staleItems = new Set<string>();
  private itemLinks: LinkRow[] | null = null;
  private itemCategoryQuery: Statement<[string], { name: string; categoryId: string }> | undefined;
  private readonly catalogQueries: CatalogQueries;
  private readonly listCategories: Statement<[], CategoryRow>;
  private readonly listItems: Statement<[], ItemRow>;
  private readonly listItem: Statement<[string], ItemRow>;

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
    // list()'s reads: the columns the counter shows, as arrays (see ModifierCatalog.prepare for why).
    this.catalogQueries = ModifierCatalog.prepare(deps.sqlite);
    this.listCategories = deps.sqlite
      .prepare<[], CategoryRow>('select id, name, slug, kind, color from categories where archived_at is null order by display_order, name')
      .raw();
    const itemColumns = 'id, category_id, name, description, base_price, is_available, sold_out_until, sku, color, is_favorite, version';
    this.listItems = deps.sqlite.prepare<[], ItemRow>(`select ${itemColumns} from menu_items where archived_at is null order by display_order, name`).raw();
    this.listItem = deps.sqlite.prepare<[string], ItemRow>(`select ${itemColumns} from menu_items where id = ? and archived_at is null`).raw();
  }

  /** Forget the cached menu (or the part a write changed): every menu write that changes what the counter shows calls it. */
  invalidate(change?: MenuChange): void {
    this.listed = null;
    if (typeof change === 'object') {
      if (this.rows) this.staleItems.add(change.item);
      return;
    }
    if (change !== 'options') {
      this.rows = null;
      this.staleItems.clear();
    }
    if (change !== 'items') this.catalog = null;
    if (change === undefined) this.itemLinks = null;
  }

  /** Modifier groups and options, cached: main is their only writer; rebuilt when a sold-out-for-today ends. */
  private modifiers(): ModifierCatalog {
    const now = this.deps.clock.now();
    if (this.catalog && now < this.catalog.validUntil) return this.catalog;
    this.itemLinks ??= this.catalogQueries.itemLinks.all();
    return (this.catalog = ModifierCatalog.load(this.catalogQueries, this.itemLinks, now));
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
   * comes first; a rebuild rereads only the rows a write changed (see `rows`).
   */
  list(): MenuCategoryView[] {
    const now = this.deps.clock.now();
    if (this.listed && now < this.listed.validUntil) return this.listed.view;
    if (this.staleItems.size > 0) this.rereadStaleItems();
    this.rows ??= { categories: this.listCategories.all(), items: this.listItems.all() };
    const catalog = this.modifiers();
    // The view is stale when the earliest "sold out for today" on it ends: an option's (the catalog's) or an item's.
    let validUntil = catalog.validUntil;
    const byCategory = new Map<string, MenuItemView[]>();
    const view: MenuCategoryView[] = [];
    for (const [id, name, slug, kind, color] of this.rows.categories) {
      const items: MenuItemView[] = [];
      byCategory.set(id, items);
      view.push({ id, name, slug, kind, color, items });
    }
    // Items of an archived category are left out with it (archiving one archives or moves them anyway).
    for (const [id, categoryId, name, description, price, isAvailable, soldOutUntil, sku, color, isFavorite, version] of this.rows.items) {
      const items = byCategory.get(categoryId);
      if (!items) continue;
      if (soldOutUntil !== null && soldOutUntil > now && soldOutUntil < validUntil) validUntil = soldOutUntil;
      // The same fields as itemView(), from a lean row (booleans are stored as 0/1).
      const availability = { isAvailable: isAvailable === 1, soldOutUntil };
      items.push({
        id,
        categoryId,
        name,
        description,
        price,
        isAvailable: availableNow(availability, now),
        soldOutUntil: soldOutUntilNow(availability, now),
        sku,
        color,
        isFavorite: isFavorite === 1,
        version,
        modifierGroups: catalog.groupsFor(id, categoryId),
      });
    }
    this.listed = { view, validUntil };
    return view;
  }

  /** Puts the changed items' rows in place (same place, same category); anything unexpected rereads them all. */
  private rereadStaleItems(): void {
    const items = this.rows?.items;
    for (const id of this.staleItems) {
      const row = this.listItem.get(id);
      const at = items ? items.findIndex((r) => r[0] === id) : -1;
      if (!items || !row || at < 0 || items[at]![1] !== row[1]) {
        this.rows = null;
        break;
      }
      items[at] = row;
    }
    this.staleItems.clear();
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
