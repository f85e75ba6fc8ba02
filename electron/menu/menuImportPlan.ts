// The dry run of a menu CSV: the file's rows laid over the current menu, with the same rules the
// back office enforces (unique names and slugs, SKU unique, price bounds, group min/max and
// availability). Nothing is written here: the result is the list of rows to insert/update and
// the preview a person reads. Rows are matched by id, else (items) by SKU, else by name within
// their category/group; a row that matches nothing is new. Rows missing from the file are left
// alone: only `archived = yes` archives.
import { newId } from '../../db/ids';
import { MAX_MENU_PRICE, MENU_COLORS, type ImportPreview } from '../shared/contract/menu';
import { formatMoney, type Currency } from '../shared/money';
import { uniqueSlug } from './catalogRules';
import { cellText, COLUMNS, parsePrice, parseWhole, parseYesNo, ROW_TYPES, RowProblem, splitNames, type Column, type CsvRow, type RowType } from './menuCsv';
import { describePlan } from './menuImportPreview';
import { groupProblem, MAX_CHOICES } from './menuRules';
import { linksByOwner, type CategoryRow, type GroupRow, type ItemRow, type MenuRows, type OptionRow } from './menuRows';
import { availableNow } from './soldOut';

export interface Entry<R> {
  before: R | null;
  after: R;
  /** The file row that set it, or null when the file does not mention it. */
  row: number | null;
  linksBefore?: string[];
  links?: string[];
}

export interface ImportPlan {
  categories: Entry<CategoryRow>[];
  groups: Entry<GroupRow>[];
  options: Entry<OptionRow>[];
  items: Entry<ItemRow>[];
  preview: Omit<ImportPreview, 'token'>;
}

/** As catalogRules' sameName: "latte", "Latte" and "LATTE" are one name. */
const nameKey = (scope: string, name: string) => `${scope}\u0000${name.normalize('NFC').toLocaleLowerCase('en')}`;
const MAX_POSITION = 100_000;
const SKU = /^[A-Za-z0-9._-]{1,64}$/;

class Table<R extends { id: string; name: string }> {
  readonly byId = new Map<string, Entry<R>>();
  private readonly names = new Map<string, string>();
  /** Names as they were before the file, so rows can still say "Coffee" after Coffee was renamed. */
  private readonly oldNames = new Map<string, string>();
  constructor(
    rows: readonly R[],
    private readonly scope: (r: R) => string,
  ) {
    for (const r of rows) {
      this.byId.set(r.id, { before: r, after: { ...r }, row: null });
      this.names.set(nameKey(scope(r), r.name), r.id);
      this.oldNames.set(nameKey(scope(r), r.name), r.id);
    }
  }
  /** A reference from another row ("category: Tea"): today's names first, then names the file changed. */
  find(scope: string, name: string): string | undefined {
    return this.names.get(nameKey(scope, name)) ?? this.oldNames.get(nameKey(scope, name));
  }
  /** The row a line without an id stands for: by today's name only (a renamed row's old name is free). */
  match(scope: string, name: string): Entry<R> | undefined {
    const id = this.names.get(nameKey(scope, name));
    return id === undefined ? undefined : this.byId.get(id);
  }
  /** Another row (not `id`) already called this in this scope. */
  clash(scope: string, name: string, id: string): Entry<R> | undefined {
    const other = this.names.get(nameKey(scope, name));
    return other !== undefined && other !== id ? this.byId.get(other) : undefined;
  }
  put(entry: Entry<R>, next: R): void {
    const old = this.byId.get(next.id);
    if (old && this.names.get(nameKey(this.scope(old.after), old.after.name)) === next.id) this.names.delete(nameKey(this.scope(old.after), old.after.name));
    this.names.set(nameKey(this.scope(next), next.name), next.id);
    entry.after = next;
    this.byId.set(next.id, entry);
  }
}

export interface PlanContext {
  now: number;
  currency: Currency;
}

