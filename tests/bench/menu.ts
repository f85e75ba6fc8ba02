// A big shop's menu (issue 8): 2,000 items in 20 categories with 100 modifier groups, written
// straight into the database with prepared statements. Timed: the counter's menu load (menu.list
// through the router), the counter's search (the renderer's own index, built once per load, and a
// query over it), and a CSV import of 2,000 items (menu.importPreview + menu.importApply).
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { newId } from '../../db/ids';
import { MENU_COLORS, type MenuCategoryView } from '../../electron/shared/contract';
import { buildMenuIndex, searchIndex } from '../../renderer/src/menuSearch';
import { makeTestCore, OWNER, setupInput, type TestCore } from '../support/testCore';
import { BenchClock } from './counter';
import { ms, QUICK, SIZES, stats, type Table } from './report';

const ITEMS = 2_000;
const CATEGORIES = 20;
const GROUPS = 100;
const OPTIONS_PER_GROUP = 6;
/** Groups attached to each item, plus one attached to its whole category. */
const GROUPS_PER_ITEM = 3;

const FLAVOURS = ['Vanilla', 'Caramel', 'Hazelnut', 'Mocha', 'Matcha', 'Ube', 'Salted', 'Honey', 'Spiced', 'Coconut', 'Toffee', 'Maple', 'Berry', 'Mint', 'Almond', 'Cinnamon', 'Dark', 'White', 'Iced', 'Hot'];
const BASES = ['Latte', 'Cappuccino', 'Americano', 'Flat White', 'Cold Brew', 'Frappe', 'Macchiato', 'Cortado', 'Tea', 'Chai', 'Croissant', 'Muffin', 'Cookie', 'Brownie', 'Bagel', 'Scone', 'Toast', 'Cake', 'Tart', 'Smoothie'];
const OPTION_WORDS = ['Oat milk', 'Soy milk', 'Almond milk', 'Whole milk', 'Extra shot', 'Decaf', 'Vanilla syrup', 'Caramel drizzle', 'Whip', 'No ice', 'Less sugar', 'Large', 'Small', 'Warm up', 'Cinnamon dust', 'Honey'];

