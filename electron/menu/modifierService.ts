// The manager's modifier groups: create and edit a group with its options, attach it to items and
// whole categories, archive it. Options are never deleted (old cart lines and orders name them):
// one taken out of the list is archived. Every write is one transaction with its audit entry.
import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { categories, categoryModifierGroups, menuItemModifierGroups, menuItems, modifierGroups, modifierOptions } from '../../db/schema';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid, notFound } from '../core/errors';
import type { AdminGroup, ParsedInput } from '../shared/contract';
import { formatMoney, type Currency } from '../shared/money';
import type { SettingsStore } from '../settings/shopSettings';
import { quoted, requireVersion, sameName, type Described } from './catalogRules';
import type { MenuService } from './menuService';
import { assertKeepsAvailable } from './modifierRules';
import { availableNow, soldOutUntilNow } from './soldOut';

type GroupRow = typeof modifierGroups.$inferSelect;
type OptionRow = typeof modifierOptions.$inferSelect;

const MAX_LISTED = 10;
/** "Mocha Frappe, Frappes" — a long list is cut with "and 12 more" so the audit line stays readable. */
const listed = (names: readonly string[]): string =>
  names.length === 0 ? 'nothing' : names.length <= MAX_LISTED ? names.join(', ') : `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more`;

export class ModifierService {
  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsStore,
    private readonly menu: MenuService,
  ) {}

  /** Every group with all its options (archived too) and where it is used (active items and categories). */
  adminGroups(): AdminGroup[] {
    const { db } = this.deps;
    const groups = db.select().from(modifierGroups).orderBy(asc(modifierGroups.displayOrder), asc(modifierGroups.name)).all();
    return this.toAdmin(groups);
  }

  private adminGroup(id: string): AdminGroup {
    const group = this.deps.db.select().from(modifierGroups).where(eq(modifierGroups.id, id)).get();
    if (!group) throw notFound('That modifier group');
    return this.toAdmin([group])[0]!;
  }

  private toAdmin(groups: readonly GroupRow[]): AdminGroup[] {
    const { db } = this.deps;
    const now = this.deps.clock.now();
    const ids = groups.map((g) => g.id);
    const options = db.select().from(modifierOptions).where(inArray(modifierOptions.groupId, ids)).orderBy(asc(modifierOptions.displayOrder), asc(modifierOptions.name)).all();
    const itemLinks = db
      .select({ groupId: menuItemModifierGroups.groupId, id: menuItemModifierGroups.menuItemId })
      .from(menuItemModifierGroups)
      .innerJoin(menuItems, eq(menuItems.id, menuItemModifierGroups.menuItemId))
      .where(and(inArray(menuItemModifierGroups.groupId, ids), isNull(menuItems.archivedAt)))
      .orderBy(asc(menuItems.name))
      .all();
    const categoryLinks = db
      .select({ groupId: categoryModifierGroups.groupId, id: categoryModifierGroups.categoryId })
      .from(categoryModifierGroups)
      .innerJoin(categories, eq(categories.id, categoryModifierGroups.categoryId))
      .where(and(inArray(categoryModifierGroups.groupId, ids), isNull(categories.archivedAt)))
      .orderBy(asc(categories.displayOrder))
      .all();
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      minChoices: g.minChoices,
      maxChoices: g.maxChoices,
      allowRepeat: g.allowRepeat,
      archived: g.archivedAt !== null,
      version: g.version,
      options: options
        .filter((o) => o.groupId === g.id)
        .map((o) => ({
          id: o.id,
          name: o.name,
          priceDelta: o.priceDelta,
          isDefault: o.isDefault,
          // The switch itself (as for items); a running "sold out for today" is soldOutUntil.
          isAvailable: o.isAvailable,
          soldOutUntil: soldOutUntilNow(o, now),
          archived: o.archivedAt !== null,
          displayOrder: o.displayOrder,
          version: o.version,
        })),
      usedBy: {
        itemIds: itemLinks.filter((l) => l.groupId === g.id).map((l) => l.id),
        categoryIds: categoryLinks.filter((l) => l.groupId === g.id).map((l) => l.id),
      },
    }));
  }

  /** The group as the audit log keeps it: read years later without the menu. */
  private auditValue(group: Pick<GroupRow, 'name' | 'minChoices' | 'maxChoices' | 'allowRepeat'>, options: readonly OptionRow[], currency: Currency) {
    return {
      name: group.name,
      minChoices: group.minChoices,
      maxChoices: group.maxChoices,
      allowRepeat: group.allowRepeat,
      options: this.optionsInWords(options, currency),
    };
  }

  private optionsInWords(options: readonly Pick<OptionRow, 'name' | 'priceDelta' | 'isDefault' | 'archivedAt'>[], currency: Currency): string {
    const words = options
      .filter((o) => o.archivedAt === null)
      .map((o) => `${o.name}${o.priceDelta > 0 ? ` +${formatMoney(o.priceDelta, currency)}` : o.priceDelta < 0 ? ` −${formatMoney(-o.priceDelta, currency)}` : ''}${o.isDefault ? ' (default)' : ''}`);
    return words.join(', ') || 'none';
  }

  private activeOptions(groupId: string): OptionRow[] {
    return this.deps.db
      .select()
      .from(modifierOptions)
      .where(eq(modifierOptions.groupId, groupId))
      .orderBy(asc(modifierOptions.displayOrder), asc(modifierOptions.name))
      .all();
  }

  /**
   * Create or edit a group with its options in order. Options are matched by id (new ones have
   * none; a new one named like an archived one brings that one back); one left out is archived.
   */
  saveGroup(actor: Session, input: ParsedInput<'menu.saveGroup'>): AdminGroup {
    const id = this.deps.sqlite.transaction(() => {
      const { db } = this.deps;
      const now = this.deps.clock.now();
      const currency = this.settings.requireShop().currency;
      const existing = input.id ? db.select().from(modifierGroups).where(eq(modifierGroups.id, input.id)).get() : undefined;
      if (input.id && !existing) throw notFound('That modifier group');
      const stored = existing ? this.activeOptions(existing.id) : [];
      if (existing) {
        requireVersion(existing, input.version, existing.name, this.describe(existing, stored, currency), this.describe(input, input.options.map(asRow), currency));
      }
      const sameNamed = db.select().from(modifierGroups).all().find((g) => g.id !== existing?.id && sameName(g.name, input.name));
      if (sameNamed) {
        const message = sameNamed.archivedAt === null ? `There is already a group called ${sameNamed.name}` : `An archived group is called ${sameNamed.name}: restore it, or choose another name`;
        throw conflict(message, { name: message });
      }
      const plan = planOptions(input, stored, now);
      checkRules(input, plan);

      const groupId = existing?.id ?? newId(now);
      if (existing) {
        db.update(modifierGroups)
          .set({ name: input.name, minChoices: input.minChoices, maxChoices: input.maxChoices, allowRepeat: input.allowRepeat, archivedAt: null, version: existing.version + 1, updatedAt: now })
          .where(eq(modifierGroups.id, groupId))
          .run();
      } else {
        const last = db.select({ n: max(modifierGroups.displayOrder) }).from(modifierGroups).get()?.n ?? -1;
        db.insert(modifierGroups)
          .values({ id: groupId, name: input.name, minChoices: input.minChoices, maxChoices: input.maxChoices, allowRepeat: input.allowRepeat, displayOrder: last + 1, updatedAt: now })
          .run();
      }
      // Renames first move every changed name out of the way: a swap ("Oat" ↔ "Soy") would trip
      // the (group, name) unique index halfway through.
      for (const o of plan.updates) db.update(modifierOptions).set({ name: `\u0000${o.id}` }).where(eq(modifierOptions.id, o.id)).run();
      for (const o of plan.updates) {
        const { id: optionId, ...values } = o;
        db.update(modifierOptions).set(values).where(eq(modifierOptions.id, optionId)).run();
      }
      for (const o of plan.inserts) db.insert(modifierOptions).values({ ...o, groupId }).run();

      const after = this.activeOptions(groupId);
      this.audit.append({
        actorUserId: actor.userId,
        action: existing ? 'menu.group.update' : 'menu.group.create',
        entityType: 'modifier_group',
        entityId: groupId,
        oldValue: existing ? this.auditValue(existing, stored, currency) : undefined,
        newValue: this.auditValue(input, after, currency),
      });
      return groupId;
    })();
    // Only group and option rows changed (no item or category gained or lost a group).
    this.menu.invalidate('options');
    return this.adminGroup(id);
  }

  private describe(g: Pick<GroupRow, 'name' | 'minChoices' | 'maxChoices' | 'allowRepeat'>, options: readonly Pick<OptionRow, 'name' | 'priceDelta' | 'isDefault' | 'archivedAt'>[], currency: Currency): Described[] {
    return [
      ['name', quoted(g.name)],
      ['choices', `${g.minChoices}–${g.maxChoices}`],
      ['repeats', g.allowRepeat ? 'yes' : 'no'],
      ['options', quoted(this.optionsInWords(options, currency))],
    ];
  }

  /** Where the group applies: exactly these items and categories (the lists replace the old ones). */
  attachGroup(actor: Session, input: ParsedInput<'menu.attachGroup'>): AdminGroup {
    const changed = this.deps.sqlite.transaction(() => {
      const { db } = this.deps;
      const now = this.deps.clock.now();
      const group = db.select().from(modifierGroups).where(eq(modifierGroups.id, input.groupId)).get();
      if (!group) throw notFound('That modifier group');
      if (group.archivedAt !== null) throw conflict(`${group.name} is archived: restore it before attaching it`);
      requireVersion(group, input.version, group.name, [], []);
      const itemIds = [...new Set(input.itemIds)];
      const categoryIds = [...new Set(input.categoryIds)];
      const items = itemIds.length ? db.select().from(menuItems).where(inArray(menuItems.id, itemIds)).all() : [];
      const cats = categoryIds.length ? db.select().from(categories).where(inArray(categories.id, categoryIds)).all() : [];
      if (items.length !== itemIds.length || items.some((i) => i.archivedAt !== null)) throw notFound('One of those items');
      if (cats.length !== categoryIds.length || cats.some((c) => c.archivedAt !== null)) throw notFound('One of those categories');

      const before = this.placesOf(group.id);
      const changedItems = syncLinks(
        before.items.map((i) => i.id),
        itemIds,
        (id) => db.delete(menuItemModifierGroups).where(and(eq(menuItemModifierGroups.groupId, group.id), eq(menuItemModifierGroups.menuItemId, id))).run(),
        (id) => {
          const last = db.select({ n: max(menuItemModifierGroups.displayOrder) }).from(menuItemModifierGroups).where(eq(menuItemModifierGroups.menuItemId, id)).get()?.n ?? -1;
          db.insert(menuItemModifierGroups).values({ menuItemId: id, groupId: group.id, displayOrder: last + 1 }).run();
        },
      );
      const changedCategories = syncLinks(
        before.categories.map((c) => c.id),
        categoryIds,
        (id) => db.delete(categoryModifierGroups).where(and(eq(categoryModifierGroups.groupId, group.id), eq(categoryModifierGroups.categoryId, id))).run(),
        (id) => {
          const last = db.select({ n: max(categoryModifierGroups.displayOrder) }).from(categoryModifierGroups).where(eq(categoryModifierGroups.categoryId, id)).get()?.n ?? -1;
          db.insert(categoryModifierGroups).values({ categoryId: id, groupId: group.id, displayOrder: last + 1 }).run();
        },
      );
      if (changedItems.length === 0 && changedCategories.length === 0) return null;
      // The rows whose group list changed are edits too: a form opened before this gets CONFLICT.
      const bump = { version: sql`${menuItems.version} + 1`, updatedAt: now };
      if (changedItems.length) db.update(menuItems).set(bump).where(inArray(menuItems.id, changedItems)).run();
      if (changedCategories.length) db.update(categories).set({ version: sql`${categories.version} + 1`, updatedAt: now }).where(inArray(categories.id, changedCategories)).run();
      db.update(modifierGroups).set({ version: group.version + 1, updatedAt: now }).where(eq(modifierGroups.id, group.id)).run();
      const after = this.placesOf(group.id);
      this.audit.append({
        actorUserId: actor.userId,
        action: 'menu.group.attach',
        entityType: 'modifier_group',
        entityId: group.id,
        oldValue: { name: group.name, on: listed(before.names) },
        newValue: { name: group.name, on: listed(after.names) },
      });
      return { items: changedItems, categories: changedCategories.length > 0 };
    })();
    // The counter rereads the changed items (rows: versions bumped; links); a category's links
    // change what all its items show: then the catalog is rebuilt too.
    if (changed) this.menu.invalidate({ items: changed.items, options: changed.categories });
    return this.adminGroup(input.groupId);
  }

  /** Items (by name) then categories where the group is attached, archived ones included. */
  private placesOf(groupId: string) {
    const { db } = this.deps;
    const items = db
      .select({ id: menuItems.id, name: menuItems.name })
      .from(menuItemModifierGroups)
      .innerJoin(menuItems, eq(menuItems.id, menuItemModifierGroups.menuItemId))
      .where(eq(menuItemModifierGroups.groupId, groupId))
      .orderBy(asc(menuItems.name))
      .all();
    const cats = db
      .select({ id: categories.id, name: categories.name })
      .from(categoryModifierGroups)
      .innerJoin(categories, eq(categories.id, categoryModifierGroups.categoryId))
      .where(eq(categoryModifierGroups.groupId, groupId))
      .orderBy(asc(categories.name))
      .all();
    return { items, categories: cats, names: [...items.map((i) => i.name), ...cats.map((c) => c.name)] };
  }

  /** Archive: off every item and category at once; old orders keep their option snapshots. */
  archiveGroup(actor: Session, input: ParsedInput<'menu.archiveGroup'>): AdminGroup {
    const unlinked = this.deps.sqlite.transaction(() => {
      const { db } = this.deps;
      const now = this.deps.clock.now();
      const group = db.select().from(modifierGroups).where(eq(modifierGroups.id, input.id)).get();
      if (!group) throw notFound('That modifier group');
      requireVersion(group, input.version, group.name, [['state', group.archivedAt === null ? 'active' : 'archived']], [['state', 'archived']]);
      if (group.archivedAt !== null) return null;
      const places = this.placesOf(group.id);
      db.delete(menuItemModifierGroups).where(eq(menuItemModifierGroups.groupId, group.id)).run();
      db.delete(categoryModifierGroups).where(eq(categoryModifierGroups.groupId, group.id)).run();
      db.update(modifierGroups).set({ archivedAt: now, version: group.version + 1, updatedAt: now }).where(eq(modifierGroups.id, group.id)).run();
      this.audit.append({
        actorUserId: actor.userId,
        action: 'menu.group.archive',
        entityType: 'modifier_group',
        entityId: group.id,
        oldValue: { name: group.name, on: listed(places.names) },
        newValue: { name: group.name, archived: true },
      });
      return places.items.map((i) => i.id);
    })();
    // The group leaves the catalog; the items that had it lose the link (reread, should it come back).
    if (unlinked) this.menu.invalidate({ items: unlinked, options: true });
    return this.adminGroup(input.id);
  }
}