export function buildPlan(menu: MenuRows, rows: readonly CsvRow[], columns: readonly Column[], ctx: PlanContext): ImportPlan {
  const { now, currency } = ctx;
  const money = (m: number) => formatMoney(m, currency);
  const cats = new Table<CategoryRow>(menu.categories, () => '');
  const groups = new Table<GroupRow>(menu.modifier_groups, () => '');
  const options = new Table<OptionRow>(menu.modifier_options, (o) => o.group_id);
  const items = new Table<ItemRow>(menu.menu_items, (i) => i.category_id);
  const itemLinks = linksByOwner(menu.menu_item_modifier_groups, (l) => l.menu_item_id);
  const catLinks = linksByOwner(menu.category_modifier_groups, (l) => l.category_id);
  for (const e of items.byId.values()) e.links = e.linksBefore = itemLinks.get(e.after.id) ?? [];
  for (const e of cats.byId.values()) e.links = e.linksBefore = catLinks.get(e.after.id) ?? [];
  const skus = new Map(menu.menu_items.flatMap((i) => (i.sku ? [[i.sku, i.id] as const] : [])));
  const slugs = { cat: new Map(menu.categories.map((c) => [c.slug, c.id])), item: new Map(menu.menu_items.map((i) => [i.slug, i.id])) };
  const rejected = new Map<number, string>();
  const has = new Set(columns);

  // ---------- cells ----------
  const cell = (r: CsvRow, c: Column) => (has.has(c) ? cellText(r, c) : undefined);
  const name = (r: CsvRow): string | undefined => {
    const v = cell(r, 'name');
    if (v === undefined) return undefined;
    if (v === '') throw new RowProblem('name is empty');
    if (v.length > 100) throw new RowProblem('name is longer than 100 characters');
    if (/[\r\n\t]/.test(v)) throw new RowProblem('name must be on one line');
    return v;
  };
  const flag = (r: CsvRow, c: Column, empty: boolean): number | undefined => {
    const v = cell(r, c);
    return v === undefined ? undefined : (v === '' ? empty : parseYesNo(v, c)) ? 1 : 0;
  };
  const color = (r: CsvRow): string | undefined => {
    const v = cell(r, 'color')?.toLowerCase();
    if (v === undefined || (MENU_COLORS as readonly string[]).includes(v)) return v;
    if (v === 'default') return '';
    throw new RowProblem(`color must be one of ${MENU_COLORS.filter(Boolean).join(', ')} (or empty), not “${v}”`);
  };
  const position = (r: CsvRow): number | undefined => {
    const v = cell(r, 'position');
    return v === undefined || v === '' ? undefined : parseWhole(v, 'position', 0, MAX_POSITION);
  };
  const archivedAt = (r: CsvRow, before: { archived_at: number | null } | null): number | null | undefined => {
    const v = flag(r, 'archived', false);
    return v === undefined ? undefined : v ? (before?.archived_at ?? now) : null;
  };
  const resolveGroups = (r: CsvRow, current: string[] | undefined): string[] | undefined => {
    const v = cell(r, 'groups');
    if (v === undefined) return undefined;
    const ids: string[] = [];
    for (const n of splitNames(v, (x) => groups.find('', x) !== undefined)) {
      const id = groups.find('', n);
      if (!id) throw new RowProblem(`No modifier group “${n}” on the menu or in this file`);
      if (ids.includes(id)) throw new RowProblem(`The group “${n}” is listed twice`);
      if (groups.byId.get(id)!.after.archived_at !== null && !current?.includes(id)) throw new RowProblem(`The group “${n}” is archived`);
      ids.push(id);
    }
    if (ids.length > 20) throw new RowProblem('At most 20 groups per row');
    return ids;
  };
  const nextOrder = (list: Iterable<Entry<{ display_order: number }>>, keep: (e: Entry<{ display_order: number }>) => boolean) => {
    let max = -1;
    for (const e of list) if (keep(e)) max = Math.max(max, e.after.display_order);
    return max + 1;
  };
  const matched = <R extends { name: string }>(r: CsvRow, what: string, table: Table<R & { id: string }>, id: string | undefined): Entry<R & { id: string }> | undefined => {
    if (!id) return undefined;
    const e = table.byId.get(id);
    if (!e) throw new RowProblem(`No ${what} has the id ${id}: leave the id empty to add a new one`);
    return e;
  };
  const once = (e: Entry<{ name: string }> | undefined) => {
    if (e && e.row !== null) throw new RowProblem(`Row ${e.row} already changes “${e.after.name}”`);
  };

  // ---------- one row per kind ----------
  const touchedGroups = new Map<string, number>();
  const groupRow = (r: CsvRow) => {
    const id = cell(r, 'id') || undefined;
    const n = name(r);
    const e = matched(r, 'modifier group', groups, id) ?? (n ? groups.match('', n) : undefined);
    once(e);
    const next: GroupRow = e
      ? { ...e.after }
      : { id: newId(now), name: '', min_choices: 0, max_choices: 1, allow_repeat: 0, display_order: -1, archived_at: null, version: 1, updated_at: now };
    if (n !== undefined) next.name = n;
    if (!next.name) throw new RowProblem('name is missing');
    const min = cell(r, 'min');
    if (min !== undefined) next.min_choices = min === '' ? 0 : parseWhole(min, 'min', 0, MAX_CHOICES);
    const max = cell(r, 'max');
    if (max !== undefined) next.max_choices = max === '' ? 1 : parseWhole(max, 'max', 1, MAX_CHOICES);
    if (next.min_choices > next.max_choices) throw new RowProblem(`min (${next.min_choices}) is more than max (${next.max_choices})`);
    next.allow_repeat = flag(r, 'repeat', false) ?? next.allow_repeat;
    next.display_order = position(r) ?? (next.display_order < 0 ? nextOrder(groups.byId.values(), () => true) : next.display_order);
    next.archived_at = archivedAt(r, e?.before ?? null) ?? next.archived_at;
    const clash = groups.clash('', next.name, next.id);
    if (clash) throw new RowProblem(`A modifier group is already called “${clash.after.name}”`);
    const entry = e ?? { before: null, after: next, row: null };
    entry.row = r.row;
    groups.put(entry, next);
    touchedGroups.set(next.id, r.row);
  };

  const optionRow = (r: CsvRow) => {
    const id = cell(r, 'id') || undefined;
    const n = name(r);
    const g = cell(r, 'group');
    const groupId = g ? groups.find('', g) : undefined;
    if (g === '' || (g === undefined && !id)) throw new RowProblem('group is missing: say which modifier group the option belongs to');
    if (g !== undefined && !groupId) throw new RowProblem(`No modifier group “${g}” on the menu or in this file`);
    const e = matched(r, 'option', options, id) ?? (n && groupId ? options.match(groupId, n) : undefined);
    once(e);
    if (e && groupId && e.after.group_id !== groupId) {
      throw new RowProblem(`An option cannot move to another group: archive it and add a new row for “${g}”`);
    }
    const next: OptionRow = e
      ? { ...e.after }
      : { id: newId(now), group_id: groupId!, name: '', price_delta: 0, is_default: 0, is_available: 1, sold_out_until: null, display_order: -1, archived_at: null, version: 1, updated_at: now };
    if (n !== undefined) next.name = n;
    if (!next.name) throw new RowProblem('name is missing');
    const delta = cell(r, 'price_delta');
    if (delta !== undefined) next.price_delta = delta === '' ? 0 : parsePrice(delta, 'price_delta', -MAX_MENU_PRICE, MAX_MENU_PRICE);
    next.is_default = flag(r, 'default', false) ?? next.is_default;
    next.is_available = flag(r, 'available', true) ?? next.is_available;
    if (next.is_default && !availableNow({ isAvailable: !!next.is_available, soldOutUntil: next.sold_out_until }, now) && !e?.before?.is_default) {
      throw new RowProblem(`${next.name} is sold out: it cannot be made the default`);
    }
    next.display_order =
      position(r) ?? (next.display_order < 0 ? nextOrder(options.byId.values(), (x) => (x.after as OptionRow).group_id === next.group_id) : next.display_order);
    next.archived_at = archivedAt(r, e?.before ?? null) ?? next.archived_at;
    const clash = options.clash(next.group_id, next.name, next.id);
    if (clash) throw new RowProblem(`${groups.byId.get(next.group_id)!.after.name} already has an option called “${clash.after.name}”`);
    const entry = e ?? { before: null, after: next, row: null };
    entry.row = r.row;
    options.put(entry, next);
    if (!touchedGroups.has(next.group_id)) touchedGroups.set(next.group_id, r.row);
  };

  const categoryRow = (r: CsvRow) => {
    const id = cell(r, 'id') || undefined;
    const n = name(r);
    const e = matched(r, 'category', cats, id) ?? (n ? cats.match('', n) : undefined);
    once(e);
    const next: CategoryRow = e
      ? { ...e.after }
      : { id: newId(now), name: '', slug: '', description: '', kind: 'drink', is_featured: 0, color: '', display_order: -1, archived_at: null, version: 1, updated_at: now };
    if (n !== undefined) next.name = n;
    if (!next.name) throw new RowProblem('name is missing');
    const kind = cell(r, 'kind')?.toLowerCase();
    if (kind === 'drink' || kind === 'food') next.kind = kind;
    else if (kind) throw new RowProblem(`kind must be drink or food, not “${kind}”`);
    next.color = color(r) ?? next.color;
    next.display_order = position(r) ?? (next.display_order < 0 ? nextOrder(cats.byId.values(), () => true) : next.display_order);
    next.archived_at = archivedAt(r, e?.before ?? null) ?? next.archived_at;
    const clash = cats.clash('', next.name, next.id);
    if (clash) throw new RowProblem(`A category is already called “${clash.after.name}”`);
    const links = resolveGroups(r, e?.linksBefore) ?? e?.links ?? [];
    if (!e || e.after.name !== next.name) next.slug = uniqueSlug(next.name, 'category', (s) => (slugs.cat.get(s) ?? next.id) !== next.id);
    const entry = e ?? { before: null, after: next, row: null, linksBefore: [] };
    entry.row = r.row;
    entry.links = links;
    slugs.cat.delete(e?.after.slug ?? '');
    slugs.cat.set(next.slug, next.id);
    cats.put(entry, next);
  };

  const itemRow = (r: CsvRow) => {
    const id = cell(r, 'id') || undefined;
    const n = name(r);
    const sku = cell(r, 'sku');
    if (sku && !SKU.test(sku)) throw new RowProblem(`sku “${sku}” may hold letters, digits, dot, dash and underscore only (at most 64)`);
    const c = cell(r, 'category');
    const categoryId = c ? cats.find('', c) : undefined;
    if (c !== undefined && c !== '' && !categoryId) throw new RowProblem(`No category “${c}” on the menu or in this file`);
    const e =
      matched(r, 'item', items, id) ??
      (sku ? items.byId.get(skus.get(sku) ?? '') : undefined) ??
      (n && categoryId ? items.match(categoryId, n) : undefined);
    once(e);
    if (!e && !c) throw new RowProblem('category is missing: say which category the item is in');
    const next: ItemRow = e
      ? { ...e.after }
      : {
          id: newId(now),
          category_id: categoryId!,
          name: '',
          slug: '',
          sku: null,
          description: '',
          base_price: -1,
          image: '',
          is_available: 1,
          sold_out_until: null,
          color: '',
          is_favorite: 0,
          display_order: -1,
          archived_at: null,
          version: 1,
          updated_at: now,
        };
    if (n !== undefined) next.name = n;
    if (!next.name) throw new RowProblem('name is missing');
    if (c === '') throw new RowProblem('category is empty');
    if (categoryId) next.category_id = categoryId;
    const price = cell(r, 'price');
    if (price === '' || (price === undefined && next.base_price < 0)) throw new RowProblem('price is missing');
    if (price !== undefined) next.base_price = parsePrice(price, 'price', 0, MAX_MENU_PRICE);
    if (sku !== undefined) {
      next.sku = sku || null;
      const owner = sku ? skus.get(sku) : undefined;
      if (owner && owner !== next.id) throw new RowProblem(`SKU ${sku} already belongs to “${items.byId.get(owner)!.after.name}”`);
    }
    const description = cell(r, 'description');
    if (description !== undefined && description.length > 500) throw new RowProblem('description is longer than 500 characters');
    next.description = description ?? next.description;
    next.color = color(r) ?? next.color;
    next.is_available = flag(r, 'available', true) ?? next.is_available;
    next.is_favorite = flag(r, 'favorite', false) ?? next.is_favorite;
    const moved = e !== undefined && e.after.category_id !== next.category_id;
    next.display_order =
      position(r) ??
      (next.display_order < 0 || moved ? nextOrder(items.byId.values(), (x) => (x.after as ItemRow).category_id === next.category_id) : next.display_order);
    next.archived_at = archivedAt(r, e?.before ?? null) ?? next.archived_at;
    const category = cats.byId.get(next.category_id)!.after;
    const clash = items.clash(next.category_id, next.name, next.id);
    if (clash) throw new RowProblem(`${category.name} already has an item called “${clash.after.name}”`);
    if (next.archived_at === null && category.archived_at !== null && (!e || moved || e.after.archived_at !== null)) {
      throw new RowProblem(`The category “${category.name}” is archived: restore it or choose another`);
    }
    const links = resolveGroups(r, e?.linksBefore) ?? e?.links ?? [];
    if (!e || e.after.name !== next.name) next.slug = uniqueSlug(next.name, 'item', (s) => (slugs.item.get(s) ?? next.id) !== next.id);
    const entry = e ?? { before: null, after: next, row: null, linksBefore: [] };
    entry.row = r.row;
    entry.links = links;
    if (e?.after.sku) skus.delete(e.after.sku);
    if (next.sku) skus.set(next.sku, next.id);
    slugs.item.delete(e?.after.slug ?? '');
    slugs.item.set(next.slug, next.id);
    items.put(entry, next);
  };

  // ---------- the file, kind by kind (parents first), each in row order ----------
  const byType = new Map<RowType, CsvRow[]>(ROW_TYPES.map((t) => [t, []]));
  const seenIds = new Map<string, number>();
  const seenSkus = new Map<string, number>();
  for (const r of rows) {
    try {
      if (r.extra) throw new RowProblem('This row has more cells than the header has columns');
      const type = cellText(r, 'type')?.toLowerCase() ?? '';
      if (!(ROW_TYPES as readonly string[]).includes(type)) throw new RowProblem(type ? `type must be category, group, option or item, not “${type}”` : 'type is empty');
      for (const c of Object.keys(r.cells) as Column[]) {
        if (r.cells[c]!.trim() !== '' && !(COLUMNS[c] as readonly string[]).includes(type)) throw new RowProblem(`${c} is not used on ${type} rows: leave it empty`);
      }
      const id = cellText(r, 'id');
      if (id) {
        if (seenIds.has(`${type}:${id}`)) throw new RowProblem(`The id ${id} is also on row ${seenIds.get(`${type}:${id}`)}`);
        seenIds.set(`${type}:${id}`, r.row);
      }
      const sku = type === 'item' ? cell(r, 'sku') : undefined;
      if (sku) {
        if (seenSkus.has(sku)) throw new RowProblem(`SKU ${sku} is also on row ${seenSkus.get(sku)}`);
        seenSkus.set(sku, r.row);
      }
      byType.get(type as RowType)!.push(r);
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      rejected.set(r.row, e.message);
    }
  }
  const handlers: [RowType, (r: CsvRow) => void][] = [
    ['group', groupRow],
    ['option', optionRow],
    ['category', categoryRow],
    ['item', itemRow],
  ];
  for (const [type, handle] of handlers) {
    for (const r of byType.get(type)!) {
      try {
        handle(r);
      } catch (e) {
        if (!(e instanceof RowProblem)) throw e;
        rejected.set(r.row, e.message);
      }
    }
  }

  // ---------- rules on the whole result ----------
  const optionsByGroup = new Map<string, OptionRow[]>();
  for (const e of options.byId.values()) optionsByGroup.set(e.after.group_id, [...(optionsByGroup.get(e.after.group_id) ?? []), e.after]);
  for (const [groupId, firstRow] of touchedGroups) {
    const g = groups.byId.get(groupId)!;
    if (g.after.archived_at !== null) continue;
    const problem = groupProblem(
      { name: g.after.name, minChoices: g.after.min_choices, maxChoices: g.after.max_choices, allowRepeat: !!g.after.allow_repeat },
      (optionsByGroup.get(groupId) ?? []).map((o) => ({
        isDefault: !!o.is_default,
        isAvailable: availableNow({ isAvailable: !!o.is_available, soldOutUntil: o.sold_out_until }, now),
        archived: o.archived_at !== null,
      })),
    );
    if (problem) rejected.set(g.row ?? firstRow, problem);
  }
  const activeItems = new Map<string, number>();
  for (const e of items.byId.values()) if (e.after.archived_at === null) activeItems.set(e.after.category_id, (activeItems.get(e.after.category_id) ?? 0) + 1);
  for (const e of cats.byId.values()) {
    const n = activeItems.get(e.after.id) ?? 0;
    if (e.row !== null && e.after.archived_at !== null && e.before?.archived_at == null && n > 0) {
      rejected.set(e.row, `${e.after.name} still has ${n} item${n === 1 ? '' : 's'}: archive them or move them to another category in the file`);
    }
  }

  return describePlan({ cats: cats.byId, groups: groups.byId, options: options.byId, items: items.byId }, rejected, money);
}
