// The counter side of menu management (issue 8): tile colours, sold out (items greyed and not
// addable, options greyed in the chooser), the Favourites and All tabs, search by name, SKU and
// option, and changing a line's options after it was added. Screenshots under test-results/screenshots/.
import { expect, OWNER, test, type BrewlineApp } from './fixtures';
import type { ChannelInput } from '../../electron/shared/contract';

/** The seed menu as main has it (the owner's setup session on window-1). */
async function seedMenu(app: BrewlineApp) {
  const menu = await app.t.must('menu.list', {}, 'window-1');
  const items = menu.flatMap((c) => c.items);
  const item = (name: string) => items.find((i) => i.name === name)!;
  const option = (itemName: string, name: string) => item(itemName).modifierGroups.flatMap((g) => g.options).find((o) => o.name === name)!;
  return { menu, items, item, option };
}

/** "86" through the real channel, as a manager would (menu.setSoldOut). */
async function setSoldOut(app: BrewlineApp, input: ChannelInput<'menu.setSoldOut'>): Promise<void> {
  await app.t.must('menu.setSoldOut', input, 'window-1');
}

/**
 * Menu fields no channel of this slice sets (colour, favourite, allow repeat, category order) are
 * written straight into the database, then the core is reopened so its caches read them, and the
 * owner signs in again on window-1 for the helpers.
 */
async function writeMenu(app: BrewlineApp, sql: string[]): Promise<void> {
  for (const statement of sql) app.t.core.sqlite.prepare(statement).run();
  app.t.reopen();
  await app.t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }, 'window-1');
}

const tile = (app: BrewlineApp, name: string) => app.page.getByRole('button', { name: new RegExp(`^${name} ₱`) });

test.beforeEach(async ({ app }) => {
  await app.setUpShop();
});

test('tiles show their colours; a sold-out item is greyed and cannot be added; a sold-out option is greyed in the chooser', async ({ app }) => {
  const { page } = app;
  await writeMenu(app, [
    `update categories set color = 'caramel' where name = 'Espresso'`,
    `update categories set color = 'matcha' where name = 'Tea'`,
    `update menu_items set color = 'berry' where name = 'Latte'`,
  ]);
  const { item, option } = await seedMenu(app);
  await setSoldOut(app, { target: 'item', id: item('Mocha').id, soldOut: true, until: 'today' });
  await setSoldOut(app, { target: 'item', id: item('Flat White').id, soldOut: true, until: 'manual' });
  await setSoldOut(app, { target: 'option', id: option('Latte', 'Oat').id, soldOut: true, until: 'today' });
  await app.open();
  await app.signIn();

  // The item's own colour wins over its category's; '' keeps today's look.
  await expect(tile(app, 'Latte')).toHaveClass(/tile-color--berry/);
  await expect(tile(app, 'Americano')).toHaveClass(/tile-color--caramel/);
  await expect(tile(app, 'Latte')).toHaveCSS('background-color', 'rgb(247, 217, 225)');
  await expect(tile(app, 'Americano')).toHaveCSS('background-color', 'rgb(249, 223, 191)');
  await expect(page.getByRole('tab', { name: 'Espresso' }).locator('.tab-dot')).toHaveCSS('background-color', 'rgb(168, 86, 26)');

  // Sold out: greyed, labelled, disabled — and main refuses it by code too.
  await expect(tile(app, 'Mocha')).toBeDisabled();
  await expect(tile(app, 'Mocha')).toContainText('Sold out today');
  await expect(tile(app, 'Flat White')).toBeDisabled();
  await expect(tile(app, 'Flat White')).toContainText(/Sold out$/);
  await tile(app, 'Mocha').click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await app.screenshot('80-counter-colours-sold-out');
  const search = page.getByLabel('Search menu');
  await search.fill(item('Mocha').sku!);
  await search.press('Enter');
  await expect(page.getByRole('alert')).toContainText(/Mocha/);
  await expect(page.getByRole('button', { name: /^Charge ₱0\.00/ })).toBeDisabled();

  // Oat milk is out: greyed and not selectable; Whole (the default) is still preselected.
  await tile(app, 'Latte').click();
  const chooser = page.getByRole('dialog', { name: 'Latte', exact: true });
  await expect(chooser.getByRole('radio', { name: /^Oat/ })).toBeDisabled();
  await expect(chooser.locator('.option-chip', { hasText: 'Oat' })).toContainText('Sold out');
  await expect(chooser.getByRole('radio', { name: 'Whole' })).toBeChecked();
  await app.screenshot('81-chooser-option-sold-out');
  await chooser.getByRole('button', { name: 'Add to order' }).click();
  await expect(page.getByRole('list', { name: 'Items in this order' }).getByText('Small · Whole')).toBeVisible();
});

