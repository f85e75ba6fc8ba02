// One-step undo of a CSV import: the menu is put back as the newest snapshot holds it, in one
// transaction. Rows are restored in place (their ids stay, so carts and reports still point at
// them, and their version moves forward for sync). Rows that did not exist then are removed,
// unless something was sold or is in a cart with them: those are archived instead (never deleted),
// and renamed only if the restored menu needs their name back.
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict } from '../core/errors';
import { ENTITY_TABLES, readMenu, type EntityRow, type EntityTable, type MenuRows, type MenuWriter } from './menuRows';

interface UndoContext extends Pick<Deps, 'sqlite' | 'clock'> {
  writer: MenuWriter;
  audit: AuditLog;
}

const SUFFIX = ' (undone import)';
const key = (scope: string, name: string) => `${scope}\u0000${name.normalize('NFC').toLocaleLowerCase('en')}`;
/** The scope in which a row's name must be unique. */
const scopeOf = (table: EntityTable, r: EntityRow): string =>
  table === 'menu_items' ? (r as MenuRows['menu_items'][number]).category_id : table === 'modifier_options' ? (r as MenuRows['modifier_options'][number]).group_id : '';
const differs = (a: EntityRow, b: EntityRow) =>
  Object.keys(a).some((k) => k !== 'version' && k !== 'updated_at' && (a as unknown as Record<string, unknown>)[k] !== (b as unknown as Record<string, unknown>)[k]);