/** Writes the big menu in one transaction; returns some SKUs to search for. */
function generateMenu(sqlite: Database.Database, now: number): { skus: string[] } {
  const insertCategory = sqlite.prepare(
    `insert into categories (id, name, slug, description, kind, is_featured, color, display_order, version, updated_at)
     values (?, ?, ?, '', ?, 0, ?, ?, 1, ?)`,
  );
  const insertItem = sqlite.prepare(
    `insert into menu_items (id, category_id, name, slug, sku, description, base_price, image, is_available, sold_out_until, color, is_favorite, display_order, version, updated_at)
     values (?, ?, ?, ?, ?, '', ?, '', ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertGroup = sqlite.prepare(
    `insert into modifier_groups (id, name, min_choices, max_choices, allow_repeat, display_order, version, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertOption = sqlite.prepare(
    `insert into modifier_options (id, group_id, name, price_delta, is_default, is_available, display_order, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const linkItem = sqlite.prepare(`insert into menu_item_modifier_groups (menu_item_id, group_id, display_order) values (?, ?, ?)`);
  const linkCategory = sqlite.prepare(`insert into category_modifier_groups (category_id, group_id, display_order) values (?, ?, ?)`);
  const skus: string[] = [];
  sqlite.transaction(() => {
    const groupIds: string[] = [];
    for (let g = 0; g < GROUPS; g++) {
      const id = newId(now);
      groupIds.push(id);
      const required = g % 4 === 0;
      insertGroup.run(id, `Bench group ${g + 1}`, required ? 1 : 0, required ? 1 : 3, g % 5 === 1 ? 1 : 0, g, now);
      for (let o = 0; o < OPTIONS_PER_GROUP; o++) {
        const word = OPTION_WORDS[(g * OPTIONS_PER_GROUP + o) % OPTION_WORDS.length]!;
        insertOption.run(newId(now), id, `${word} ${g + 1}`, (o % 3) * 1000 - 500, required && o === 0 ? 1 : 0, o === 5 ? 0 : 1, o, now);
      }
    }
    const perCategory = ITEMS / CATEGORIES;
    for (let c = 0; c < CATEGORIES; c++) {
      const categoryId = newId(now);
      const color = MENU_COLORS[c % MENU_COLORS.length]!;
      insertCategory.run(categoryId, `Bench ${c + 1}`, `bench-${c + 1}`, c % 2 ? 'food' : 'drink', color, 100 + c, now);
      linkCategory.run(categoryId, groupIds[c % GROUPS]!, 0);
      for (let k = 0; k < perCategory; k++) {
        const n = c * perCategory + k;
        const name = `${FLAVOURS[n % FLAVOURS.length]} ${BASES[Math.floor(n / FLAVOURS.length) % BASES.length]} ${n + 1}`;
        const sku = `480${String(n + 1).padStart(7, '0')}`;
        skus.push(sku);
        const soldOutToday = n % 20 === 7 ? now + 86_400_000 : null;
        const itemId = newId(now);
        insertItem.run(itemId, categoryId, name, `bench-item-${n + 1}`, sku, 5000 + (n % 40) * 500, 1, soldOutToday, n % 7 === 0 ? MENU_COLORS[n % MENU_COLORS.length]! : '', n % 50 === 0 ? 1 : 0, k, now);
        for (let j = 0; j < GROUPS_PER_ITEM; j++) linkItem.run(itemId, groupIds[(n * 7 + j * 31) % GROUPS]!, j);
      }
    }
  })();
  return { skus };
}

export async function bigMenuCore(): Promise<{ t: TestCore<BenchClock>; skus: string[] }> {
  const t = makeTestCore({ clock: new BenchClock() });
  await t.must('setup.complete', setupInput());
  const { skus } = generateMenu(t.core.sqlite, Date.now());
  // A fresh core reads the new rows (services cache the modifier catalog: main is its only writer).
  t.reopen();
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }, 'window-1');
  return { t, skus };
}

const itemCount = (menu: MenuCategoryView[]) => menu.reduce((n, c) => n + c.items.length, 0);

export async function menuFigures(table: Table): Promise<void> {
  const { t, skus } = await bigMenuCore();
  let csv: string | null = null;
  try {
    const menu = await t.must('menu.list', {});
    const items = itemCount(menu);
    const groups = new Set(menu.flatMap((c) => c.items.flatMap((i) => i.modifierGroups.map((g) => g.id)))).size;
    const size = `${items.toLocaleString('en')} items, ${groups} groups`;

    const load: number[] = [];
    for (let i = 0; i < SIZES.iterations + SIZES.warmup; i++) {
      if (i % 100 === 0) await t.must('auth.activity', {});
      const start = performance.now();
      const r = await t.call('menu.list', {});
      const took = performance.now() - start;
      if (!r.ok) throw new Error(r.error.message);
      if (i >= SIZES.warmup) load.push(took);
    }
    const l = stats(load);
    table.add(`counter menu load: menu.list via router (${size})`, { p50: ms(l.p50), p99: ms(l.p99) }, 'p99 < 5 ms', l.p99 < 5);

    // The first load after a menu edit rebuilds the cached menu (what a till sees right after a
    // manager saves). A write rereads only the rows it changed (MenuService.invalidate): the edit
    // goes through the router, untimed; the load after it is timed.
    const item = menu[0]!.items[0]!;
    const option = menu.flatMap((c) => c.items.flatMap((i) => i.modifierGroups)).find((g) => g.minChoices === 0)!.options[0]!;
    // A big-menu item whose last group is swapped for another one and back.
    const first = (await t.must('menu.admin', {})).items.find((x) => x.id === menu.at(-1)!.items[50]!.id)!;
    const swap = menu.at(-2)!.items[3]!.modifierGroups.find((g) => !first.groupIds.includes(g.id))!.id;
    let saved = first;
    const saveGroups = async (swapped: boolean) => {
      const { id, version, categoryId, name, price, description, sku, color, isAvailable, isFavorite } = saved;
      const groupIds = swapped ? [...first.groupIds.slice(0, -1), swap] : first.groupIds;
      saved = await t.must('menu.saveItem', { id, version, categoryId, name, price, description, sku, color, isAvailable, isFavorite, groupIds });
    };
    const edits: { figure: string; edit: (i: number) => Promise<unknown> }[] = [
      {
        figure: 'an item repriced or marked unavailable (item rows reread)',
        edit: (i) => t.must('menu.updateItem', i % 2 ? { menuItemId: item.id, price: item.price + 100 * (i % 7) } : { menuItemId: item.id, isAvailable: i % 4 === 0 }),
      },
      { figure: 'an option sold out (groups and options reread)', edit: (i) => t.must('menu.setSoldOut', { target: 'option', id: option.id, soldOut: i % 2 === 0, until: 'manual' }) },
      { figure: "an item's groups changed (menu.saveItem: its category and links reread)", edit: (i) => saveGroups(i % 2 === 0) },
      { figure: 'an import or an undo (everything reread)', edit: async () => t.core.services.menu.invalidate() },
    ];
    for (const { figure, edit } of edits) {
      const rebuilt: number[] = [];
      for (let i = 0; i < Math.ceil(SIZES.iterations / 10) + SIZES.warmup; i++) {
        if (i % 20 === 0) await t.must('auth.activity', {});
        await edit(i);
        const start = performance.now();
        const r = await t.call('menu.list', {});
        const took = performance.now() - start;
        if (!r.ok) throw new Error(r.error.message);
        if (i >= SIZES.warmup) rebuilt.push(took);
      }
      const rb = stats(rebuilt);
      table.add(`counter menu load right after ${figure}`, { p50: ms(rb.p50), p99: ms(rb.p99) }, 'p99 < 5 ms', rb.p99 < 5, 'once per edit, then cached');
    }

    // The renderer's search, as the counter runs it: the index once per menu load, then a query per keystroke.
    const build: number[] = [];
    for (let i = 0; i < Math.ceil(SIZES.iterations / 3) + SIZES.warmup; i++) {
      const start = performance.now();
      void buildMenuIndex(menu).all; // with the A-to-Z list the All tab sorts on first use
      const took = performance.now() - start;
      if (i >= SIZES.warmup) build.push(took);
    }
    const b = stats(build);
    table.add('counter search: index build (with the A–Z list), once per menu load', { p50: ms(b.p50), p99: ms(b.p99) }, 'p99 < 5 ms', b.p99 < 5);

    const index = buildMenuIndex(menu);
    // By name, by part of a name, by SKU (exact and partial), by option, two words, one letter (the most matches), nothing.
    const queries = ['latte', 'flat wh', skus[1234]!, '480000', 'oat', 'vanilla syr', 'c', 'zzzz'];
    const query: number[] = [];
    for (let i = 0; i < SIZES.iterations + SIZES.warmup; i++) {
      const q = queries[i % queries.length]!;
      const start = performance.now();
      searchIndex(index, q);
      const took = performance.now() - start;
      if (i >= SIZES.warmup) query.push(took);
    }
    const q = stats(query);
    const oat = searchIndex(index, 'oat').total;
    table.add('counter search: a query (name, SKU or option)', { p50: ms(q.p50), p99: ms(q.p99) }, 'p99 < 5 ms', q.p99 < 5, `"oat" finds ${oat} items`);

    const exported = await t.call('menu.exportCsv', {});
    // Another shop's ids mean nothing here: blank them (rows refer to each other by name), as a
    // manager filling a spreadsheet for a new shop would.
    if (exported.ok) csv = exported.value.csv.replace(/^(category|group|option|item),[0-9a-f-]{36},/gm, '$1,,');
  } finally {
    t.close();
  }
  await importFigure(table, csv);
}

/** The big menu's own export, imported into a fresh shop (the seed menu): 2,000 items to create. */
async function importFigure(table: Table, csv: string | null): Promise<void> {
  const figure = `CSV import of ${ITEMS.toLocaleString('en')} items: importPreview + importApply via router`;
  if (csv === null) {
    table.add(figure, {}, '< 1 s', 'SKIPPED', 'not built yet (menu.exportCsv)');
    return;
  }
  const runs = QUICK ? 1 : 3;
  const previews: number[] = [];
  const totals: number[] = [];
  let note = '';
  for (let run = 0; run < runs; run++) {
    const t = makeTestCore({ clock: new BenchClock() });
    try {
      await t.must('setup.complete', setupInput());
      const start = performance.now();
      const preview = await t.call('menu.importPreview', { csv });
      const previewed = performance.now();
      if (!preview.ok) {
        table.add(figure, {}, '< 1 s', 'SKIPPED', preview.error.message === 'Not built yet' ? 'not built yet' : `preview refused: ${preview.error.message}`);
        return;
      }
      const applied = await t.call('menu.importApply', { token: preview.value.token });
      const took = performance.now() - start;
      if (!applied.ok) {
        table.add(figure, {}, '< 1 s', 'SKIPPED', applied.error.message === 'Not built yet' ? 'not built yet' : `apply refused: ${applied.error.message}`);
        return;
      }
      previews.push(previewed - start);
      totals.push(took);
      const p = preview.value;
      const r = applied.value;
      const rejected = p.rejected.length ? `, ${p.rejected.length} rejected (row ${p.rejected[0]!.row}: ${p.rejected[0]!.reason})` : '';
      note = `${(csv.length / 1024).toFixed(0)} KB; created ${r.created}, updated ${r.updated}, archived ${r.archived}${rejected}; preview ${ms(previews[previews.length - 1]!)}`;
    } finally {
      t.close();
    }
  }
  const s = stats(totals);
  table.add(figure, { p50: ms(s.p50), p99: ms(s.max) }, '< 1 s', s.max < 1000, `${runs} run${runs > 1 ? 's' : ''}; ${note}`);
}
