// The counter's menu (menu.list) and the modifier catalog, kept built between writes (issue 8: the
// first load after an edit must stay under 5 ms with 2,000 items). A write says what it changed
// (MenuChange) and the next read rereads and rebuilds only that: one category's items for an item
// edit, one item's group links for a changed group list; everything only for imports and undo.
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/open';
import type { MenuCategoryView, MenuItemView } from '../shared/contract';
import type { MenuColor } from '../shared/contract/menu';
import { availableNow, soldOutUntilNow } from './soldOut';
import { ModifierCatalog, type CatalogQueries } from './modifierCatalog';

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
 * What a write changed, so the next menu.list rereads only that:
 * - `{ item }`: that item's row only (price, availability, sold out), not its groups;
 * - `{ items, options? }`: these items' rows and group links, whatever changed (created, edited,
 *   moved, archived, restored, reordered); `options: true` = also groups, options and category links;
 * - 'items': every category and item row (not groups); 'options': groups, options and category links;
 * - nothing (an import, an undo, not sure): everything is reread.
 */
export type MenuChange = { item: string } | { items: readonly string[]; options?: boolean } | 'items' | 'options';

/** Past this many items a write's rows and links are reread whole: one read beats hundreds of small ones. */
const FEW_ITEMS = 200;

/** Active categories in order, each with its active items in order. */
interface Rows {
  categories: CategoryRow[];
  items: Map<string, ItemRow[]>;
  /** Listed item → its category (to find the category an edited item leaves). */
  categoryOf: Map<string, string>;
}

export class CounterMenu {
  private catalog: ModifierCatalog | null = null;
  /** Every item's group ids in display order (archived items too: old carts resolve against them). */
  private itemLinks: Map<string, string[]> | null = null;
  private rows: Rows | null = null;
  /** Items whose row changed since `rows` was read: their old and new categories are reread. */
  private readonly staleItems = new Set<string>();
  /** Items whose group links changed since `itemLinks` was read: reread one by one. */
  private readonly staleLinks = new Set<string>();
  /**
   * The last built menu, kept after a write so an item edit rebuilds one category. Callers get
   * `view` as is (IPC clones it): it is never changed in place, a rebuild makes a new top-level
   * array that shares the untouched category objects.
   */
  private built: { view: MenuCategoryView[]; catalog: ModifierCatalog; validUntil: number } | null = null;
  private current = false;
  private readonly queries: CatalogQueries;
  private readonly listCategories: Statement<[], CategoryRow>;
  private readonly listItems: Statement<[], ItemRow>;
  private readonly listCategoryItems: Statement<[string], ItemRow>;
  private readonly itemCategory: Statement<[string], string>;
  private readonly itemGroups: Statement<[string], string>;

  constructor(
    sqlite: Sqlite,
    private readonly now: () => number,
  ) {
    // Rows as arrays of just the columns shown (see ModifierCatalog.prepare for why).
    this.queries = ModifierCatalog.prepare(sqlite);
    this.listCategories = sqlite
      .prepare<[], CategoryRow>('select id, name, slug, kind, color from categories where archived_at is null order by display_order, name')
      .raw();
    const columns = 'id, category_id, name, description, base_price, is_available, sold_out_until, sku, color, is_favorite, version';
    this.listItems = sqlite.prepare<[], ItemRow>(`select ${columns} from menu_items where archived_at is null order by display_order, name`).raw();
    this.listCategoryItems = sqlite
      .prepare<[string], ItemRow>(`select ${columns} from menu_items where category_id = ? and archived_at is null order by display_order, name`)
      .raw();
    this.itemCategory = sqlite.prepare<[string], string>('select category_id from menu_items where id = ? and archived_at is null').pluck();
    this.itemGroups = sqlite.prepare<[string], string>('select group_id from menu_item_modifier_groups where menu_item_id = ? order by display_order').pluck();
  }

  invalidate(change?: MenuChange): void {
    this.current = false;
    if (typeof change === 'object') {
      const ids = 'item' in change ? [change.item] : change.items;
      if (ids.length > FEW_ITEMS) return this.invalidate();
      if (this.rows) for (const id of ids) this.staleItems.add(id);
      if ('items' in change) {
        if (this.itemLinks) for (const id of change.items) this.staleLinks.add(id);
        if (change.options) this.catalog = null;
      }
      return;
    }
    if (change !== 'options') {
      this.rows = null;
      this.staleItems.clear();
    }
    if (change !== 'items') this.catalog = null;
    if (change === undefined) {
      this.itemLinks = null;
      this.staleLinks.clear();
    }
  }

