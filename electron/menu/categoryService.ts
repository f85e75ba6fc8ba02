// The back office's categories: create, rename/recolour, order, archive (moving or archiving their
// items) and restore. Every write is one transaction with its audit entry.
import { and, asc, eq, isNull, max, ne } from 'drizzle-orm';
import { categories, menuItems } from '../../db/schema';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid, notFound } from '../core/errors';
import type { AdminCategory, MenuAdminView, ParsedInput } from '../shared/contract';
import type { AdminView } from './adminView';
import type { MenuChange } from './menuService';
import { newId } from '../../db/ids';
import { categoryAuditValue, describeCategoryFields, requireVersion, sameName, uniqueSlug } from './catalogRules';

type CategoryRow = typeof categories.$inferSelect;

export interface CatalogContext {
  deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>;
  audit: AuditLog;
  view: AdminView;
  /** Tells the counter's caches that the menu changed, and what (nothing = not sure: everything). */
  onChange: (change?: MenuChange) => void;
}

/** An edit names the row and the version it was read at; a create names neither. */
export function editTarget(input: { id?: string | undefined; version?: number | undefined }): { id: string; version: number } | null {
  if (input.id === undefined && input.version === undefined) return null;
  if (input.id === undefined || input.version === undefined) throw invalid('Reload the menu and try again', { version: 'An edit needs both id and version' });
  return { id: input.id, version: input.version };
}

export class CategoryService {
  constructor(private readonly ctx: CatalogContext) {}

  private get db() {
    return this.ctx.deps.db;
  }

  private write<T>(fn: (now: number) => T): T {
    const result = this.ctx.deps.sqlite.transaction(() => fn(this.ctx.deps.clock.now()))();
    this.ctx.onChange();
    return result;
  }

  private row(id: string): CategoryRow {
    const row = this.db.select().from(categories).where(eq(categories.id, id)).get();
    if (!row) throw notFound('That category');
    return row;
  }

  /** Names are unique among all categories, archived ones too (a restore must not clash). */
  private requireFreeName(name: string, exceptId: string | null): void {
    const clash = this.db
      .select()
      .from(categories)
      .all()
      .find((c) => c.id !== exceptId && sameName(c.name, name));
    if (!clash) return;
    const message = clash.archivedAt === null ? `There is already a category called “${clash.name}”` : `An archived category is called “${clash.name}”: restore it instead`;
    throw invalid(message, { name: message });
  }

  private slugFor(name: string, exceptId: string | null): string {
    return uniqueSlug(name, 'category', (slug) =>
      Boolean(this.db.select({ id: categories.id }).from(categories).where(and(eq(categories.slug, slug), exceptId ? ne(categories.id, exceptId) : undefined)).get()),
    );
  }

  save(actor: Session, input: ParsedInput<'menu.saveCategory'>): AdminCategory {
    const target = editTarget(input);
    return this.write((now) => {
      if (!target) {
        this.requireFreeName(input.name, null);
        const last = this.db.select({ n: max(categories.displayOrder) }).from(categories).get()?.n ?? -1;
        const created = this.db
          .insert(categories)
          .values({ id: newId(now), name: input.name, slug: this.slugFor(input.name, null), kind: input.kind, color: input.color, displayOrder: last + 1, updatedAt: now })
          .returning()
          .get();
        this.ctx.audit.append({ actorUserId: actor.userId, action: 'menu.category.create', entityType: 'category', entityId: created.id, newValue: categoryAuditValue(created) });
        return this.ctx.view.category(created.id);
      }
      const row = this.row(target.id);
      requireVersion(row, target.version, row.name, describeCategoryFields(row), describeCategoryFields(input));
      if (row.name === input.name && row.kind === input.kind && row.color === input.color) return this.ctx.view.category(row.id);
      if (row.name !== input.name) this.requireFreeName(input.name, row.id);
      const updated = this.db
        .update(categories)
        .set({
          name: input.name,
          slug: row.name === input.name ? row.slug : this.slugFor(input.name, row.id),
          kind: input.kind,
          color: input.color,
          version: row.version + 1,
          updatedAt: now,
        })
        .where(eq(categories.id, row.id))
        .returning()
        .get();
      this.ctx.audit.append({
        actorUserId: actor.userId,
        action: 'menu.category.update',
        entityType: 'category',
        entityId: row.id,
        oldValue: categoryAuditValue(row),
        newValue: categoryAuditValue(updated),
      });
      return this.ctx.view.category(row.id);
    });
  }