test('Favourites come first when there are any, All lists every item A to Z, categories follow the menu order', async ({ app }) => {
  const { page } = app;
  await writeMenu(app, [
    `update menu_items set is_favorite = 1 where name in ('Latte', 'Croissant', 'Cold Brew')`,
    `update categories set display_order = -1 where name = 'Bakery'`,
  ]);
  const { menu, items } = await seedMenu(app);
  expect(menu[0]!.name).toBe('Bakery');
  await app.open();
  await app.signIn();

  const tabs = page.getByRole('tablist', { name: 'Categories' }).getByRole('tab');
  await expect(tabs).toHaveText(['Favourites', 'All', ...menu.map((c) => c.name)]);
  // Favourites is open first, in menu order.
  await expect(page.getByRole('tab', { name: 'Favourites' })).toHaveAttribute('aria-selected', 'true');
  const grid = page.locator('#menu-items .item-tile .item-name');
  await expect(grid).toHaveText(['Croissant', 'Latte', 'Cold Brew']);
  await app.screenshot('82-counter-favourites');
  await app.addItem('Latte');

  await page.getByRole('tab', { name: 'All' }).click();
  const names = items.map((i) => i.name).sort((a, b) => a.localeCompare(b));
  await expect(grid).toHaveText(names);
  await app.screenshot('83-counter-all-items');
  // Arrow keys walk the tabs in the same order.
  await page.getByRole('tab', { name: 'All' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Bakery' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Bakery' })).toHaveAttribute('aria-selected', 'true');
});

test('search finds items by name, by SKU and by option name; Enter on a code adds it', async ({ app }) => {
  const { page } = app;
  const { item } = await seedMenu(app);
  await app.open();
  await app.signIn();
  const search = page.getByLabel('Search menu');
  const grid = page.locator('#menu-items .item-tile .item-name');

  // "oat" is in no name: the drinks that offer Oat milk, each saying why it is there.
  await search.fill('oat');
  await expect(page.getByText('7 matches for “oat”')).toBeVisible();
  await expect(grid).toHaveText(['Cappuccino', 'Latte', 'Flat White', 'Mocha', 'Caramel Macchiato', 'Chai Latte', 'Matcha Latte']);
  await expect(tile(app, 'Latte')).toContainText('Milk: Oat');
  await app.screenshot('84-search-by-option');

  // Words across name and option: "latte oat" — lattes that offer oat milk, name matches first.
  await search.fill('LATTE oat');
  await expect(grid).toHaveText(['Latte', 'Chai Latte', 'Matcha Latte']);

  // Part of a code, then the whole code (the scanner's path: Enter adds it).
  const sku = item('Croissant').sku!;
  await search.fill(sku.slice(-6));
  await expect(grid).toHaveText(['Croissant']);
  await expect(tile(app, 'Croissant')).toContainText(`SKU ${sku}`);
  await search.fill(sku);
  await search.press('Enter');
  await expect(page.getByRole('list', { name: 'Items in this order' }).getByText('Croissant')).toBeVisible();
  await expect(search).toHaveValue('');

  await search.fill('no such thing');
  await expect(page.getByText('Nothing on the menu matches “no such thing”.')).toBeVisible();
});

test("a line's options are changed after it was added: Edit → Edit options → the chooser, preselected", async ({ app }) => {
  const { page } = app;
  // Extras lets an option be taken more than once (2 pumps of vanilla), up to 3 in all.
  await writeMenu(app, [`update modifier_groups set allow_repeat = 1 where name = 'Extras'`]);
  await app.open();
  await app.signIn();

  await tile(app, 'Latte').click();
  const chooser = page.getByRole('dialog', { name: 'Latte', exact: true });
  const vanilla = chooser.getByRole('group', { name: 'Vanilla syrup' });
  await vanilla.getByRole('button', { name: 'More Vanilla syrup' }).click();
  await vanilla.getByRole('button', { name: 'More Vanilla syrup' }).click();
  await expect(vanilla.locator('.option-step-count')).toHaveText('2');
  await expect(chooser.getByText('₱215.00')).toBeVisible(); // 165 + 2 × 25
  await app.screenshot('85-chooser-repeat-option');
  await chooser.getByRole('button', { name: 'Add to order' }).click();
  const lines = page.getByRole('list', { name: 'Items in this order' });
  await expect(page.getByRole('button', { name: 'Charge ₱215.00' })).toBeEnabled();
  await expect(lines.getByText('Small · Whole · 2× Vanilla syrup')).toBeVisible();

  await lines.getByRole('button', { name: 'Edit Latte' }).click();
  const lineDialog = page.getByRole('dialog', { name: 'Edit Latte' });
  await lineDialog.getByRole('button', { name: 'Edit options' }).click();
  const edit = page.getByRole('dialog', { name: 'Change Latte' });
  // Preselected with the line's options, the repeat included.
  await expect(edit.getByRole('radio', { name: 'Small' })).toBeChecked();
  await expect(edit.getByRole('radio', { name: 'Whole' })).toBeChecked();
  await expect(edit.getByRole('group', { name: 'Vanilla syrup' }).locator('.option-step-count')).toHaveText('2');
  await edit.getByRole('radio', { name: /^Large/ }).check();
  await edit.getByRole('radio', { name: /^Oat/ }).check();
  await edit.getByRole('group', { name: 'Vanilla syrup' }).getByRole('button', { name: 'Less Vanilla syrup' }).click();
  await expect(edit.getByText('₱260.00')).toBeVisible(); // 165 + 40 + 30 + 25
  await app.screenshot('86-chooser-edit-line');
  await edit.getByRole('button', { name: 'Save options' }).click();
  await expect(edit).toBeHidden();
  await expect(lines.getByText('Large · Oat · Vanilla syrup')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Charge ₱260.00' })).toBeEnabled();
  await app.screenshot('87-cart-after-edit');
});
