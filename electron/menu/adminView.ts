// The back office's view of the whole menu, archived rows included: what a manager edits.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { categories, categoryModifierGroups, menuItemModifierGroups, menuItems, orderItems } from '../../db/schema';
import type { AdminCategory, AdminGroup, AdminItem, MenuAdminView, MenuColor } from '../shared/contract';
import { soldOutUntilNow } from './soldOut';

type ItemRow = typeof menuItems.$inferSelect;
type CategoryRow = typeof categories.$inferSelect;

/** Groups by owner id (item or category), in display order. */
function groupIdsBy<K extends string>(rows: readonly ({ groupId: string } & Record<K, string>)[], key: K): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row[key]);
    if (list) list.push(row.groupId);
    else map.set(row[key], [row.groupId]);
  }
  return map;
}

export class AdminView {
  private indexed: boolean | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    /** The modifier groups' view, with where each is used (ModifierService.adminGroups). */
    private readonly groups: () => AdminGroup[],
  ) {}

  all(): MenuAdminView {
    return { categories: this.categories(), items: this.items(), groups: this.groups() };
  }

  categories(onlyId?: string): AdminCategory[] {
    const { db } = this;
    const rows = db
      .select()
      .from(categories)
      .where(onlyId === undefined ? undefined : eq(categories.id, onlyId))
      .orderBy(asc(categories.displayOrder), asc(categories.name))
      .all();
    const counts = new Map(
      db
        .select({ categoryId: menuItems.categoryId, n: sql<number>`count(*)` })
        .from(menuItems)
        .where(sql`${menuItems.archivedAt} is null`)
        .groupBy(menuItems.categoryId)
        .all()
        .map((r) => [r.categoryId, r.n]),
    );
    const links = groupIdsBy(db.select().from(categoryModifierGroups).orderBy(asc(categoryModifierGroups.displayOrder)).all(), 'categoryId');
    return rows.map((c) => categoryView(c, counts.get(c.id) ?? 0, links.get(c.id) ?? []));
  }

  category(id: string): AdminCategory {
    return this.categories(id)[0]!;
  }

  /** Items in category order then item order; `where` narrows to one item or one category. */
  items(where?: { id?: string; categoryId?: string }): AdminItem[] {
    const { db } = this;
    const rows = db
      .select({ item: menuItems })
      .from(menuItems)
      .innerJoin(categories, eq(categories.id, menuItems.categoryId))
      .where(where?.id ? eq(menuItems.id, where.id) : where?.categoryId ? eq(menuItems.categoryId, where.categoryId) : undefined)
      .orderBy(asc(categories.displayOrder), asc(categories.name), asc(menuItems.displayOrder), asc(menuItems.name))
      .all();
    const links = groupIdsBy(
      db
        .select()
        .from(menuItemModifierGroups)
        .where(where?.id ? eq(menuItemModifierGroups.menuItemId, where.id) : undefined)
        .orderBy(asc(menuItemModifierGroups.displayOrder))
        .all(),
      'menuItemId',
    );
    const now = this.now();
    const sold = this.sold(rows.map((r) => r.item.id));
    return rows.map(({ item }) => itemView(item, sold.has(item.id), links.get(item.id) ?? [], now));
  }

  /**
   * Which of these items appear on an order. With an index on order_items(menu_item_id) each is
   * one probe; without one, a probe per item would scan every order line per item, so one pass
   * over the lines answers for all of them instead.
   */
  private sold(ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    this.indexed ??= this.db.all<{ name: string }>(sql`select name from pragma_index_list('order_items')`).some(
      (ix) => this.db.get<{ name: string } | undefined>(sql`select name from pragma_index_info(${ix.name}) where seqno = 0`)?.name === 'menu_item_id',
    );
    if (!this.indexed) return new Set(this.db.all<{ id: string }>(sql`select distinct menu_item_id as id from order_items`).map((r) => r.id));
    const probe = this.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.menuItemId, sql.placeholder('id'))).limit(1).prepare();
    return new Set(ids.filter((id) => probe.get({ id }) !== undefined));
  }

  item(id: string): AdminItem {
    return this.items({ id })[0]!;
  }
}

function categoryView(c: CategoryRow, itemCount: number, groupIds: string[]): AdminCategory {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    kind: c.kind,
    color: c.color as MenuColor,
    displayOrder: c.displayOrder,
    archived: c.archivedAt !== null,
    version: c.version,
    itemCount,
    groupIds,
  };
}

function itemView(item: ItemRow, everSold: boolean, groupIds: string[], now: number): AdminItem {
  return {
    id: item.id,
    categoryId: item.categoryId,
    name: item.name,
    description: item.description,
    price: item.basePrice,
    sku: item.sku,
    color: item.color as MenuColor,
    displayOrder: item.displayOrder,
    // The switch itself; a running "sold out for today" is soldOutUntil (it ends by itself).
    isAvailable: item.isAvailable,
    soldOutUntil: soldOutUntilNow(item, now),
    isFavorite: item.isFavorite,
    archived: item.archivedAt !== null,
    version: item.version,
    everSold,
    groupIds,
  };
}
