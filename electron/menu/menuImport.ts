// The menu as CSV: export, a dry-run preview bound to the file and to the menu as it was read,
// an all-or-nothing apply in one transaction (the previous menu kept as a snapshot), and a
// one-step undo (menuUndo.ts).
import { createHash, randomUUID } from 'node:crypto';
import { newId } from '../../db/ids';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid } from '../core/errors';
import type { ImportPreview, ImportResult, MenuAdminView } from '../shared/contract/menu';
import type { SettingsStore } from '../settings/shopSettings';
import type { AdminView } from './adminView';
import { categoryAuditValue, itemAuditValue } from './catalogRules';
import { money, readCsv, writeCsv, yesNo, type Column } from './menuCsv';
import { buildPlan, type Entry, type ImportPlan } from './menuImportPlan';
import { linksByOwner, menuFingerprint, MenuWriter, readMenu, type EntityRow, type EntityTable, type ItemRow, type OptionRow } from './menuRows';
import { undoLastImport } from './menuUndo';

const PREVIEW_TTL_MS = 15 * 60_000;
const MAX_PREVIEWS = 4;
/** Snapshots kept: only the newest can be undone; a few more help a support call. */
const KEEP_SNAPSHOTS = 3;

interface StoredPreview {
  userId: string;
  fingerprint: string;
  plan: ImportPlan;
  expiresAt: number;
}

export class MenuImport {
  private readonly previews = new Map<string, StoredPreview>();
  private readonly writer;

  constructor(
    private readonly deps: Pick<Deps, 'sqlite' | 'clock'>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsStore,
    private readonly view: AdminView,
    /** Drops the counter's cached menu. */
    private readonly onChange: () => void,
  ) {
    this.writer = new MenuWriter(deps.sqlite);
  }

