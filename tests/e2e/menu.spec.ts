// The menu back office (issue 8), through the real UI: a manager builds a category, an item and a
// modifier group, a barista sells it, the manager renames it, changes its price (confirmed), 86es
// oat milk, archives a sold item; a 200-item spreadsheet CSV is previewed, applied and undone; an
// export re-imports with no changes. Screenshots: test-results/screenshots/5x-*.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type BrewlineApp } from './fixtures';
import { WHIP_GROUP } from '../support/menuFixtures';
import { addStaff, STAFF_PIN } from '../support/testCore';

async function openMenu(page: Page, section: 'Categories' | 'Items' | 'Modifier groups' | 'Import and export') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Menu sections' }).getByRole('button', { name: new RegExp(`^${section}`) }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
}

/** A menu CSV as a spreadsheet saves it: CRLF line ends, quoted cells with commas and quotes. */
function spreadsheetCsv(header: string, rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

async function menuItemNames(app: BrewlineApp): Promise<string[]> {
  return (await app.t.must('menu.list', {}, 'window-1')).flatMap((c) => c.items.map((i) => i.name));
}

test('a manager builds Frappes → Mocha Frappe with a required Whip group; a barista sells it; rename, price check, 86 oat milk, archive a sold item', async ({ app }) => {
  await app.setUpShop();
  await addStaff(app.t, 'manager', 'mara');
  await addStaff(app.t, 'barista', 'bea');
  await app.open();
  await app.signIn(/Mara/, STAFF_PIN);
  const { page } = app;

  // 1. Category "Frappes", coloured Caramel.
  await openMenu(page, 'Categories');
  await expect(page.getByRole('list', { name: 'Categories' }).getByRole('listitem')).toHaveCount(4);
  await page.getByRole('button', { name: 'New category' }).click();
  let dialog = page.getByRole('dialog', { name: 'New category' });
  await dialog.getByLabel('Name').fill('Frappes');
  await dialog.getByRole('radio', { name: 'Caramel' }).check();
  await app.screenshot('50-menu-new-category');
  await dialog.getByRole('button', { name: 'Add category' }).click();
  await expect(dialog).toBeHidden();
  const frappes = page.getByRole('listitem', { name: 'Frappes' });
  await expect(frappes).toContainText('0 items');
  // Move it up to second place: the counter's tabs follow.
  const tabs = page.getByRole('list', { name: 'Categories' }).getByRole('listitem');
  await frappes.getByRole('button', { name: 'Move Frappes up' }).click();
  await expect(tabs.nth(3)).toHaveAccessibleName('Frappes');
  await frappes.getByRole('button', { name: 'Move Frappes up' }).click();
  await expect(tabs.nth(2)).toHaveAccessibleName('Frappes');
  await app.screenshot('51-menu-categories');

  // 2. Modifier group "Whip": required, default "With whip".
  await page.getByRole('navigation', { name: 'Menu sections' }).getByRole('button', { name: /^Modifier groups/ }).click();
  await page.getByRole('button', { name: 'New group' }).click();
  dialog = page.getByRole('dialog', { name: 'New modifier group' });
  await dialog.getByLabel('Name', { exact: true }).fill('Whip');
  await dialog.getByLabel('Option 1 name').fill('With whip');
  await dialog.getByRole('button', { name: 'Add option' }).click();
  await dialog.getByLabel('Option 2 name').fill('No whip');
  await dialog.getByRole('listitem', { name: 'No whip' }).getByLabel('Price change').fill('-10');
  await app.screenshot('52-menu-new-group');
  await dialog.getByRole('button', { name: 'Add group' }).click();
  await expect(dialog).toBeHidden();
  const whip = page.getByRole('listitem', { name: 'Whip', exact: true });
  await expect(whip).toContainText('Required · choose 1');
  await expect(whip).toContainText('Not used yet');
  await expect(whip.getByRole('listitem', { name: 'No whip' })).toContainText('−₱10.00');

  // 3. Item "Mocha Frappe" in Frappes with Whip.
  await page.getByRole('navigation', { name: 'Menu sections' }).getByRole('button', { name: /^Items/ }).click();
  await page.getByRole('button', { name: 'New item' }).click();
  dialog = page.getByRole('dialog', { name: 'New item' });
  await dialog.getByLabel('Name', { exact: true }).fill('Mocha Frappe');
  await dialog.getByLabel('Category').selectOption({ label: 'Frappes' });
  await dialog.getByLabel('Price').fill('195');
  await dialog.getByLabel('SKU or barcode (optional)').fill('FRP-001');
  await dialog.getByLabel('Whip').check();
  await app.screenshot('53-menu-new-item');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem', { name: 'Mocha Frappe' })).toBeVisible();
  await app.screenshot('54-menu-items');
  await signOut(page);

  // 4. A barista sells it at the counter: Whip is required, "With whip" preselected.
  await app.signIn(/Bea/, STAFF_PIN);
  await page.getByRole('tab', { name: 'Frappes' }).click();
  await page.getByRole('button', { name: /^Mocha Frappe ₱/ }).click();
  const chooser = page.getByRole('dialog', { name: 'Mocha Frappe', exact: true });
  await expect(chooser.getByRole('radio', { name: /With whip/ })).toBeChecked();
  await app.screenshot('55-counter-mocha-frappe-whip');
  await chooser.getByRole('button', { name: 'Add to order' }).click();
  await page.getByRole('button', { name: /^Charge ₱195\.00/ }).click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByLabel('Amount tendered').fill('200');
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByText(/Change/).first()).toBeVisible();
  await signOut(page);

  // 5. The manager renames it and changes its price: more than half asks first, old → new.
  await app.signIn(/Mara/, STAFF_PIN);
  await openMenu(page, 'Items');
  await page.getByRole('button', { name: 'Edit Mocha Frappe' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Mocha Frappe' });
  await dialog.getByLabel('Name', { exact: true }).fill('Mocha Frappé');
  await dialog.getByLabel('Price').fill('19.50');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const ask = page.getByRole('dialog', { name: 'Change Mocha Frappé from ₱195.00 to ₱19.50?' });
  await expect(ask).toBeVisible();
  await app.screenshot('56-menu-price-confirm');
  await ask.getByRole('button', { name: 'Keep ₱195.00' }).click();
  // Back in the form with what was typed; a sensible price saves straight away.
  dialog = page.getByRole('dialog', { name: 'Edit Mocha Frappe' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Mocha Frappé');
  await dialog.getByLabel('Price').fill('210');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Saved Mocha Frappé.')).toBeVisible();
  // The quick price in the row asks too.
  const row = page.getByRole('listitem', { name: 'Mocha Frappé' });
  await row.getByLabel('Price of Mocha Frappé').fill('0');
  await row.getByRole('button', { name: 'Save Mocha Frappé price' }).click();
  await page.getByRole('dialog', { name: 'Make Mocha Frappé free?' }).getByRole('button', { name: 'Keep ₱210.00' }).click();
  await expect(row.getByText(/Saved/)).toHaveCount(0);
  expect((await app.t.must('menu.list', {}, 'window-1')).flatMap((c) => c.items).find((i) => i.name === 'Mocha Frappé')!.price).toBe(21000);
  expect((await menuItemNames(app)).includes('Mocha Frappé')).toBe(true);

  // 6. 86 oat milk (today): greyed at the counter.
  await page.getByRole('navigation', { name: 'Menu sections' }).getByRole('button', { name: /^Modifier groups/ }).click();
  const milk = page.getByRole('listitem', { name: 'Milk', exact: true });
  await milk.getByRole('button', { name: 'Oat sold out today' }).click();
  await expect(milk.getByRole('listitem', { name: 'Oat', exact: true })).toContainText('Sold out today');
  await app.screenshot('57-menu-oat-sold-out');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Counter' }).click();
  await page.getByRole('button', { name: /^Latte ₱/ }).click();
  const latte = page.getByRole('dialog', { name: 'Latte', exact: true });
  await expect(latte.getByRole('radio', { name: /Oat/ })).toBeDisabled();
  await app.screenshot('58-counter-oat-greyed');
  await latte.getByRole('button', { name: 'Cancel' }).click();

  // 7. Archive the sold item: gone from the counter, kept in order history and under Archived.
  await openMenu(page, 'Items');
  await page.getByRole('button', { name: 'More for Mocha Frappé' }).click();
  await page.getByRole('dialog', { name: 'Mocha Frappé' }).getByRole('button', { name: 'Archive…' }).click();
  const archive = page.getByRole('dialog', { name: 'Archive Mocha Frappé?' });
  await expect(archive).toContainText('kept in order history');
  await app.screenshot('59-menu-archive-sold-item');
  await archive.getByRole('button', { name: 'Archive Mocha Frappé' }).click();
  await expect(page.getByRole('list', { name: 'Archived items' }).getByRole('listitem', { name: 'Mocha Frappé' })).toBeVisible();
  expect(await menuItemNames(app)).not.toContain('Mocha Frappé');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await page.getByRole('list', { name: 'Order list' }).getByRole('button').first().click();
  await expect(page.getByText('Mocha Frappe').first()).toBeVisible();
  await app.screenshot('5a-orders-archived-item-kept');
});

test('at 1024×768 the back office fits: rail, rows and their buttons are on screen', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 768 });
  await app.setUpShop();
  await app.open();
  await app.signIn();
  await openMenu(app.page, 'Items');
  const row = app.page.getByRole('listitem', { name: 'Latte', exact: true });
  await expect(row.getByRole('button', { name: 'More for Latte' })).toBeInViewport();
  await app.screenshot('5b-menu-items-1024');
  await app.page.getByRole('navigation', { name: 'Menu sections' }).getByRole('button', { name: /^Modifier groups/ }).click();
  await app.screenshot('5c-menu-groups-1024');
  await app.page.getByRole('button', { name: 'Edit Milk' }).click();
  await app.screenshot('5d-menu-group-dialog-1024');
});

test('at 1920×1080 the back office uses the width: item rows on one line', async ({ app }) => {
  await app.page.setViewportSize({ width: 1920, height: 1080 });
  await app.setUpShop();
  await app.open();
  await app.signIn();
  await openMenu(app.page, 'Items');
  await app.page.getByRole('button', { name: 'Edit Latte' }).click();
  await app.screenshot('5k-menu-item-dialog-1920');
  await app.page.getByRole('dialog', { name: 'Edit Latte' }).getByRole('button', { name: 'Cancel' }).click();
  await app.screenshot('5l-menu-items-1920');
});

test.describe('CSV', () => {
  test('a 200-item spreadsheet CSV: preview, apply, undo; export then re-import changes nothing', async ({ app }) => {
    await app.setUpShop();
    await app.open();
    await app.signIn();
    const { page } = app;
    await openMenu(page, 'Import and export');

    // Export first: the file is what the import expects (its header), downloaded through the browser.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export menu (CSV)' }).click();
    const download = await downloading;
    const exported = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await app.screenshot('5e-menu-export');

    // Re-import the export unchanged: nothing to do.
    const fileInput = page.getByLabel('Menu CSV file');
    await fileInput.setInputFiles({ name: 'menu.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) });
    await expect(page.getByText('Nothing to change: the menu already matches this file.')).toBeVisible();
    await app.screenshot('5f-menu-reimport-unchanged');

    // 200 new items, spreadsheet style, appended to the export (its own columns).
    const lines = exported.split(/\r?\n/).filter(Boolean);
    const header = lines[0]!;
    const columns = header.split(',');
    const rows: string[][] = [];
    for (let i = 1; i <= 200; i++) {
      const values: Record<string, string> = {
        type: 'item',
        category: 'Bakery',
        name: `Cookie ${i}, "choc"`,
        price: `${50 + i}.50`,
        description: 'Baked, with "love"',
        sku: `CK-${i}`,
      };
      rows.push(columns.map((c) => values[c.replace(/"/g, '').trim().toLowerCase()] ?? ''));
    }
    const csv = [...lines, ...spreadsheetCsv(header, rows).split('\r\n').slice(1)].join('\r\n');
    await fileInput.setInputFiles({ name: 'cookies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByRole('region', { name: 'Import preview' });

    // One bad row (a price that is not a price) holds back the whole file, with its row number.
    await fileInput.setInputFiles({ name: 'cookies-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace(',57.50,', ',fifty,')) });
    await expect(preview.getByRole('table', { name: 'Rejected rows' })).toBeVisible();
    await expect(preview.getByRole('button', { name: /^Apply/ })).toBeDisabled();
    await app.screenshot('5g-menu-import-rejected');

    await fileInput.setInputFiles({ name: 'cookies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(preview).toContainText('200 to create');
    await app.screenshot('5h-menu-import-preview');
    await preview.getByRole('button', { name: /^Apply 200 changes/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported: 200 created' })).toBeVisible();
    expect((await menuItemNames(app)).filter((n) => n.startsWith('Cookie '))).toHaveLength(200);
    await app.screenshot('5i-menu-import-applied');
    await page.getByRole('button', { name: 'Undo import' }).click();
    await expect(page.getByText('The menu is back as it was before the import.')).toBeVisible();
    expect((await menuItemNames(app)).filter((n) => n.startsWith('Cookie '))).toHaveLength(0);
    await app.screenshot('5j-menu-import-undone');
  });
});

// Drag-and-drop reordering by the ⋮⋮ handle (native HTML5 DnD; Playwright's dragTo drives it in
// Chromium). The up/down buttons stay the keyboard/touch path and are tested above.
test('drag and drop: a category to the top and an item within its category; the counter follows', async ({ app }) => {
  await app.setUpShop();
  await app.open();
  await app.signIn();
  const { page } = app;
  const rowNames = async (list: ReturnType<Page['getByRole']>) => Promise.all((await list.getByRole('listitem').all()).map((li) => li.getAttribute('aria-label')));
  const seeded = ['Espresso', 'Brewed Coffee', 'Tea', 'Bakery'];

  // 1. Categories: Bakery (last) dropped on the top half of Espresso (first) → Bakery first.
  await openMenu(page, 'Categories');
  const categories = page.getByRole('list', { name: 'Categories' });
  expect(await rowNames(categories)).toEqual(seeded);
  const handle = (name: string) => page.getByRole('img', { name: `Drag to reorder ${name}`, exact: true });
  const top = { x: 40, y: 6 };
  await handle('Bakery').dragTo(categories.getByRole('listitem', { name: 'Espresso' }), { targetPosition: top });
  await expect.poll(() => rowNames(categories)).toEqual(['Bakery', 'Espresso', 'Brewed Coffee', 'Tea']);
  expect((await app.t.must('menu.list', {})).map((c) => c.name)).toEqual(['Bakery', 'Espresso', 'Brewed Coffee', 'Tea']);

  // Mid-drag by hand (mouse down, move, screenshot, up): the drop line under Tea, Espresso dimmed.
  const from = await handle('Espresso').boundingBox();
  const tea = await categories.getByRole('listitem', { name: 'Tea' }).boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(tea!.x + 200, tea!.y + tea!.height - 8, { steps: 8 });
  await expect(categories.locator('.drop-after')).toHaveAccessibleName('Tea');
  await app.screenshot('5m-menu-category-drag-indicator');
  await page.mouse.up();
  const order = ['Bakery', 'Brewed Coffee', 'Tea', 'Espresso'];
  await expect.poll(() => rowNames(categories)).toEqual(order);
  expect((await app.t.must('menu.list', {})).map((c) => c.name)).toEqual(order);

  // Another till adds "Juice" meanwhile: this screen's order is stale, main refuses it (CONFLICT),
  // the message shows and the list is read again; nothing moved.
  await app.t.must('menu.saveCategory', { name: 'Juice', kind: 'drink', color: '' }, 'window-1');
  await handle('Tea').dragTo(categories.getByRole('listitem', { name: 'Bakery' }), { targetPosition: top });
  await expect(page.getByText('The categories changed meanwhile: reload and put them in order again')).toBeVisible();
  await expect.poll(() => rowNames(categories)).toEqual([...order, 'Juice']);
  expect((await app.t.must('menu.list', {})).map((c) => c.name)).toEqual([...order, 'Juice']);
  await app.screenshot('5p-menu-category-drag-conflict');

  // 2. Items: with "All categories" there is nothing to drag, and the screen says why.
  await page.getByRole('navigation', { name: 'Menu sections' }).getByRole('button', { name: /^Items/ }).click();
  await expect(page.getByText('Choose a category to reorder by dragging.')).toBeVisible();
  await expect(page.getByRole('img', { name: /^Drag to reorder/ })).toHaveCount(0);
  await app.screenshot('5q-menu-items-all-no-drag');
  await page.getByLabel('Show category').selectOption({ label: 'Tea' });
  await expect(page.getByText('Choose a category to reorder by dragging.')).toBeHidden();
  const teaList = page.getByRole('list', { name: 'Tea', exact: true });
  expect(await rowNames(teaList)).toEqual(['Green Tea', 'Earl Grey', 'Chai Latte', 'Matcha Latte']);
  // Matcha Latte onto the bottom half of Green Tea → second.
  const greenTea = teaList.getByRole('listitem', { name: 'Green Tea' });
  const box = (await greenTea.boundingBox())!;
  await handle('Matcha Latte').dragTo(greenTea, { targetPosition: { x: 300, y: box.height - 6 } });
  const teas = ['Green Tea', 'Matcha Latte', 'Earl Grey', 'Chai Latte'];
  await expect.poll(() => rowNames(teaList)).toEqual(teas);
  const served = await app.t.must('menu.list', {});
  expect(served.find((c) => c.name === 'Tea')!.items.map((i) => i.name)).toEqual(teas);
  await app.screenshot('5n-menu-items-after-drag');

  // 3. The counter: tabs in the new order, Tea's tiles in the new order.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Counter' }).click();
  const tabNames = (await page.getByRole('tab').allInnerTexts()).map((t) => t.trim()).filter((t) => seeded.includes(t));
  expect(tabNames).toEqual(order);
  await page.getByRole('tab', { name: 'Tea' }).click();
  const tiles = await page.getByRole('button', { name: / ₱/ }).allInnerTexts();
  const tileOrder = teas.map((n) => tiles.findIndex((t) => t.startsWith(n)));
  expect(tileOrder.every((at, i) => at >= 0 && (i === 0 || at > tileOrder[i - 1]!))).toBe(true);
  await app.screenshot('5o-counter-after-drag');
});

test('an archived modifier group can be restored from the Menu screen (detached until attached again)', async ({ app }) => {
  await app.setUpShop();
  const whip = await app.t.must('menu.saveGroup', WHIP_GROUP);
  await app.t.must('menu.archiveGroup', { id: whip.id, version: whip.version });
  await app.open();
  await app.signIn();
  const { page } = app;
  await openMenu(page, 'Modifier groups');
  await page.getByRole('list', { name: 'Archived groups' }).getByRole('button', { name: 'Restore Whip' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore Whip' });
  await expect(dialog).toBeVisible();
  await app.screenshot('5r-menu-restore-group');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored Whip. Attach it again with “Where used”.').or(page.getByText('Restored Whip. Attach it again with "Where used".'))).toBeVisible();
  await expect(page.getByRole('list', { name: 'Archived groups' })).toHaveCount(0);
  const restored = (await app.t.must('menu.admin', {})).groups.find((g) => g.name === 'Whip')!;
  expect(restored).toMatchObject({ archived: false, usedBy: { itemIds: [], categoryIds: [] } });
  expect(restored.options.filter((o) => !o.archived).map((o) => o.name)).toEqual(['With whip', 'No whip']);
});