export function undoLastImport(ctx: UndoContext, actor: Session): void {
  const { sqlite, writer } = ctx;
  sqlite.transaction(() => {
    const snap = sqlite.prepare(`select id, data, undone_at from menu_snapshots where reason = 'import' order by created_at desc, id desc limit 1`).get() as
      | { id: string; data: string; undone_at: number | null }
      | undefined;
    if (!snap || snap.undone_at !== null) throw conflict('There is no import to undo');
    const then = JSON.parse(snap.data) as MenuRows;
    const current = readMenu(sqlite);
    const now = ctx.clock.now();
    const had = Object.fromEntries(ENTITY_TABLES.map((t) => [t, new Map<string, EntityRow>(then[t].map((r) => [r.id, r]))])) as Record<EntityTable, Map<string, EntityRow>>;
    const added = Object.fromEntries(ENTITY_TABLES.map((t) => [t, (current[t] as EntityRow[]).filter((r) => !had[t].has(r.id))])) as Record<EntityTable, EntityRow[]>;

    // What was sold or is in a cart stays (archived); the rest of what the import added goes.
    const itemUsed = sqlite.prepare(`select exists(select 1 from order_items where menu_item_id = ?) or exists(select 1 from cart_items where menu_item_id = ?)`).pluck();
    const optionUsed = sqlite.prepare(`select exists(select 1 from cart_items where instr(option_ids, ?)) or exists(select 1 from order_items where instr(modifiers, ?))`).pluck();
    const kept = {
      menu_items: new Set(added.menu_items.filter((r) => itemUsed.get(r.id, r.id)).map((r) => r.id)),
      modifier_options: new Set(added.modifier_options.filter((r) => optionUsed.get(r.id, r.id)).map((r) => r.id)),
    };
    const keptGroups = new Set<string>([
      ...current.modifier_options.filter((o) => kept.modifier_options.has(o.id)).map((o) => o.group_id),
      ...current.menu_item_modifier_groups.filter((l) => kept.menu_items.has(l.menu_item_id)).map((l) => l.group_id),
    ]);
    const keptCategories = new Set(current.menu_items.filter((i) => kept.menu_items.has(i.id)).map((i) => i.category_id));
    const keeps = (t: EntityTable, id: string) =>
      t === 'menu_items' ? kept.menu_items.has(id) : t === 'modifier_options' ? kept.modifier_options.has(id) : t === 'modifier_groups' ? keptGroups.has(id) : keptCategories.has(id);

    let removed = 0;
    let archived = 0;
    for (const o of added.modifier_options) if (!keeps('modifier_options', o.id)) (writer.delete('modifier_options', o.id), removed++);
    for (const i of added.menu_items) if (!keeps('menu_items', i.id)) (writer.delete('menu_items', i.id), removed++);
    for (const g of added.modifier_groups) {
      if (keeps('modifier_groups', g.id)) continue;
      sqlite.prepare(`delete from menu_item_modifier_groups where group_id = ?`).run(g.id);
      sqlite.prepare(`delete from category_modifier_groups where group_id = ?`).run(g.id);
      // Deleted at the end (restored rows still point at it until then): its name is freed now.
      sqlite.prepare(`update modifier_groups set name = char(1) || id where id = ?`).run(g.id);
    }
    for (const c of added.categories) {
      if (!keeps('categories', c.id)) sqlite.prepare(`update categories set name = char(1) || id, slug = char(1) || id where id = ?`).run(c.id);
    }

    // Kept rows: archived, their SKU freed, renamed if a restored row needs the name or slug.
    for (const t of ENTITY_TABLES) {
      const names = new Set(then[t].map((r) => key(scopeOf(t, r), r.name)));
      const slugs = new Set(then[t].map((r) => ('slug' in r ? r.slug : '')));
      for (const r of added[t]) {
        if (!keeps(t, r.id)) continue;
        const next = { ...r, archived_at: r.archived_at ?? now, version: r.version + 1, updated_at: now } as EntityRow & { slug?: string; sku?: string | null };
        if (names.has(key(scopeOf(t, r), r.name))) next.name = `${r.name.slice(0, 100 - SUFFIX.length)}${SUFFIX}`;
        if (next.slug !== undefined && slugs.has(next.slug)) next.slug = `${next.slug}-undone-${r.id.slice(-8)}`;
        if (next.sku !== undefined) next.sku = null;
        writer.update(t, next);
        archived++;
      }
    }

    // Restore in two steps so names that moved between rows never collide on the way.
    let restored = 0;
    for (const t of ENTITY_TABLES) {
      const now_ = new Map<string, EntityRow>((current[t] as EntityRow[]).map((r) => [r.id, r]));
      const changed = (then[t] as EntityRow[]).filter((r) => {
        const cur = now_.get(r.id);
        return !cur || differs(r, cur);
      });
      const hasSlug = t === 'categories' || t === 'menu_items';
      const park = sqlite.prepare(
        `update ${t} set name = char(1) || id${hasSlug ? `, slug = char(1) || id` : ''}${t === 'menu_items' ? ', sku = null' : ''} where id = ?`,
      );
      for (const r of changed) if (now_.has(r.id)) park.run(r.id);
      for (const r of changed) {
        const cur = now_.get(r.id);
        if (cur) writer.update(t, { ...r, version: cur.version + 1, updated_at: now });
        else writer.insert(t, { ...r, version: r.version + 1, updated_at: now });
        restored++;
      }
    }

    sqlite.prepare(`delete from category_modifier_groups`).run();
    const itemLink = sqlite.prepare(`delete from menu_item_modifier_groups where menu_item_id = ?`);
    for (const i of current.menu_items) if (!kept.menu_items.has(i.id)) itemLink.run(i.id);
    const addItemLink = sqlite.prepare(`insert into menu_item_modifier_groups (menu_item_id, group_id, display_order) values (?, ?, ?)`);
    for (const l of then.menu_item_modifier_groups) addItemLink.run(l.menu_item_id, l.group_id, l.display_order);
    const addCatLink = sqlite.prepare(`insert into category_modifier_groups (category_id, group_id, display_order) values (?, ?, ?)`);
    for (const l of then.category_modifier_groups) addCatLink.run(l.category_id, l.group_id, l.display_order);

    for (const g of added.modifier_groups) if (!keeps('modifier_groups', g.id)) (writer.delete('modifier_groups', g.id), removed++);
    for (const c of added.categories) if (!keeps('categories', c.id)) (writer.delete('categories', c.id), removed++);

    sqlite.prepare(`update menu_snapshots set undone_at = ? where id = ?`).run(now, snap.id);
    ctx.audit.append({ actorUserId: actor.userId, action: 'menu.import.undo', entityType: 'menu', entityId: snap.id, newValue: { restored, removed, archived } });
  })();
}