  /** The whole menu, archived rows too (so a round trip keeps them): categories, groups with their options, items. */
  exportCsv(): { filename: string; csv: string } {
    const menu = readMenu(this.deps.sqlite);
    const shop = this.settings.requireShop();
    const catName = new Map(menu.categories.map((c) => [c.id, c.name]));
    const groupName = new Map(menu.modifier_groups.map((g) => [g.id, g.name]));
    const names = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => groupName.get(id) ?? '').join('; ');
    const catLinks = linksByOwner(menu.category_modifier_groups, (l) => l.category_id);
    const itemLinks = linksByOwner(menu.menu_item_modifier_groups, (l) => l.menu_item_id);
    const archived = (r: { archived_at: number | null }) => yesNo(r.archived_at !== null);
    const rows: Partial<Record<Column, string>>[] = [];
    for (const c of menu.categories) {
      rows.push({ type: 'category', id: c.id, name: c.name, kind: c.kind, color: c.color, groups: names(catLinks.get(c.id)), position: String(c.display_order), archived: archived(c) });
    }
    for (const g of menu.modifier_groups) {
      rows.push({ type: 'group', id: g.id, name: g.name, min: String(g.min_choices), max: String(g.max_choices), repeat: yesNo(!!g.allow_repeat), position: String(g.display_order), archived: archived(g) });
      for (const o of menu.modifier_options.filter((x) => x.group_id === g.id)) {
        rows.push({
          type: 'option',
          id: o.id,
          name: o.name,
          group: g.name,
          price_delta: money(o.price_delta),
          default: yesNo(!!o.is_default),
          available: yesNo(!!o.is_available),
          position: String(o.display_order),
          archived: archived(o),
        });
      }
    }
    const catOrder = new Map(menu.categories.map((c, i) => [c.id, i]));
    const items = [...menu.menu_items].sort((a, b) => catOrder.get(a.category_id)! - catOrder.get(b.category_id)! || a.display_order - b.display_order);
    for (const i of items) {
      rows.push({
        type: 'item',
        id: i.id,
        name: i.name,
        category: catName.get(i.category_id) ?? '',
        price: money(i.base_price),
        sku: i.sku ?? '',
        description: i.description,
        color: i.color,
        available: yesNo(!!i.is_available),
        favorite: yesNo(!!i.is_favorite),
        groups: names(itemLinks.get(i.id)),
        position: String(i.display_order),
        archived: archived(i),
      });
    }
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: shop.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(this.deps.clock.now());
    return { filename: `menu-${day}.csv`, csv: writeCsv(rows) };
  }

  /** The dry run: nothing is written; the token applies this plan while the menu stays as read. */
  preview(actor: Session, csv: string): ImportPreview {
    const { columns, rows } = readCsv(csv);
    const now = this.deps.clock.now();
    const fingerprint = menuFingerprint(this.deps.sqlite);
    const plan = buildPlan(readMenu(this.deps.sqlite), rows, columns, { now, currency: this.settings.requireShop().currency });
    for (const [key, p] of this.previews) if (p.expiresAt <= now || p.userId === actor.userId) this.previews.delete(key);
    while (this.previews.size >= MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value!);
    // The token names the file's content too, so a log line can tell two previews apart.
    const token = `${createHash('sha256').update(csv).digest('hex').slice(0, 16)}.${randomUUID()}`;
    this.previews.set(token, { userId: actor.userId, fingerprint, plan, expiresAt: now + PREVIEW_TTL_MS });
    return { token, ...plan.preview };
  }

  /** Applies a preview, all or nothing, after keeping the current menu for undo. */
  apply(actor: Session, token: string): ImportResult {
    const now = this.deps.clock.now();
    const stored = this.previews.get(token);
    if (!stored || stored.expiresAt <= now || stored.userId !== actor.userId) throw conflict('That preview has expired: preview the file again');
    const { plan } = stored;
    const { rejected } = plan.preview;
    if (rejected.length > 0) {
      const first = rejected[0]!;
      throw invalid(`Fix the ${rejected.length === 1 ? 'rejected row' : `${rejected.length} rejected rows`} first (row ${first.row}: ${first.reason}), then preview again. Nothing was imported.`);
    }
    const counts = { created: plan.preview.create.length, updated: plan.preview.update.length, archived: plan.preview.archive.length };
    const result = this.deps.sqlite.transaction((): ImportResult => {
      if (menuFingerprint(this.deps.sqlite) !== stored.fingerprint) throw conflict('The menu changed since the preview; preview again');
      if (counts.created + counts.updated + counts.archived === 0) return { ...counts, canUndo: this.canUndo() };
      const snapshotId = this.snapshot(actor, now);
      this.write(actor, plan, now);
      this.audit.append({ actorUserId: actor.userId, action: 'menu.import', entityType: 'menu', entityId: snapshotId, newValue: { ...counts, unchanged: plan.preview.unchanged } });
      return { ...counts, canUndo: true };
    })();
    this.previews.delete(token);
    this.onChange();
    return result;
  }

  undo(actor: Session): MenuAdminView {
    undoLastImport({ ...this.deps, writer: this.writer, audit: this.audit }, actor);
    this.previews.clear(); // every preview was made against the menu before the undo
    this.onChange();
    return this.view.all();
  }

  private canUndo(): boolean {
    const last = this.deps.sqlite.prepare(`select undone_at from menu_snapshots where reason = 'import' order by created_at desc, id desc limit 1`).get() as
      | { undone_at: number | null }
      | undefined;
    return last !== undefined && last.undone_at === null;
  }

  private snapshot(actor: Session, now: number): string {
    const id = newId(now);
    const { sqlite } = this.deps;
    sqlite.prepare(`insert into menu_snapshots (id, reason, user_id, data, created_at) values (?, 'import', ?, ?, ?)`).run(id, actor.userId, JSON.stringify(readMenu(sqlite)), now);
    sqlite.prepare(`delete from menu_snapshots where id not in (select id from menu_snapshots order by created_at desc, id desc limit ?)`).run(KEEP_SNAPSHOTS);
    return id;
  }

  private write(actor: Session, plan: ImportPlan, now: number): void {
    const currency = this.settings.requireShop().currency;
    const catName = new Map<string, string>();
    for (const row of this.deps.sqlite.prepare(`select id, name from categories`).all() as { id: string; name: string }[]) catName.set(row.id, row.name);
    for (const e of plan.categories) catName.set(e.after.id, e.after.name);
    const groupName = new Map(plan.groups.map((e) => [e.after.id, e.after.name]));
    const groupOf = (id: string) => groupName.get(id) ?? (this.deps.sqlite.prepare(`select name from modifier_groups where id = ?`).pluck().get(id) as string);
    const put = <R extends EntityRow>(table: EntityTable, entries: Entry<R>[], kind: string, value: (r: R) => unknown, links?: (id: string, ids: string[]) => void) => {
      for (const e of [...entries].sort((a, b) => a.row! - b.row!)) {
        const row = { ...e.after, version: (e.before?.version ?? 0) + 1, updated_at: now };
        if (e.before) this.writer.update(table, row);
        else this.writer.insert(table, row);
        if (links && e.links && String(e.links) !== String(e.linksBefore)) links(row.id, e.links);
        const action = !e.before
          ? 'create'
          : e.before.archived_at === null && row.archived_at !== null
            ? 'archive'
            : e.before.archived_at !== null && row.archived_at === null
              ? 'restore'
              : kind === 'item' && (e.before as ItemRow).base_price !== (row as ItemRow).base_price
                ? 'price'
                : 'update';
        this.audit.append({
          actorUserId: actor.userId,
          action: `menu.${kind}.${action}`,
          entityType: table === 'modifier_groups' ? 'modifier_group' : table === 'modifier_options' ? 'modifier_option' : table === 'categories' ? 'category' : 'menu_item',
          entityId: row.id,
          oldValue: e.before ? value(e.before) : undefined,
          newValue: value(row as R),
          reason: 'CSV import',
        });
      }
    };
    put('modifier_groups', plan.groups, 'group', (g) => ({ name: g.name, minChoices: g.min_choices, maxChoices: g.max_choices, allowRepeat: !!g.allow_repeat, archived: g.archived_at !== null }));
    put('modifier_options', plan.options, 'option', (o: OptionRow) => ({
      name: `${o.name} (${groupOf(o.group_id)})`,
      price: o.price_delta,
      currency,
      isAvailable: !!o.is_available,
      archived: o.archived_at !== null,
    }));
    put('categories', plan.categories, 'category', (c) => categoryAuditValue({ name: c.name, kind: c.kind, color: c.color, archivedAt: c.archived_at } as Parameters<typeof categoryAuditValue>[0]), (id, ids) => this.writer.setCategoryLinks(id, ids));
    put('menu_items', plan.items, 'item', (i) => itemAuditValue(asItem(i), currency, now, catName.get(i.category_id)), (id, ids) => this.writer.setItemLinks(id, ids));
  }
}

/** A raw row in the shape the back office's audit helpers read. */
function asItem(r: ItemRow) {
  return {
    id: r.id,
    categoryId: r.category_id,
    name: r.name,
    slug: r.slug,
    sku: r.sku,
    description: r.description,
    basePrice: r.base_price,
    image: r.image,
    isAvailable: !!r.is_available,
    soldOutUntil: r.sold_out_until,
    color: r.color,
    isFavorite: !!r.is_favorite,
    displayOrder: r.display_order,
    archivedAt: r.archived_at,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
