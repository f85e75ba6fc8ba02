// The import preview in words: each row the file changes, as a person checks it before applying
// ("Latte: price ₱130.00 → ₱140.00"), and which rows will be written.
import type { ImportChange } from '../shared/contract/menu';
import type { Entry, ImportPlan } from './menuImportPlan';
import type { CategoryRow, GroupRow, ItemRow, OptionRow } from './menuRows';

interface Tables {
  cats: Map<string, Entry<CategoryRow>>;
  groups: Map<string, Entry<GroupRow>>;
  options: Map<string, Entry<OptionRow>>;
  items: Map<string, Entry<ItemRow>>;
}

export function describePlan(tables: Tables, rejected: Map<number, string>, money: (m: number) => string): ImportPlan {
  const preview: ImportPlan['preview'] = { create: [], update: [], archive: [], rejected: [], unchanged: 0 };
  const plan: ImportPlan = { categories: [], groups: [], options: [], items: [], preview };
  const catName = (id: string) => tables.cats.get(id)?.after.name ?? '?';
  const groupNames = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => tables.groups.get(id)?.after.name ?? '?').join(', ') || 'none';
  const was = (label: string, a: string, b: string) => (a === b ? [] : [`${label} ${a} → ${b}`]);
  const yn = (v: number) => (v ? 'yes' : 'no');
  const quote = (s: string | null) => (s ? `“${s}”` : 'none');
  const collect = <R extends { name: string; archived_at: number | null }>(
    kind: ImportChange['kind'],
    table: Map<string, Entry<R>>,
    out: Entry<R>[],
    describe: (b: R, a: R) => string[],
    created: (a: R) => string,
    label: (a: R) => string = (a) => a.name,
    linkWords?: (e: Entry<R>) => string[],
  ) => {
    for (const e of table.values()) {
      if (e.row === null || rejected.has(e.row)) continue;
      const { before, after } = e;
      if (!before) {
        out.push(e);
        preview.create.push({ row: e.row, kind, name: label(after), detail: `new: ${created(after)}` });
        continue;
      }
      const words = [...describe(before, after), ...(linkWords?.(e) ?? [])];
      const archiving = before.archived_at === null && after.archived_at !== null;
      if (before.archived_at !== null && after.archived_at === null) words.unshift('restored');
      if (!archiving && words.length === 0) {
        preview.unchanged++;
        continue;
      }
      out.push(e);
      const change = { row: e.row, kind, name: label(before), detail: archiving ? ['archived', ...words].join('; ') : words.join('; ') };
      (archiving ? preview.archive : preview.update).push(change);
    }
  };
  const linkWords = (e: Entry<unknown>) => (String(e.links) === String(e.linksBefore) ? [] : [`groups ${groupNames(e.linksBefore)} → ${groupNames(e.links)}`]);
  collect('category', tables.cats, plan.categories, (b, a) => [
    ...was('name', quote(b.name), quote(a.name)),
    ...was('kind', b.kind, a.kind),
    ...was('colour', b.color || 'default', a.color || 'default'),
    ...was('position', String(b.display_order), String(a.display_order)),
  ], (a) => `${a.kind} category`, undefined, linkWords);
  collect('group', tables.groups, plan.groups, (b, a) => [
    ...was('name', quote(b.name), quote(a.name)),
    ...was('min', String(b.min_choices), String(a.min_choices)),
    ...was('max', String(b.max_choices), String(a.max_choices)),
    ...was('repeat', yn(b.allow_repeat), yn(a.allow_repeat)),
    ...was('position', String(b.display_order), String(a.display_order)),
  ], (a) => `choose ${a.min_choices} to ${a.max_choices}`);
  collect('option', tables.options, plan.options, (b, a) => [
    ...was('name', quote(b.name), quote(a.name)),
    ...was('price', money(b.price_delta), money(a.price_delta)),
    ...was('default', yn(b.is_default), yn(a.is_default)),
    ...was('available', yn(b.is_available), yn(a.is_available)),
    ...was('position', String(b.display_order), String(a.display_order)),
  ], (a) => `${money(a.price_delta)} in ${tables.groups.get(a.group_id)!.after.name}`, (a) => `${a.name} (${tables.groups.get(a.group_id)!.after.name})`);
  collect('item', tables.items, plan.items, (b, a) => {
    const check = a.base_price === 0 ? ' — check: free' : b.base_price > 0 && Math.abs(a.base_price - b.base_price) * 2 > b.base_price ? ' — check: a change of more than half' : '';
    return [
      ...was('name', quote(b.name), quote(a.name)),
      ...was('category', catName(b.category_id), catName(a.category_id)),
      ...(b.base_price === a.base_price ? [] : [`price ${money(b.base_price)} → ${money(a.base_price)}${check}`]),
      ...was('SKU', quote(b.sku), quote(a.sku)),
      ...(b.description === a.description ? [] : ['description changed']),
      ...was('colour', b.color || 'default', a.color || 'default'),
      ...was('available', yn(b.is_available), yn(a.is_available)),
      ...was('favourite', yn(b.is_favorite), yn(a.is_favorite)),
      ...was('position', String(b.display_order), String(a.display_order)),
    ];
  }, (a) => `${money(a.base_price)} in ${catName(a.category_id)}`, undefined, linkWords);
  preview.rejected = [...rejected].sort((a, b) => a[0] - b[0]).map(([row, reason]) => ({ row, reason }));
  for (const list of [preview.create, preview.update, preview.archive]) list.sort((a, b) => a.row - b.row);
  return plan;
}