  /** The counter's tabs follow this order; every active category must be in the list (a stale list is refused). */
  reorder(actor: Session, ids: readonly string[]): AdminCategory[] {
    return this.write((now) => {
      const rows = this.db.select().from(categories).orderBy(asc(categories.displayOrder), asc(categories.name)).all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const listed = new Set(ids);
      if (listed.size !== ids.length) throw invalid('A category is listed twice', { ids: 'Each category once' });
      if (ids.some((id) => !byId.has(id)) || rows.some((r) => r.archivedAt === null && !listed.has(r.id))) {
        throw conflict('The categories changed meanwhile: reload and put them in order again', { ids: 'Reload' });
      }
      // Listed ones first in the given order, then any archived ones left out, as they were.
      const order = [...ids, ...rows.filter((r) => !listed.has(r.id)).map((r) => r.id)];
      const before = rows.filter((r) => r.archivedAt === null).map((r) => r.name);
      order.forEach((id, position) => {
        const row = byId.get(id)!;
        if (row.displayOrder === position) return;
        this.db.update(categories).set({ displayOrder: position, version: row.version + 1, updatedAt: now }).where(eq(categories.id, id)).run();
      });
      const after = order.map((id) => byId.get(id)!).filter((r) => r.archivedAt === null).map((r) => r.name);
      if (before.join('\n') !== after.join('\n')) {
        this.ctx.audit.append({ actorUserId: actor.userId, action: 'menu.category.reorder', entityType: 'category', entityId: 'menu', oldValue: { order: before }, newValue: { order: after } });
      }
      return this.ctx.view.categories();
    });
  }

  /**
   * Archive a category: its active items move to another active category (appended to its end)
   * or are archived with it, stamped with the same instant so a restore brings exactly them back.
   */
  archive(actor: Session, input: ParsedInput<'menu.archiveCategory'>): MenuAdminView {
    return this.write((now) => {
      const row = this.row(input.id);
      requireVersion(row, input.version, row.name, describeCategoryFields(row), describeCategoryFields(row));
      if (row.archivedAt !== null) throw conflict(`${row.name} is already archived`);
      const items = this.db.select().from(menuItems).where(and(eq(menuItems.categoryId, row.id), isNull(menuItems.archivedAt))).orderBy(asc(menuItems.displayOrder)).all();
      let moved: { itemsMovedTo: string; itemsMoved: number } | { itemsArchived: number };
      if (input.moveItemsTo !== null) {
        const to = this.row(input.moveItemsTo);
        if (to.id === row.id || to.archivedAt !== null) {
          const message = to.id === row.id ? 'Choose another category for its items' : `${to.name} is archived: choose an active category`;
          throw invalid(message, { moveItemsTo: message });
        }
        const there = this.db.select().from(menuItems).where(eq(menuItems.categoryId, to.id)).all();
        const clash = items.find((i) => there.some((t) => sameName(t.name, i.name)));
        if (clash) {
          const message = `${to.name} already has an item called “${clash.name}”: rename one of them first`;
          throw invalid(message, { moveItemsTo: message });
        }
        let position = Math.max(-1, ...there.map((t) => t.displayOrder));
        for (const item of items) {
          position += 1;
          this.db.update(menuItems).set({ categoryId: to.id, displayOrder: position, version: item.version + 1, updatedAt: now }).where(eq(menuItems.id, item.id)).run();
        }
        moved = { itemsMovedTo: to.name, itemsMoved: items.length };
      } else {
        for (const item of items) {
          this.db.update(menuItems).set({ archivedAt: now, version: item.version + 1, updatedAt: now }).where(eq(menuItems.id, item.id)).run();
        }
        moved = { itemsArchived: items.length };
      }
      const updated = this.db.update(categories).set({ archivedAt: now, version: row.version + 1, updatedAt: now }).where(eq(categories.id, row.id)).returning().get();
      this.ctx.audit.append({
        actorUserId: actor.userId,
        action: 'menu.category.archive',
        entityType: 'category',
        entityId: row.id,
        oldValue: categoryAuditValue(row),
        newValue: { ...categoryAuditValue(updated), ...moved },
      });
      return this.ctx.view.all();
    });
  }

  /** Bring a category back, at the end of the tabs, with the items that were archived with it. */
  restore(actor: Session, input: ParsedInput<'menu.restoreCategory'>): AdminCategory {
    return this.write((now) => {
      const row = this.row(input.id);
      requireVersion(row, input.version, row.name, describeCategoryFields(row), describeCategoryFields(row));
      if (row.archivedAt === null) throw conflict(`${row.name} is not archived`);
      const withIt = this.db.select().from(menuItems).where(and(eq(menuItems.categoryId, row.id), eq(menuItems.archivedAt, row.archivedAt))).all();
      for (const item of withIt) {
        this.db.update(menuItems).set({ archivedAt: null, version: item.version + 1, updatedAt: now }).where(eq(menuItems.id, item.id)).run();
      }
      const last = this.db.select({ n: max(categories.displayOrder) }).from(categories).where(isNull(categories.archivedAt)).get()?.n ?? -1;
      const updated = this.db
        .update(categories)
        .set({ archivedAt: null, displayOrder: last + 1, version: row.version + 1, updatedAt: now })
        .where(eq(categories.id, row.id))
        .returning()
        .get();
      this.ctx.audit.append({
        actorUserId: actor.userId,
        action: 'menu.category.restore',
        entityType: 'category',
        entityId: row.id,
        oldValue: categoryAuditValue(row),
        newValue: { ...categoryAuditValue(updated), itemsRestored: withIt.length },
      });
      return this.ctx.view.category(row.id);
    });
  }
}
