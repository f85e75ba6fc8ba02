import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { categories, menuItems } from '../../db/schema';
import type { MenuCategoryView, MenuItemView } from '../shared/contract';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';

/** The menu as the counter sees it. Editing belongs to the menu-management work. */
export class MenuService {
  private readonly sellableQuery;

  constructor(private readonly deps: Pick<Deps, 'db'>) {
    this.sellableQuery = deps.db
      .select({ id: menuItems.id, name: menuItems.name, isAvailable: menuItems.isAvailable })
      .from(menuItems)
      .where(and(eq(menuItems.id, sql.placeholder('id')), isNull(menuItems.archivedAt)))
      .prepare();
  }

  list(): MenuCategoryView[] {
    const cats = this.deps.db
      .select()
      .from(categories)
      .where(isNull(categories.archivedAt))
      .orderBy(asc(categories.displayOrder), asc(categories.name))
      .all();
    const items = this.deps.db
      .select()
      .from(menuItems)
      .where(isNull(menuItems.archivedAt))
      .orderBy(asc(menuItems.displayOrder), asc(menuItems.name))
      .all();
    const byCategory = new Map<string, MenuItemView[]>();
    for (const item of items) {
      const view: MenuItemView = {
        id: item.id,
        categoryId: item.categoryId,
        name: item.name,
        description: item.description,
        price: item.basePrice,
        isAvailable: item.isAvailable,
      };
      byCategory.set(item.categoryId, [...(byCategory.get(item.categoryId) ?? []), view]);
    }
    return cats.map((c) => ({ id: c.id, name: c.name, slug: c.slug, kind: c.kind, items: byCategory.get(c.id) ?? [] }));
  }

  /** The item if it can be sold right now; a clear error otherwise. */
  requireSellable(menuItemId: string): { id: string; name: string } {
    const item = this.sellableQuery.get({ id: menuItemId });
    if (!item) throw notFound('That menu item');
    if (!item.isAvailable) throw conflict(`${item.name} is sold out right now`);
    return item;
  }
}
