import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { categories, menuItems } from '../../db/schema';
import type { MenuCategoryView, MenuItemView, ParsedInput } from '../shared/contract';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';

function itemView(item: typeof menuItems.$inferSelect): MenuItemView {
  return {
    id: item.id,
    categoryId: item.categoryId,
    name: item.name,
    description: item.description,
    price: item.basePrice,
    isAvailable: item.isAvailable,
  };
}

/** The menu as the counter sees it, and a manager's price and availability changes. */
export class MenuService {
  private readonly sellableQuery;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>,
    private readonly audit: AuditLog,
  ) {
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
      const view = itemView(item);
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

  /** Price and availability; every change is audited with the old and new values. */
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
        ...(input.isAvailable !== undefined && { isAvailable: input.isAvailable }),
      };
      if (Object.keys(changes).length === 0) return itemView(item);
      const updated = this.deps.db
        .update(menuItems)
        .set({ ...changes, version: item.version + 1, updatedAt: this.deps.clock.now() })
        .where(eq(menuItems.id, item.id))
        .returning()
        .get();
      this.audit.append({
        actorUserId: actor.userId,
        action: input.price !== undefined && input.price !== item.basePrice ? 'menu.item.price' : 'menu.item.update',
        entityType: 'menu_item',
        entityId: item.id,
        oldValue: { name: item.name, price: item.basePrice, isAvailable: item.isAvailable },
        newValue: { name: updated.name, price: updated.basePrice, isAvailable: updated.isAvailable },
      });
      return itemView(updated);
    })();
  }
}
