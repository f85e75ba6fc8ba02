// The back office's items: create and edit (with price confirmation and optimistic versions),
// duplicate, archive/restore (never delete: old orders point at them), and order within a category.
import { and, asc, eq, inArray, max, ne } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { categories, menuItemModifierGroups, menuItems, modifierGroups } from '../../db/schema';
import type { Session } from '../accounts/sessions';
import { conflict, invalid, notFound } from '../core/errors';
import type { AdminItem, ParsedInput } from '../shared/contract';
import type { SettingsStore } from '../settings/shopSettings';
import { describeItemFields, itemAuditValue, requirePriceConfirmation, requireVersion, sameName, uniqueSlug } from './catalogRules';
import { editTarget, type CatalogContext } from './categoryService';

type ItemRow = typeof menuItems.$inferSelect;
type CategoryRow = typeof categories.$inferSelect;

export class CatalogService {
  constructor(
    private readonly ctx: CatalogContext,
    private readonly settings: SettingsStore,
  ) {}

  private get db() {
    return this.ctx.deps.db;
  }

  /** One transaction; then the counter rereads the rows and group links of the items it names (`touched`). */
  private write<T>(fn: (now: number, touched: string[]) => T): T {
    const touched: string[] = [];
    const result = this.ctx.deps.sqlite.transaction(() => fn(this.ctx.deps.clock.now(), touched))();
    this.ctx.onChange({ items: touched });
    return result;
  }

  private item(id: string): ItemRow {
    const row = this.db.select().from(menuItems).where(eq(menuItems.id, id)).get();
    if (!row) throw notFound('That menu item');
    return row;
  }

  private category(id: string): CategoryRow {
    const row = this.db.select().from(categories).where(eq(categories.id, id)).get();
    if (!row) throw notFound('That category');
    return row;
  }

  private activeCategory(id: string, field = 'categoryId'): CategoryRow {
    const row = this.category(id);
    if (row.archivedAt !== null) throw invalid(`${row.name} is archived: restore it first or choose another category`, { [field]: `${row.name} is archived` });
    return row;
  }

  /** (category, name) is unique whatever the case, archived items included (a restore must not clash). */
  private requireFreeName(category: CategoryRow, name: string, exceptId: string | null): void {
    const clash = this.db
      .select()
      .from(menuItems)
      .where(eq(menuItems.categoryId, category.id))
      .all()
      .find((i) => i.id !== exceptId && sameName(i.name, name));
    if (!clash) return;
    const message =
      clash.archivedAt === null
        ? `${category.name} already has an item called “${clash.name}”`
        : `${category.name} has an archived item called “${clash.name}”: restore it instead`;
    throw invalid(message, { name: message });
  }

  private requireFreeSku(sku: string | null, exceptId: string | null): void {
    if (sku === null) return;
    const clash = this.db.select().from(menuItems).where(eq(menuItems.sku, sku)).get();
    if (!clash || clash.id === exceptId) return;
    const message = `The code ${sku} is already used by ${clash.name}${clash.archivedAt === null ? '' : ' (archived)'}`;
    throw invalid(message, { sku: message });
  }

  private requireGroups(groupIds: readonly string[]): string[] {
    if (new Set(groupIds).size !== groupIds.length) throw invalid('A modifier group is listed twice', { groupIds: 'Each group once' });
    if (groupIds.length === 0) return [];
    const rows = this.db.select().from(modifierGroups).where(inArray(modifierGroups.id, [...groupIds])).all();
    const names = new Map(rows.map((g) => [g.id, g]));
    for (const id of groupIds) {
      const g = names.get(id);
      if (!g) throw invalid('That modifier group no longer exists: reload', { groupIds: 'Unknown group' });
      if (g.archivedAt !== null) throw invalid(`${g.name} is archived: restore it before adding it`, { groupIds: `${g.name} is archived` });
    }
    return groupIds.map((id) => names.get(id)!.name);
  }

  private slugFor(name: string, exceptId: string | null): string {
    return uniqueSlug(name, 'item', (slug) =>
      Boolean(this.db.select({ id: menuItems.id }).from(menuItems).where(and(eq(menuItems.slug, slug), exceptId ? ne(menuItems.id, exceptId) : undefined)).get()),
    );
  }

  private nextPosition(categoryId: string): number {
    return (this.db.select({ n: max(menuItems.displayOrder) }).from(menuItems).where(eq(menuItems.categoryId, categoryId)).get()?.n ?? -1) + 1;
  }

  private groupIdsOf(itemId: string): string[] {
    return this.db.select().from(menuItemModifierGroups).where(eq(menuItemModifierGroups.menuItemId, itemId)).orderBy(asc(menuItemModifierGroups.displayOrder)).all().map((l) => l.groupId);
  }