type OptionInput = ParsedInput<'menu.saveGroup'>['options'][number];
const asRow = (o: OptionInput) => ({ name: o.name, priceDelta: o.priceDelta, isDefault: o.isDefault, archivedAt: o.archived ? 1 : null });

interface OptionPlan {
  /** The group's options after the save that are not archived, in order, with availability now. */
  active: { name: string; isDefault: boolean; available: boolean; wasDefault: boolean }[];
  updates: (Partial<OptionRow> & { id: string })[];
  inserts: Omit<OptionRow, 'groupId'>[];
}

/** What the save does to each option: match by id, bring back an archived namesake, archive the left-out. */
function planOptions(input: ParsedInput<'menu.saveGroup'>, stored: readonly OptionRow[], now: number): OptionPlan {
  const byId = new Map(stored.map((o) => [o.id, o]));
  const referenced = new Set(input.options.flatMap((o) => (o.id ? [o.id] : [])));
  const seen = new Set<string>();
  const plan: OptionPlan = { active: [], updates: [], inserts: [] };
  let order = 0;
  for (const o of input.options) {
    if (o.id !== undefined) {
      if (seen.has(o.id)) throw invalid(`${o.name} is in the list twice`, { options: 'An option is in the list twice' });
      if (!byId.has(o.id)) throw invalid(`${o.name} does not belong to this group`, { options: 'Reload the group and try again' });
    }
    if (!o.id && o.archived) continue; // a new option made and taken out in one edit: nothing to keep
    // A new option named like one of this group that is archived (or being left out) is that one,
    // kept: the name stays unique and old lines keep pointing at it.
    const row = o.id ? byId.get(o.id)! : stored.find((s) => !referenced.has(s.id) && !seen.has(s.id) && sameName(s.name, o.name));
    if (row) seen.add(row.id);
    const archivedAt = o.archived ? (row?.archivedAt ?? now) : null;
    if (archivedAt === null) {
      plan.active.push({ name: o.name, isDefault: o.isDefault, available: row ? availableNow(row, now) : true, wasDefault: row?.isDefault === true && row.archivedAt === null });
    }
    const values = { name: o.name, priceDelta: o.priceDelta, isDefault: archivedAt === null && o.isDefault, displayOrder: archivedAt === null ? order++ : (row?.displayOrder ?? 0), archivedAt };
    if (!row) {
      plan.inserts.push({ id: newId(now), ...values, isAvailable: true, soldOutUntil: null, version: 1, updatedAt: now });
    } else if (changed(row, values)) {
      plan.updates.push({ id: row.id, ...values, version: row.version + 1, updatedAt: now });
    }
  }
  for (const row of stored) {
    if (seen.has(row.id) || row.archivedAt !== null) continue;
    plan.updates.push({ id: row.id, name: row.name, isDefault: false, archivedAt: now, version: row.version + 1, updatedAt: now });
  }
  // Names are unique in the group, archived options included (old orders name them).
  const finalNames = [
    ...stored.filter((r) => !plan.updates.some((u) => u.id === r.id)).map((r) => ({ name: r.name, archived: r.archivedAt !== null })),
    ...plan.updates.map((u) => ({ name: u.name!, archived: u.archivedAt !== null })),
    ...plan.inserts.map((r) => ({ name: r.name, archived: false })),
  ];
  finalNames.forEach((a, i) => {
    const b = finalNames.find((x, j) => j < i && sameName(x.name, a.name));
    if (!b) return;
    const message = a.archived || b.archived ? `An archived option of this group is called ${a.name}: choose another name` : `Two options are called ${a.name}`;
    throw invalid(message, { options: message });
  });
  return plan;
}

