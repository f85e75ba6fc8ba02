// Order history through the UI (issue 10): an owner finds yesterday's order for "Ana" by name,
// reads the count and total above the list and the tender and status badges, and exports the
// month to CSV (the test opens the file); a barista sees today only, without dates or export;
// infinite scroll and the keyboard walk a long list. Screenshots at 1024×768 and 1920×1080:
// test-results/screenshots/9x-*.png.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type BrewlineApp } from './fixtures';
import { cloneOrders, ring } from '../support/historyFixtures';
import { addStaff, OWNER, STAFF_PIN } from '../support/testCore';

const DAY = 86_400_000;

/** The owner on the core's own window signs in again after the clock moved (sessions lock when idle). */
const ownerBack = (app: BrewlineApp) => app.t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }, 'window-1');
const nav = (app: BrewlineApp, name: string) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

test('an owner finds yesterday’s order for “Ana” by name, sees the count, total and badges, and exports the month to CSV', async ({ app }) => {
  const { page, t } = app;
  await app.setUpShop();
  // Yesterday: Ana's order, Ben's (partly refunded later) and Zoë's (cancelled).
  const anaYesterday = await ring(t, [['Latte', 2], ['Croissant', 1]], 'cash', { contact: { contactName: 'Ana Reyes', contactPhone: '0917 555 0101' } });
  const ben = await ring(t, [['Americano', 1]], 'card', { contact: { contactName: 'Ben Cruz' } });
  const zoe = await ring(t, [['Croissant', 1]], { card: 5_000, rest: 'cash' }, { contact: { contactName: '=Zoë' } });
  await t.must('refunds.issue', { requestId: crypto.randomUUID(), orderId: ben.id, what: { kind: 'amount', amount: 3_000 }, tender: 'original', reason: 'Too cold' }, 'window-1');
  await t.must('orders.cancel', { orderId: zoe.id, reason: 'Customer left' }, 'window-1');
  // A day later: another Ana today.
  t.clock.advance(DAY);
  await ownerBack(app);
  const anaToday = await ring(t, [['Latte', 1]], 'cash', { contact: { contactName: 'Ana Santos' } });
  const today = anaToday.businessDay;

  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.signIn();
  await nav(app, 'Orders').click();
  const list = page.getByRole('list', { name: 'Order list' });
  const rows = list.getByRole('button');
  const count = page.locator('.history-count');
  await expect(rows).toHaveCount(4);
  await expect(count).toHaveText('4 orders · ₱815.00');

  // Yesterday, then "Ana".
  await page.getByRole('group', { name: 'Dates' }).getByRole('button', { name: 'Yesterday' }).click();
  await expect(rows).toHaveCount(3);
  await expect(count).toHaveText('3 orders · ₱650.00');
  await expect(rows.filter({ hasText: 'Ben Cruz' })).toContainText('Partly refunded');
  await expect(rows.filter({ hasText: 'Ben Cruz' }).locator('.tender-badge')).toHaveText(['Card']);
  await expect(rows.filter({ hasText: '=Zoë' })).toContainText('Cancelled');
  await expect(rows.filter({ hasText: '=Zoë' }).locator('.tender-badge')).toHaveText(['Card', 'Cash']);
  await app.screenshot('90-history-yesterday-1024');

  await page.getByRole('searchbox', { name: 'Search orders' }).fill('ana');
  await expect(page.getByText('Customer name or phone')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(count).toHaveText('1 order · ₱425.00');
  const row = rows.first();
  await expect(row).toContainText('#001');
  await expect(row).toContainText(/Yesterday \d\d:\d\d/);
  await expect(row).toContainText('For Ana Reyes · Olivia R.');
  await expect(row).toContainText('2× Latte, Croissant');
  await expect(row).toContainText('₱425.00');
  await expect(row.locator('.tender-badge')).toHaveText(['Cash']);
  await expect(row.locator('.status')).toHaveText('Paid · waiting at bar');
  await app.screenshot('91-history-ana-yesterday-1024');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.screenshot('92-history-ana-yesterday-1920');
  await page.setViewportSize({ width: 1024, height: 768 });

  // Enter opens it.
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Order #001' })).toBeVisible();
  await expect(page.getByText(anaYesterday.orderNumber)).toBeVisible();
  await expect(page.getByText('0917 555 0101')).toBeVisible();

  // The phone finds her too; a number finds the first order of each day shown.
  await page.getByRole('searchbox', { name: 'Search orders' }).fill('555-0101');
  await expect(rows).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search orders' }).fill('#1');
  await expect(page.getByText('Order number #1')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ana Reyes');

  // Custom dates (from a week back to today) and More: an item and a total range.
  await page.getByRole('searchbox', { name: 'Search orders' }).fill('');
  await page.getByRole('group', { name: 'Dates' }).getByRole('button', { name: 'Custom' }).click();
  await expect(page.getByLabel('From')).toHaveValue(new Date(Date.parse(`${today}T00:00:00Z`) - 6 * DAY).toISOString().slice(0, 10));
  await expect(page.getByLabel('To')).toHaveValue(today);
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByLabel('Item').fill('croissant');
  await expect(count).toHaveText('2 orders · ₱520.00');
  await page.getByLabel('Total from').fill('100');
  await expect(count).toHaveText('1 order · ₱425.00');
  await page.getByLabel('Total to').fill('50');
  await expect(page.getByText('The smallest total is more than the largest')).toBeVisible();
  await app.screenshot('96-history-custom-more-1024');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(count).toHaveText('4 orders · ₱815.00');

  // The month, exported. ("This month" counts from main's day: on the 1st, yesterday is last month.)
  await page.getByRole('group', { name: 'Dates' }).getByRole('button', { name: 'This month' }).click();
  const monthStart = `${today.slice(0, 8)}01`;
  const inMonth = [anaYesterday, ben, zoe, anaToday].filter((o) => o.businessDay >= monthStart);
  await expect(rows).toHaveCount(inMonth.length);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const saved = page.getByText(/^Saved \d+ orders? to /);
  await expect(saved).toBeVisible();
  await app.screenshot('93-history-exported-1024');
  const file = (await saved.locator('.history-export-path').textContent())!;
  expect(file.endsWith(`brewline-orders-${monthStart}-to-${today}.csv`)).toBe(true);
  const raw = fs.readFileSync(file, 'utf8');
  expect(raw.startsWith('\ufeff')).toBe(true);
  const records = parse(raw.slice(1)) as string[][];
  expect(records[0]!.slice(0, 7)).toEqual(['Order number', 'Business day', 'Date and time (Asia/Manila)', 'Staff', 'Customer', 'Phone', 'Status']);
  // Oldest first, one row per line: Ana's two lines, Ben's, Zoë's, today's Ana.
  const expected: string[][] = [];
  if (inMonth.includes(anaYesterday)) {
    expected.push([anaYesterday.orderNumber, 'Ana Reyes', 'Paid', '425.00', 'Cash 425.00', '0.00', 'Latte', '2', '330.00']);
    expected.push([anaYesterday.orderNumber, 'Ana Reyes', 'Paid', '425.00', 'Cash 425.00', '0.00', 'Croissant', '1', '95.00']);
    expected.push([ben.orderNumber, 'Ben Cruz', 'Partly refunded', '130.00', 'Card 130.00', '30.00', 'Americano', '1', '130.00']);
    expected.push([zoe.orderNumber, "'=Zoë", 'Cancelled', '95.00', 'Card 50.00; Cash 45.00', '95.00', 'Croissant', '1', '95.00']);
  }
  expected.push([anaToday.orderNumber, 'Ana Santos', 'Paid', '165.00', 'Cash 165.00', '0.00', 'Latte', '1', '165.00']);
  const pick = (r: string[]) => [r[0]!, r[4]!, r[6]!, r[10]!, r[11]!, r[12]!, r[13]!, r[16]!, r[19]!];
  expect(records.slice(1).map(pick)).toEqual(expected);

  // A barista: today only, no dates to choose, no export.
  await addStaff(t, 'barista', 'bea');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await app.signIn(/Bea/, STAFF_PIN);
  await nav(app, 'Orders').click();
  await expect(page.getByRole('heading', { name: "Today's orders" })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ana Santos');
  await expect(page.getByRole('group', { name: 'Dates' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
  await expect(count).toHaveText('1 order · ₱165.00');
  await app.screenshot('94-history-barista-1024');
});

test('a long day: infinite scroll loads older orders as the list scrolls, and the keyboard walks and opens them', async ({ app }) => {
  const { page, t } = app;
  await app.setUpShop();
  const first = await ring(t, [['Latte', 1], ['Croissant', 1]], 'cash', { contact: { contactName: 'Ana' } });
  // 129 more orders today, one a minute after the first, straight into the database.
  cloneOrders(t, first.id, 129, { firstAt: first.createdAt + 60_000, stepMs: 1_000, businessDay: first.businessDay, firstSeq: 2, contactName: (i) => `Guest ${i + 2}` });

  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  await app.signIn();
  await nav(app, 'Orders').click();
  const rows = page.getByRole('list', { name: 'Order list' }).getByRole('button');
  await expect(page.locator('.history-count')).toHaveText('130 orders · ₱33,800.00');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('Guest 130');

  // Scrolling to the end of the list brings the next page, then the last.
  await rows.nth(49).scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(100);
  await rows.nth(99).scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(130);
  await expect(page.getByText('That’s every order.')).toBeVisible();

  // ↑/↓ move between rows, Home goes to the top, Enter opens the one in focus.
  await rows.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(129)).toBeFocused();
  await expect(rows.nth(129)).toContainText('For Ana');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Order #001' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(rows.nth(0)).toBeFocused();
  await app.screenshot('95-history-long-day-1024');
});

test('End and PageDown load more from the keyboard alone', async ({ app }) => {
  const { page, t } = app;
  await app.setUpShop();
  const first = await ring(t, [['Americano', 1]], 'cash');
  cloneOrders(t, first.id, 79, { firstAt: first.createdAt + 60_000, stepMs: 1_000, businessDay: first.businessDay, firstSeq: 2 });
  await app.open();
  await app.signIn();
  await nav(app, 'Orders').click();
  const rows = page.getByRole('list', { name: 'Order list' }).getByRole('button');
  await expect(rows).toHaveCount(50);
  await rows.nth(45).focus();
  await page.keyboard.press('PageDown'); // past the last loaded row: the next page comes and focus lands in it
  await expect(rows).toHaveCount(80);
  await expect(rows.nth(53)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(79)).toBeFocused();
  await expect(rows.nth(79)).toContainText('#001');
});

test('a rare customer among thousands of orders: the list keeps searching older orders by itself until it finds her', async ({ app }) => {
  const { page, t } = app;
  await app.setUpShop();
  const needle = await ring(t, [['Latte', 1]], 'cash', { contact: { contactName: 'Ána Needle' } });
  // 9,000 newer orders (more than two of the server's 4,000-order steps), none of them hers.
  cloneOrders(t, needle.id, 9_000, { firstAt: needle.createdAt + 1_000, stepMs: 10, businessDay: needle.businessDay, firstSeq: 2, contactName: (i) => `Guest ${i}` });
  await app.open();
  await app.signIn();
  await nav(app, 'Orders').click();
  await expect(page.locator('.history-count')).toHaveText('9,001 orders · ₱1,485,165.00');
  await page.getByRole('searchbox', { name: 'Search orders' }).fill('ana needle');
  const rows = page.getByRole('list', { name: 'Order list' }).getByRole('button');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('For Ána Needle');
  await expect(page.locator('.history-count')).toHaveText('1 order · ₱165.00');
  await expect(page.getByText('That’s every order these filters find.')).toBeVisible();
});