  private groupNames(ids: readonly string[]): string[] {
    if (ids.length === 0) return [];
    const names = new Map(this.db.select().from(modifierGroups).where(inArray(modifierGroups.id, [...ids])).all().map((g) => [g.id, g.name]));
    return ids.map((id) => names.get(id) ?? '?');
  }

  private setGroups(itemId: string, groupIds: readonly string[]): void {
    this.db.delete(menuItemModifierGroups).where(eq(menuItemModifierGroups.menuItemId, itemId)).run();
    groupIds.forEach((groupId, displayOrder) => this.db.insert(menuItemModifierGroups).values({ menuItemId: itemId, groupId, displayOrder }).run());
  }

  private auditValue(row: ItemRow, now: number, category: string, groups: string[]) {
    return { ...itemAuditValue(row, this.settings.requireShop().currency, now, category), groups };
  }

  save(actor: Session, input: ParsedInput<'menu.saveItem'>): AdminItem {
    const target = editTarget(input);
    const sku = input.sku === null || input.sku === '' ? null : input.sku;
    const currency = this.settings.requireShop().currency;
    return this.write((now, touched) => {
      const old = target ? this.item(target.id) : null;
      if (old && target) {
        const oldCategory = this.category(old.categoryId).name;
        const newCategory = this.db.select().from(categories).where(eq(categories.id, input.categoryId)).get()?.name ?? '?';
        requireVersion(
          old,
          target.version,
          old.name,
          describeItemFields({ ...old, price: old.basePrice, category: oldCategory }, currency),
          describeItemFields({ ...input, sku, category: newCategory }, currency),
        );
      }
      const category = old?.categoryId === input.categoryId ? this.category(input.categoryId) : this.activeCategory(input.categoryId);
      this.requireFreeName(category, input.name, old?.id ?? null);
      this.requireFreeSku(sku, old?.id ?? null);
      const groups = this.requireGroups(input.groupIds);
      requirePriceConfirmation(input.name, old ? old.basePrice : null, input.price, input.confirmPrice, currency);
      if (!old) {
        const created = this.db
          .insert(menuItems)
          .values({
            id: newId(now),
            categoryId: category.id,
            name: input.name,
            slug: this.slugFor(input.name, null),
            sku,
            description: input.description,
            basePrice: input.price,
            isAvailable: input.isAvailable,
            color: input.color,
            isFavorite: input.isFavorite,
            displayOrder: this.nextPosition(category.id),
            updatedAt: now,
          })
          .returning()
          .get();
        touched.push(created.id);
        this.setGroups(created.id, input.groupIds);
        this.ctx.audit.append({
          actorUserId: actor.userId,
          action: 'menu.item.create',
          entityType: 'menu_item',
          entityId: created.id,
          newValue: this.auditValue(created, now, category.name, groups),
        });
        return this.ctx.view.item(created.id);
      }
      touched.push(old.id);
      const oldGroups = this.groupIdsOf(old.id);
      const groupsChanged = oldGroups.join(',') !== input.groupIds.join(',');
      const changes = {
        ...(old.categoryId !== category.id && { categoryId: category.id, displayOrder: this.nextPosition(category.id) }),
        ...(old.name !== input.name && { name: input.name, slug: this.slugFor(input.name, old.id) }),
        ...(old.sku !== sku && { sku }),
        ...(old.description !== input.description && { description: input.description }),
        ...(old.basePrice !== input.price && { basePrice: input.price }),
        ...(old.color !== input.color && { color: input.color }),
        ...(old.isFavorite !== input.isFavorite && { isFavorite: input.isFavorite }),
        // Switching availability by hand also ends a "sold out for today"; leaving it alone keeps it.
        ...(old.isAvailable !== input.isAvailable && { isAvailable: input.isAvailable, soldOutUntil: null }),
      };
      if (Object.keys(changes).length === 0 && !groupsChanged) return this.ctx.view.item(old.id);
      const updated = this.db
        .update(menuItems)
        .set({ ...changes, version: old.version + 1, updatedAt: now })
        .where(eq(menuItems.id, old.id))
        .returning()
        .get();
      if (groupsChanged) this.setGroups(old.id, input.groupIds);
      this.ctx.audit.append({
        actorUserId: actor.userId,
        // A price change keeps the quick edit's action name so one audit filter finds every price change.
        action: old.basePrice !== input.price ? 'menu.item.price' : 'menu.item.update',
        entityType: 'menu_item',
        entityId: old.id,
        oldValue: this.auditValue(old, now, this.category(old.categoryId).name, this.groupNames(oldGroups)),
        newValue: this.auditValue(updated, now, category.name, groups),
      });
      return this.ctx.view.item(old.id);
    });
  }