const changed = (row: OptionRow, v: Pick<OptionRow, 'name' | 'priceDelta' | 'isDefault' | 'displayOrder' | 'archivedAt'>): boolean =>
  row.name !== v.name || row.priceDelta !== v.priceDelta || row.isDefault !== v.isDefault || row.displayOrder !== v.displayOrder || (row.archivedAt === null) !== (v.archivedAt === null);

/** The group's rules, on what the save would leave; nothing is written when one fails. */
function checkRules(input: ParsedInput<'menu.saveGroup'>, plan: OptionPlan): void {
  const fail = (message: string, field: string) => {
    throw invalid(message, { [field]: message });
  };
  if (input.minChoices > input.maxChoices) fail(`At least ${input.minChoices} cannot be more than at most ${input.maxChoices}`, 'minChoices');
  if (plan.active.length === 0) fail('Keep at least one option', 'options');
  if (input.minChoices > plan.active.length && !input.allowRepeat) {
    fail(`${input.name} asks for ${input.minChoices} choices but has ${plan.active.length} option${plan.active.length === 1 ? '' : 's'}`, 'minChoices');
  }
  const defaults = plan.active.filter((o) => o.isDefault);
  // One pre-chosen option per choice: a pick-one group has one default, a pick-up-to-3 up to 3.
  if (defaults.length > input.maxChoices) fail(input.maxChoices === 1 ? 'Choose one default at most' : `At most ${input.maxChoices} defaults`, 'options');
  const soldOutDefault = defaults.find((o) => !o.available && !o.wasDefault);
  if (soldOutDefault) fail(`${soldOutDefault.name} is sold out: it cannot be made the default`, 'options');
  assertKeepsAvailable(input, plan.active.filter((o) => o.available).length);
}

/** Applies the difference between two id lists; returns the ids that changed. */
function syncLinks(before: readonly string[], after: readonly string[], remove: (id: string) => void, add: (id: string) => void): string[] {
  const had = new Set(before);
  const wants = new Set(after);
  const removed = before.filter((id) => !wants.has(id));
  const added = after.filter((id) => !had.has(id));
  removed.forEach(remove);
  added.forEach(add);
  return [...removed, ...added];
}
