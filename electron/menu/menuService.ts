import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { categories, menuItemModifierGroups, menuItems, modifierGroups, modifierOptions } from '../../db/schema';
import type { ChosenOptionView, MenuCategoryView, MenuItemView, ModifierGroupView, ParsedInput } from '../shared/contract';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import type { SettingsStore } from '../settings/shopSettings';
import { conflict, invalid, notFound, ServiceError } from '../core/errors';

interface ModifierCatalog {
  /** Groups per item, in display order, with their live options. */
  groupsByItem: Map<string, ModifierGroupView[]>;
  options: Map<string, ChosenOptionView & { groupId: string }>;
}

/** The menu as the counter sees it, and a manager's price and availability changes. */
export class MenuService {
  private readonly sellableQuery;
  private catalog: ModifierCatalog | null = null;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsStore,
  ) {
    this.sellableQuery = deps.db
      .select({ id: menuItems.id, name: menuItems.name, isAvailable: menuItems.isAvailable })
      .from(menuItems)
      .where(and(eq(menuItems.id, sql.placeholder('id')), isNull(menuItems.archivedAt)))
      .prepare();
  }

  /** Modifier groups and options, cached: main is their only writer. */
  private modifiers(): ModifierCatalog {
    if (this.catalog) return this.catalog;
    const { db } = this.deps;
    const groups = db.select().from(modifierGroups).all();
    const options = db.select().from(modifierOptions).where(isNull(modifierOptions.archivedAt)).orderBy(asc(modifierOptions.displayOrder)).all();
    const links = db.select().from(menuItemModifierGroups).orderBy(asc(menuItemModifierGroups.displayOrder)).all();
    const groupViews = new Map<string, ModifierGroupView>(
      groups.map((g) => [
        g.id,
        {
          id: g.id,
          name: g.name,
          minChoices: g.minChoices,
          maxChoices: g.maxChoices,
          options: options
            .filter((o) => o.groupId === g.id)
            .map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta, isDefault: o.isDefault })),
        },
      ]),
    );
    const groupsByItem = new Map<string, ModifierGroupView[]>();
    for (const link of links) {
      const group = groupViews.get(link.groupId);
      if (group) groupsByItem.set(link.menuItemId, [...(groupsByItem.get(link.menuItemId) ?? []), group]);
    }
    const byId = new Map(
      options.map((o) => [o.id, { id: o.id, groupId: o.groupId, group: groupViews.get(o.groupId)!.name, name: o.name, priceDelta: o.priceDelta }]),
    );
    return (this.catalog = { groupsByItem, options: byId });
  }

  private itemView(item: typeof menuItems.$inferSelect): MenuItemView {
    return {
      id: item.id,
      categoryId: item.categoryId,
      name: item.name,
      description: item.description,
      price: item.basePrice,
      isAvailable: item.isAvailable,
      sku: item.sku,
      modifierGroups: this.modifiers().groupsByItem.get(item.id) ?? [],
    };
  }

  /** Chosen options as stored on a cart line (unknown or retired ids are dropped). */
  describeOptions(optionIds: readonly string[]): ChosenOptionView[] {
    const { options } = this.modifiers();
    return optionIds.flatMap((id) => {
      const o = options.get(id);
      return o ? [{ id: o.id, group: o.group, name: o.name, priceDelta: o.priceDelta }] : [];
    });
  }

  /**
   * The options for a new cart line: the given ids checked against the item's groups (each
   * option must belong to one of them, each group within its min/max), or the defaults.
   * Returned in the item's group order so equal choices make equal line keys.
   */
  resolveOptions(menuItemId: string, optionIds?: readonly string[]): string[] {
    const groups = this.modifiers().groupsByItem.get(menuItemId) ?? [];
    const wanted = optionIds ? new Set(optionIds) : null;
    const chosen: string[] = [];
    for (const group of groups) {
      const picked = group.options.filter((o) => (wanted ? wanted.has(o.id) : o.isDefault)).map((o) => o.id);
      if (picked.length < group.minChoices) throw invalid(`Choose a ${group.name.toLowerCase()}`, { optionIds: `Choose a ${group.name.toLowerCase()}` });
      if (picked.length > group.maxChoices) {
        throw invalid(`Choose at most ${group.maxChoices} for ${group.name.toLowerCase()}`, { optionIds: `At most ${group.maxChoices}` });
      }
      chosen.push(...picked);
    }
    if (wanted && chosen.length !== wanted.size) throw invalid('That option is not offered for this item', { optionIds: 'Not offered for this item' });
    return chosen;
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
      const view = this.itemView(item);
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
        ...(input.isAvailable !== undefined && { isAvailable: input.isAvailable }),
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
      return this.itemView(updated);
    })();
  }
}