  /** "Iced Latte" from "Latte": price, description, colour, category and groups; no SKU (it is unique). */
  duplicate(actor: Session, input: ParsedInput<'menu.duplicateItem'>): AdminItem {
    return this.write((now, touched) => {
      const source = this.item(input.id);
      const category = this.activeCategory(source.categoryId);
      this.requireFreeName(category, input.name, null);
      const groupIds = this.groupIdsOf(source.id);
      const copy = this.db
        .insert(menuItems)
        .values({
          id: newId(now),
          categoryId: category.id,
          name: input.name,
          slug: this.slugFor(input.name, null),
          sku: null,
          description: source.description,
          basePrice: source.basePrice,
          image: source.image,
          color: source.color,
          displayOrder: this.nextPosition(category.id),
          updatedAt: now,
        })
        .returning()
        .get();
      touched.push(copy.id);
      this.setGroups(copy.id, groupIds);
      this.ctx.audit.append({
        actorUserId: actor.userId,
        action: 'menu.item.duplicate',
        entityType: 'menu_item',
        entityId: copy.id,
        newValue: { ...this.auditValue(copy, now, category.name, this.groupNames(groupIds)), copiedFrom: source.name },
      });
      return this.ctx.view.item(copy.id);
    });
  }

  /** Gone from the counter, kept for history: orders and reports still name it. */
  archive(actor: Session, input: ParsedInput<'menu.archiveItem'>): AdminItem {
    return this.setArchived(actor, input, true);
  }

  restore(actor: Session, input: ParsedInput<'menu.restoreItem'>): AdminItem {
    return this.setArchived(actor, input, false);
  }

  private setArchived(actor: Session, input: { id: string; version: number }, archive: boolean): AdminItem {
    return this.write((now, touched) => {
      const row = this.item(input.id);
      touched.push(row.id);
      const category = this.category(row.categoryId);
      const fields = describeItemFields({ ...row, price: row.basePrice, category: category.name }, this.settings.requireShop().currency);
      requireVersion(row, input.version, row.name, fields, fields);
      if (archive && row.archivedAt !== null) throw conflict(`${row.name} is already archived`);
      if (!archive && row.archivedAt === null) throw conflict(`${row.name} is not archived`);
      if (!archive && category.archivedAt !== null) {
        throw conflict(`${row.name} is in ${category.name}, which is archived: restore ${category.name} first, or edit ${row.name} to move it`, {
          categoryId: `${category.name} is archived`,
        });
      }
      const updated = this.db
        .update(menuItems)
        .set({ archivedAt: archive ? now : null, version: row.version + 1, updatedAt: now })
        .where(eq(menuItems.id, row.id))
        .returning()
        .get();
      const groups = this.groupNames(this.groupIdsOf(row.id));
      this.ctx.audit.append({
        actorUserId: actor.userId,
        action: archive ? 'menu.item.archive' : 'menu.item.restore',
        entityType: 'menu_item',
        entityId: row.id,
        oldValue: this.auditValue(row, now, category.name, groups),
        newValue: this.auditValue(updated, now, category.name, groups),
      });
      return this.ctx.view.item(row.id);
    });
  }

  /** The category's items in this order; every active item must be listed (a stale list is refused). */
  reorder(actor: Session, input: ParsedInput<'menu.reorderItems'>): AdminItem[] {
    return this.write((now, touched) => {
      const category = this.category(input.categoryId);
      const rows = this.db.select().from(menuItems).where(eq(menuItems.categoryId, category.id)).orderBy(asc(menuItems.displayOrder), asc(menuItems.name)).all();
      touched.push(...rows.map((r) => r.id));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const listed = new Set(input.ids);
      if (listed.size !== input.ids.length) throw invalid('An item is listed twice', { ids: 'Each item once' });
      if (input.ids.some((id) => !byId.has(id)) || rows.some((r) => r.archivedAt === null && !listed.has(r.id))) {
        throw conflict(`The items of ${category.name} changed meanwhile: reload and put them in order again`, { ids: 'Reload' });
      }
      const order = [...input.ids, ...rows.filter((r) => !listed.has(r.id)).map((r) => r.id)];
      const names = (ids: readonly string[]) => ids.map((id) => byId.get(id)!).filter((r) => r.archivedAt === null).map((r) => r.name);
      const before = names(rows.map((r) => r.id));
      order.forEach((id, position) => {
        const row = byId.get(id)!;
        if (row.displayOrder !== position) this.db.update(menuItems).set({ displayOrder: position, version: row.version + 1, updatedAt: now }).where(eq(menuItems.id, id)).run();
      });
      const after = names(order);
      if (before.join('\n') !== after.join('\n')) {
        this.ctx.audit.append({
          actorUserId: actor.userId,
          action: 'menu.item.reorder',
          entityType: 'category',
          entityId: category.id,
          oldValue: { name: category.name, order: before },
          newValue: { name: category.name, order: after },
        });
      }
      return this.ctx.view.items({ categoryId: category.id });
    });
  }
}
