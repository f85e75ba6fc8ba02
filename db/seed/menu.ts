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
