import type Database from 'better-sqlite3';
import { newId } from '../ids';

// The starter menu a new shop gets on first run (prices in centavos). Applied once: the
// `seed.menu` setting records it, so a manager's later edits are never overwritten.
export const SEED_MENU: ReadonlyArray<{
  name: string;
  kind: 'drink' | 'food';
  items: ReadonlyArray<{ name: string; price: number; description: string }>;
}> = [
  {
    name: 'Espresso',
    kind: 'drink',
    items: [
      { name: 'Espresso', price: 11000, description: 'A double shot of our house blend' },
      { name: 'Americano', price: 13000, description: 'Espresso topped with hot water' },
      { name: 'Cappuccino', price: 16000, description: 'Espresso, steamed milk, deep foam' },
      { name: 'Latte', price: 16500, description: 'Espresso with silky steamed milk' },
      { name: 'Flat White', price: 17000, description: 'Ristretto with thin micro-foam' },
      { name: 'Mocha', price: 18000, description: 'Espresso, chocolate and steamed milk' },
      { name: 'Caramel Macchiato', price: 18500, description: 'Vanilla milk, espresso, caramel' },
    ],
  },
  {
    name: 'Brewed Coffee',
    kind: 'drink',
    items: [
      { name: 'House Brew', price: 10000, description: 'Drip coffee of the day' },
      { name: 'Pour Over', price: 18000, description: 'Single origin, brewed by hand' },
      { name: 'Cold Brew', price: 17000, description: 'Steeped 18 hours, served over ice' },
    ],
  },
  {
    name: 'Tea',
    kind: 'drink',
    items: [
      { name: 'Green Tea', price: 12000, description: 'Sencha, hot or iced' },
      { name: 'Earl Grey', price: 12000, description: 'Black tea with bergamot' },
      { name: 'Chai Latte', price: 16000, description: 'Spiced tea with steamed milk' },
      { name: 'Matcha Latte', price: 18000, description: 'Ceremonial matcha with milk' },
    ],
  },
  {
    name: 'Bakery',
    kind: 'food',
    items: [
      { name: 'Croissant', price: 9500, description: 'All-butter, baked this morning' },
      { name: 'Pain au Chocolat', price: 11000, description: 'Croissant dough with dark chocolate' },
      { name: 'Blueberry Muffin', price: 9000, description: 'With a crumble top' },
      { name: 'Banana Bread', price: 8500, description: 'A thick slice, lightly toasted' },
      { name: 'Ensaymada', price: 7500, description: 'Buttery brioche with sugar and cheese' },
    ],
  },
];

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function applySeedMenu(sqlite: Database.Database, now: number): boolean {
  const applied = sqlite.prepare(`select 1 from settings where key = 'seed.menu'`).get();
  if (applied) return false;
  const insertCategory = sqlite.prepare(
    `insert into categories (id, name, slug, kind, display_order, updated_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertItem = sqlite.prepare(
    `insert into menu_items (id, category_id, name, slug, description, base_price, display_order, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    SEED_MENU.forEach((category, ci) => {
      const categoryId = newId(now);
      insertCategory.run(categoryId, category.name, slugify(category.name), category.kind, ci, now);
      category.items.forEach((item, ii) => {
        // Item slugs are unique across the menu; "Espresso" the drink and the category share a name.
        insertItem.run(newId(now), categoryId, item.name, slugify(item.name), item.description, item.price, ii, now);
      });
    });
    sqlite.prepare(`insert into settings (key, value, updated_at) values ('seed.menu', ?, ?)`).run('1', now);
  })();
  return true;
}

// Modifier groups for the starter drinks, and barcodes (SKUs) for every starter item. A second
// seed step (`seed.modifiers`) so databases created before modifiers existed get them once too.
export const SEED_MODIFIERS: ReadonlyArray<{
  name: string;
  min: number;
  max: number;
  options: ReadonlyArray<{ name: string; delta: number; isDefault?: boolean }>;
}> = [
  { name: 'Size', min: 1, max: 1, options: [{ name: 'Small', delta: 0, isDefault: true }, { name: 'Medium', delta: 2000 }, { name: 'Large', delta: 4000 }] },
  { name: 'Milk', min: 1, max: 1, options: [{ name: 'Whole', delta: 0, isDefault: true }, { name: 'Oat', delta: 3000 }, { name: 'Soy', delta: 2500 }] },
  { name: 'Extras', min: 0, max: 3, options: [{ name: 'Extra shot', delta: 4000 }, { name: 'Vanilla syrup', delta: 2500 }, { name: 'Caramel syrup', delta: 2500 }] },
];

const MILK_DRINK = ['Size', 'Milk', 'Extras'];
export const SEED_ITEM_MODIFIERS: Readonly<Record<string, readonly string[]>> = {
  Espresso: ['Extras'],
  Americano: ['Size', 'Extras'],
  Cappuccino: MILK_DRINK,
  Latte: MILK_DRINK,
  'Flat White': MILK_DRINK,
  Mocha: MILK_DRINK,
  'Caramel Macchiato': MILK_DRINK,
  'House Brew': ['Size'],
  'Cold Brew': ['Size', 'Extras'],
  'Green Tea': ['Size'],
  'Earl Grey': ['Size'],
  'Chai Latte': MILK_DRINK,
  'Matcha Latte': MILK_DRINK,
};

/** 13-digit codes as printed on shelf labels: 480 (the Philippines' GS1 prefix) + a running number. */
export const seedSku = (index: number): string => `4800001${String(index + 1).padStart(6, '0')}`;

export function applySeedModifiers(sqlite: Database.Database, now: number): boolean {
  if (sqlite.prepare(`select 1 from settings where key = 'seed.modifiers'`).get()) return false;
  const groupIds = new Map<string, string>();
  sqlite.transaction(() => {
    SEED_MODIFIERS.forEach((group, gi) => {
      const id = newId(now);
      groupIds.set(group.name, id);
      sqlite
        .prepare(`insert into modifier_groups (id, name, min_choices, max_choices, display_order, updated_at) values (?, ?, ?, ?, ?, ?)`)
        .run(id, group.name, group.min, group.max, gi, now);
      group.options.forEach((o, oi) => {
        sqlite
          .prepare(
            `insert into modifier_options (id, group_id, name, price_delta, is_default, display_order, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(newId(now), id, o.name, o.delta, o.isDefault ? 1 : 0, oi, now);
      });
    });
    const items = sqlite.prepare(`select id, name from menu_items order by rowid`).all() as { id: string; name: string }[];
    const link = sqlite.prepare(`insert into menu_item_modifier_groups (menu_item_id, group_id, display_order) values (?, ?, ?)`);
    const setSku = sqlite.prepare(`update menu_items set sku = ? where id = ? and sku is null`);
    SEED_MENU.flatMap((c) => c.items).forEach((seedItem, index) => {
      const item = items.find((i) => i.name === seedItem.name);
      if (!item) return;
      setSku.run(seedSku(index), item.id);
      (SEED_ITEM_MODIFIERS[seedItem.name] ?? []).forEach((groupName, order) => link.run(item.id, groupIds.get(groupName), order));
    });
    sqlite.prepare(`insert into settings (key, value, updated_at) values ('seed.modifiers', ?, ?)`).run('1', now);
  })();
  return true;
}