  /** Groups and options, kept until a write changes them or the earliest "sold out for today" among them ends. */
  modifiers(now = this.now()): ModifierCatalog {
    if (this.itemLinks === null) {
      this.itemLinks = new Map();
      for (const [itemId, groupId] of this.queries.itemLinks.all()) {
        const list = this.itemLinks.get(itemId);
        if (list) list.push(groupId);
        else this.itemLinks.set(itemId, [groupId]);
      }
      this.staleLinks.clear();
      this.catalog = null;
    }
    for (const id of this.staleLinks) {
      const groups = this.itemGroups.all(id);
      this.itemLinks.set(id, groups);
      // Relinked in place: the built menu's other items keep their (unchanged) group lists.
      this.catalog?.relink(id, groups);
    }
    this.staleLinks.clear();
    if (this.catalog && now < this.catalog.validUntil) return this.catalog;
    return (this.catalog = ModifierCatalog.load(this.queries, this.itemLinks, now));
  }

  list(): MenuCategoryView[] {
    const now = this.now();
    const built = this.built;
    if (built && this.current && now < built.validUntil) return built.view;
    const changed = this.rows ? this.rereadStaleItems(this.rows) : null;
    const rows = (this.rows ??= this.readRows());
    const catalog = this.modifiers(now);
    // Only some categories changed, the catalog is the one the menu was built with and nothing on it has ended: patch.
    if (built && changed && built.catalog === catalog && now < built.validUntil) {
      let validUntil = built.validUntil;
      const view = built.view.map((c) => {
        if (!changed.has(c.id)) return c;
        const items: MenuItemView[] = [];
        validUntil = Math.min(validUntil, this.itemViews(rows.items.get(c.id)!, catalog, now, items));
        return { id: c.id, name: c.name, slug: c.slug, kind: c.kind, color: c.color, items };
      });
      return this.keep(view, catalog, validUntil);
    }
    // The view is stale when the earliest "sold out for today" on it ends: an option's (the catalog's) or an item's.
    let validUntil = catalog.validUntil;
    const view: MenuCategoryView[] = [];
    for (const [id, name, slug, kind, color] of rows.categories) {
      const items: MenuItemView[] = [];
      validUntil = Math.min(validUntil, this.itemViews(rows.items.get(id)!, catalog, now, items));
      view.push({ id, name, slug, kind, color, items });
    }
    return this.keep(view, catalog, validUntil);
  }

  private keep(view: MenuCategoryView[], catalog: ModifierCatalog, validUntil: number): MenuCategoryView[] {
    this.built = { view, catalog, validUntil };
    this.current = true;
    return view;
  }

  /** Pushes the rows' views into `out`; returns the earliest "sold out for today" end among them (or Infinity). */
  private itemViews(rows: readonly ItemRow[], catalog: ModifierCatalog, now: number, out: MenuItemView[]): number {
    let validUntil = Number.POSITIVE_INFINITY;
    for (const [id, categoryId, name, description, price, isAvailable, soldOutUntil, sku, color, isFavorite, version] of rows) {
      if (soldOutUntil !== null && soldOutUntil > now && soldOutUntil < validUntil) validUntil = soldOutUntil;
      // The same fields as MenuService.itemView(), from a lean row (booleans are stored as 0/1).
      const availability = { isAvailable: isAvailable === 1, soldOutUntil };
      out.push({
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
    return validUntil;
  }

  /** Every active category with its active items (items of an archived category are left out with it). */
  private readRows(): Rows {
    const categories = this.listCategories.all();
    const items = new Map<string, ItemRow[]>();
    const categoryOf = new Map<string, string>();
    for (const c of categories) items.set(c[0], []);
    for (const row of this.listItems.all()) {
      const list = items.get(row[1]);
      if (!list) continue;
      list.push(row);
      categoryOf.set(row[0], row[1]);
    }
    this.staleItems.clear();
    return { categories, items, categoryOf };
  }

  /** Rereads the categories the stale items left or joined; returns them (empty when none is listed). */
  private rereadStaleItems(rows: Rows): Set<string> {
    const changed = new Set<string>();
    for (const id of this.staleItems) {
      const left = rows.categoryOf.get(id);
      if (left !== undefined) changed.add(left);
      const joined = this.itemCategory.get(id);
      if (joined !== undefined && rows.items.has(joined)) changed.add(joined);
    }
    this.staleItems.clear();
    for (const categoryId of changed) {
      for (const [id] of rows.items.get(categoryId)!) if (rows.categoryOf.get(id) === categoryId) rows.categoryOf.delete(id);
      const items = this.listCategoryItems.all(categoryId);
      rows.items.set(categoryId, items);
      for (const [id] of items) rows.categoryOf.set(id, categoryId);
    }
    return changed;
  }
}
