// The owner's Reports screen (issue 10) through the real UI, on sales rung through the core on
// fixed days and hours of one week in Manila: the summary against the period before, the week's
// sales chart and its table, the busy-hours heatmap, best sellers, options, staff, tenders,
// discounts and refunds, bucket switching, the month exported to CSV and read back, printing,
// no CSP violation; a manager opens it afresh; and a barista has no Reports tab and is refused by main.
// Screenshots: test-results/screenshots/10r-*.png.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { expect, OWNER, SCREENSHOT_DIR, test, type BrewlineApp } from './fixtures';
import { addStaff, newRequestId, signInAs, STAFF_PIN, type TestCore, type ShiftableClock } from '../support/testCore';

const MANILA_OFFSET_MS = 8 * 3_600_000;

/** Puts main's clock at a Manila wall time ('2026-11-23T08:15'). */
function setClock(t: TestCore<ShiftableClock>, local: string) {
  const target = Date.parse(`${local}:00Z`) - MANILA_OFFSET_MS;
  t.clock.advance(target - t.clock.now());
}

type Line = { item: string; qty?: number; milk?: 'Oat' | 'Whole' };
type Pay = 'cash' | 'card';

/**
 * One sale at a Manila wall time, rung through the core as `who` (the owner on window-1, or a
 * person on their own window), with an optional order discount. Returns the order.
 */
async function sell(t: TestCore<ShiftableClock>, at: string, lines: Line[], pay: Pay, extra: { who?: string; discount?: { amount: number; reason: string } } = {}) {
  setClock(t, at);
  const who = extra.who ?? 'window-1';
  // The clock jumped days: sign in again (an idle session would be locked).
  if (who === 'window-1') await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }, who);
  else await signInAs(t, who);
  const menu = (await t.must('menu.list', {}, who)).flatMap((c) => c.items);
  for (const line of lines) {
    const item = menu.find((i) => i.name === line.item)!;
    // Every required group takes its default; the milk is chosen when asked for.
    const optionIds = item.modifierGroups.flatMap((g) => {
      const wanted = g.name === 'Milk' && line.milk ? g.options.filter((o) => o.name === line.milk) : g.options.filter((o) => o.isDefault);
      return wanted.map((o) => o.id);
    });
    await t.must('cart.addItem', { menuItemId: item.id, quantity: line.qty ?? 1, optionIds }, who);
  }
  if (extra.discount) await t.must('cart.setDiscount', { discount: { kind: 'amount', value: extra.discount.amount }, reason: extra.discount.reason }, who);
  const cart = await t.must('cart.get', {}, who);
  const total = cart.totals.total;
  const payments = pay === 'cash' ? [{ method: 'cash' as const, tendered: total }] : [{ method: 'card' as const, amount: total }];
  return (await t.must('orders.checkout', { requestId: newRequestId(), payments }, who)).order;
}

/**
 * The week rung (business days; the shop's day starts at 04:00):
 *   Fri 20 Nov 10:00  Americano                         card   ₱130.00   (the week before)
 *   Mon 23 Nov 08:15  2 × Latte with oat milk            cash   ₱390.00
 *   Mon 23 Nov 08:40  Croissant                          card    ₱95.00
 *   Tue 24 Nov 09:10  Latte (oat) + Americano, −₱25 "Loyalty card", rung by Max   card ₱300.00
 *   Wed 25 Nov 14:05  Latte (whole milk)                 cash   ₱165.00
 *   Thu 26 Nov 01:30  Americano: business day Wed 25     card   ₱130.00
 *   Thu 26 Nov 08:20  Latte (oat) + Croissant            card   ₱290.00, the croissant refunded at 08:50 "Dropped on the floor"
 * This week (Mon 23 – Thu 26): 6 orders, gross ₱1,395.00, discounts ₱25.00, refunds ₱95.00,
 * net ₱1,275.00; cash ₱555.00 + card ₱720.00 collected; average (1,395 − 25) / 6 = ₱228.33.
 */
async function ringTheWeek(app: BrewlineApp) {
  const { t } = app;
  setClock(t, '2026-11-20T09:00');
  await app.setUpShop();
  await addStaff(t, 'manager', 'max');
  await addStaff(t, 'barista', 'bea');
  await sell(t, '2026-11-20T10:00', [{ item: 'Americano' }], 'card');
  await sell(t, '2026-11-23T08:15', [{ item: 'Latte', qty: 2, milk: 'Oat' }], 'cash');
  await sell(t, '2026-11-23T08:40', [{ item: 'Croissant' }], 'card');
  await sell(t, '2026-11-24T09:10', [{ item: 'Latte', milk: 'Oat' }, { item: 'Americano' }], 'card', { who: 'max', discount: { amount: 2500, reason: 'Loyalty card' } });
  await sell(t, '2026-11-25T14:05', [{ item: 'Latte', milk: 'Whole' }], 'cash');
  await sell(t, '2026-11-26T01:30', [{ item: 'Americano' }], 'card');
  const last = await sell(t, '2026-11-26T08:20', [{ item: 'Latte', milk: 'Oat' }, { item: 'Croissant' }], 'card');
  setClock(t, '2026-11-26T08:50');
  const croissant = last.lines.find((l) => l.name === 'Croissant')!;
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }, 'window-1');
  await t.must('refunds.issue', {
    requestId: newRequestId(),
    orderId: last.id,
    what: { kind: 'lines', lines: [{ lineId: croissant.id, quantity: 1 }] },
    tender: 'original',
    reason: 'Dropped on the floor',
  }, 'window-1');
  // Closing time on Thursday.
  setClock(t, '2026-11-26T18:30');
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Records CSP violations the page reports (the chart library must need none). */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    type Violation = { violatedDirective: string; blockedURI: string };
    const doc = (globalThis as unknown as { document: { addEventListener(type: string, listener: (e: Violation) => void): void } }).document;
    doc.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

/** The whole Reports page in one picture: the window is made as tall as the page, then put back. */
async function pageShot(app: BrewlineApp, name: string, width: number, height: number) {
  const { page } = app;
  const full = await page.locator('.reports-screen').evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight));
  await page.setViewportSize({ width, height: Math.max(height, full) });
  await app.screenshot(name);
  await page.setViewportSize({ width, height });
}

/** One part of the report (a titled section) in a picture of its own. */
async function sectionShot(page: Page, title: string, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.getByRole('region', { name: title }).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The cells of a table's body rows, as text. */
async function rowsOf(page: Page, table: string): Promise<string[][]> {
  return page
    .getByRole('table', { name: table, exact: true })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
}

test.use({ viewport: { width: 1024, height: 768 } });

test('the owner reads the week: summary against the week before, the sales chart and the heatmap with the right numbers, buckets, best sellers, options, staff, tenders, discounts and refunds, the month exported to CSV', async ({ app }) => {
  const { page } = app;
  const problems = await watchCsp(page);
  await ringTheWeek(app);
  await app.open();
  await app.signIn();

  // Only what the Reports screen and its chart library cause counts here: zod's one-off eval probe
  // (Function('') in a try, at start-up, in the main bundle) is reported before this point.
  problems.length = 0;
  await nav(page).getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  // The default is the last 7 days, counted from main's business day (Thu 26 Nov), not the browser's.
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Fri 20 Nov – Thu 26 Nov 2026', { exact: true })).toBeVisible();

  await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'This week' }).click();
  await expect(page.getByText('Mon 23 Nov – Thu 26 Nov 2026', { exact: true })).toBeVisible();
  // The 4 days before: Thu 19 – Sun 22 Nov, with the ₱130.00 Americano of Friday.
  await expect(page.getByText(/compared with Thu 19 Nov – Sun 22 Nov 2026, the 4 days before/)).toBeVisible();

  const cards = page.locator('dl[aria-label="Summary"]');
  const card = (title: string) => cards.locator('.rpt-card').filter({ has: page.getByText(title, { exact: true }) });
  await expect(card('Gross sales')).toContainText('₱1,395.00');
  // The arrow is for the eye, "Up" for a screen reader.
  const change = (title: string) => card(title).locator('.rpt-change-value');
  await expect(change('Gross sales')).toHaveText('▲ Up 973.1%'); // (1,395 − 130) / 130
  await expect(card('Gross sales')).toContainText('from ₱130.00');
  await expect(card('Discounts')).toContainText('₱25.00');
  await expect(card('Discounts')).toContainText('—'); // nothing the week before to compare with
  await expect(card('Refunds')).toContainText('₱95.00');
  await expect(card('Refunds')).toContainText('1 refund');
  await expect(card('Net sales')).toContainText('₱1,275.00');
  await expect(change('Net sales')).toHaveText('▲ Up 880.8%'); // (1,275 − 130) / 130
  await expect(card('Collected')).toContainText('₱1,275.00');
  await expect(card('Collected')).toContainText('Cash ₱555.00 · Card ₱720.00');
  await expect(card('Orders')).toContainText('6');
  await expect(change('Orders')).toHaveText('▲ Up 500.0%');
  await expect(card('Average order')).toContainText('₱228.33');
  await expect(card('Tax')).toContainText('₱136.61'); // each order's 12/112, less the croissant's ₱10.18
  await expect(card('Tax')).toContainText('Included in prices');
  // Colour is never the only sign: the rise has its arrow in the text.
  await expect(card('Net sales').locator('.rpt-change--good')).toHaveCount(1);
  await expect(card('Refunds').locator('.rpt-change')).toContainText('—');

  // Sales over time: a bar per day, and the same numbers in the table (on request).
  await expect(page.locator('.sales-chart-plot canvas')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Bars per' }).getByRole('button', { name: 'Day' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Show table' }).click();
  const days = await rowsOf(page, 'Sales over time');
  expect(days).toEqual([
    ['Mon 23 Nov', '2', '₱485.00', '₱485.00'],
    ['Tue 24 Nov', '1', '₱325.00', '₱300.00'],
    ['Wed 25 Nov', '2', '₱295.00', '₱295.00'], // the 01:30 Americano of Thursday's clock included
    ['Thu 26 Nov', '1', '₱290.00', '₱195.00'],
  ]);
  const readout = page.locator('.sales-chart-readout');
  await expect(readout).toHaveText('Best: Mon 23 Nov, ₱485.00 net · 2 orders');
  // Pointing at Tuesday's bar (the second of four across the plot) reads its figures out.
  await page.locator('.sales-chart-plot').scrollIntoViewIfNeeded();
  const plot = (await page.locator('.sales-chart-plot .u-over').boundingBox())!;
  await page.mouse.move(plot.x + plot.width * (1.5 / 4), plot.y + plot.height - 10);
  await expect(readout).toHaveText('Tue 24 Nov: ₱300.00 net · 1 order');

  // Busy hours: the 01:30 sale sits on Wednesday (its business day), at 01:00.
  const heat = page.getByRole('table', { name: 'Orders and net sales by hour and weekday' });
  const cell = (hour: string, weekday: number) => heat.getByRole('row', { name: new RegExp(`^${hour}`) }).locator('td').nth(weekday);
  await expect(cell('08:00', 0)).toHaveText('2 orders₱485.00');
  await expect(cell('09:00', 1)).toHaveText('1 order₱300.00');
  await expect(cell('14:00', 2)).toHaveText('1 order₱165.00');
  await expect(cell('01:00', 2)).toHaveText('1 order₱130.00');
  await expect(cell('08:00', 3)).toHaveText('1 order₱195.00');
  await expect(cell('08:00', 1)).toHaveText('');
  await expect(heat.locator('td.heat:not(.heat--0)')).toHaveCount(5);
  // The night between (02:00–08:00) and the lull after 10:00 are one "No sales" row each.
  await expect(heat.getByRole('row', { name: '02:00–08:00 No sales' })).toBeVisible();
  await expect(heat.getByRole('row', { name: '10:00–14:00 No sales' })).toBeVisible();
  await expect(heat.locator('tbody tr')).toHaveCount(6);

  // Best sellers, options, staff, tenders, discounts and refunds.
  const items = await rowsOf(page, 'Best sellers');
  expect(items[0]).toEqual(['LatteEspresso', '5', '₱930.00']); // 390 + (195 − 15 of the discount) + 165 + 195
  expect(items[1]).toEqual(['AmericanoEspresso', '2', '₱250.00']); // (130 − 10) + 130
  expect(await rowsOf(page, 'Options chosen')).toContainEqual(['OatMilk', '×4', '₱120.00']);
  expect(await rowsOf(page, 'Sales by staff')).toEqual([
    ['Olivia R.', '5', '₱975.00'],
    ['Max T.', '1', '₱300.00'],
  ]);
  expect(await rowsOf(page, 'Sales by tender')).toEqual([
    ['Cash', '2', '₱555.00', '₱0.00', '₱555.00'],
    ['Card', '4', '₱815.00', '₱95.00', '₱720.00'],
  ]);
  expect(await rowsOf(page, 'Discounts by reason')).toEqual([['Loyalty card', '1', '₱25.00']]);
  expect(await rowsOf(page, 'Refunds by reason')).toEqual([['Dropped on the floor', '1', '₱95.00']]);

  // Nothing sideways at 1024 px.
  expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(1024);
  expect(await page.locator('.reports-screen').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.mouse.move(0, 0);
  await page.locator('.reports-screen').evaluate((el) => el.scrollTo(0, 0));
  await app.screenshot('10r-1024-week-top');
  await pageShot(app, '10r-1024-week-full', 1024, 768);

  // Ctrl+P: the print stylesheet drops the controls and prints every table, the series one too
  // while it is hidden on screen. (The PDF is kept to look at: test-results/screenshots/10r-print.pdf.)
  await page.getByRole('button', { name: 'Hide table' }).click();
  await expect(page.getByRole('table', { name: 'Sales over time' })).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Period' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Sales over time' })).toBeVisible();
  await page.pdf({ path: path.join(SCREENSHOT_DIR, '10r-print.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Show table' }).click();

  // Hours: 4 days × 24 hours, the busy ones as rung; then weeks: one bar, ISO week 48.
  await page.getByRole('group', { name: 'Bars per' }).getByRole('button', { name: 'Hour' }).click();
  await expect(page.getByRole('group', { name: 'Bars per' }).getByRole('button', { name: 'Hour' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('table', { name: 'Sales over time' }).locator('tbody tr')).toHaveCount(96);
  const hours = (await rowsOf(page, 'Sales over time')).filter((r) => r[1] !== '0');
  expect(hours).toEqual([
    ['Mon 23 Nov 08:00', '2', '₱485.00', '₱485.00'],
    ['Tue 24 Nov 09:00', '1', '₱325.00', '₱300.00'],
    ['Wed 25 Nov 14:00', '1', '₱165.00', '₱165.00'],
    // 01:30 on Thursday's clock is the last hour of Wednesday's business day: it comes after 14:00 and says so.
    ['Wed 25 Nov 01:00', '1', '₱130.00', '₱130.00'],
    ['Thu 26 Nov 08:00', '1', '₱290.00', '₱195.00'],
  ]);
  await sectionShot(page, 'Sales over time', '10r-1024-hours-chart');
  await page.getByRole('group', { name: 'Bars per' }).getByRole('button', { name: 'Week' }).click();
  await expect(page.getByRole('table', { name: 'Sales over time' }).locator('tbody tr')).toHaveCount(1);
  expect((await rowsOf(page, 'Sales over time'))[0]!.slice(1)).toEqual(['6', '₱1,395.00', '₱1,275.00']);

  // Custom: two dates (an end before the start is said, and cannot be shown); Tue 24 – Wed 25 Nov.
  const period = page.getByRole('group', { name: 'Period' });
  await period.getByRole('button', { name: 'Custom' }).click();
  const custom = page.getByRole('form', { name: 'Custom period' });
  await custom.getByLabel('From').fill('2026-11-25');
  await custom.getByLabel('To').fill('2026-11-24');
  await expect(custom.getByText('The end date is before the start date')).toBeVisible();
  await expect(custom.getByRole('button', { name: 'Show' })).toBeDisabled();
  await custom.getByLabel('From').fill('2026-11-24');
  await custom.getByLabel('To').fill('2026-11-25');
  await custom.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('Tue 24 Nov – Wed 25 Nov 2026', { exact: true })).toBeVisible();
  await expect(card('Gross sales')).toContainText('₱620.00'); // 325 + 295
  await expect(card('Orders')).toContainText('3');

  // The month to CSV: the file's summary section has the month's figures (the Friday sale too).
  await period.getByRole('button', { name: 'This month' }).click();
  await expect(page.getByText('Sun 1 Nov – Thu 26 Nov 2026', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^✓?\s*Saved \d+ rows as / });
  await expect(saved).toBeVisible();
  const file = (await saved.textContent())!.replace(/^.*? as /, '').trim();
  // Sections are separated by a blank row; the first is the summary, figure by figure.
  const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  const summary = rows.slice(0, rows.findIndex((r) => r.every((c) => c === '')));
  const figure = (name: string) => summary.find((r) => r[0] === name)?.slice(1, 3);
  expect(summary[0]).toEqual(['Summary']);
  expect(figure('Period')).toEqual(['2026-11-01 to 2026-11-26', '2026-10-06 to 2026-10-31']);
  expect(figure('Gross sales')).toEqual(['1525.00', '0.00']); // the week's 1,395 + Friday's 130
  expect(figure('Discounts')).toEqual(['25.00', '0.00']);
  expect(figure('Refunds')).toEqual(['95.00', '0.00']);
  expect(figure('Net sales')).toEqual(['1405.00', '0.00']);
  expect(figure('Tax')).toEqual(['150.54', '0.00']);
  expect(figure('Collected: Cash')).toEqual(['555.00', '0.00']);
  expect(figure('Collected: Card')).toEqual(['850.00', '0.00']);
  expect(figure('Orders')).toEqual(['7', '0']);
  expect(figure('Average order')).toEqual(['214.29', '0.00']); // (1,525 − 25) / 7
  // Then the sales over time: a row per day of the month so far, Monday the 23rd as rung.
  const start = rows.findIndex((r) => r[0] === 'Sales over time');
  const end = rows.findIndex((r, i) => i > start && r.every((c) => c === ''));
  const daily = rows.slice(start + 2, end);
  expect(daily).toHaveLength(26);
  expect(daily.find((r) => r[0] === '2026-11-23')).toEqual(['2026-11-23', 'Mon 23 Nov', '2', '485.00', '485.00']);
  expect(daily.find((r) => r[0] === '2026-11-20')).toEqual(['2026-11-20', 'Fri 20 Nov', '1', '130.00', '130.00']);
  await pageShot(app, '10r-1024-month', 1024, 768);
  await sectionShot(page, 'Sales over time', '10r-1024-month-chart');

  // Print and Save as PDF answer in a sentence (the test core records the job).
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Summary sent to default printer.' })).toBeVisible();
  expect(app.t.printer.jobs).toHaveLength(1);
  expect(app.t.printer.jobs[0]!.html).toContain('₱1,525.00'); // the month's gross, on paper
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^✓?\s*Summary saved as \/tmp\/.+\.pdf$/ })).toBeVisible();
  expect(app.t.printer.pdfs).toHaveLength(1);
  expect(app.t.printer.pdfs[0]!.html).toContain('₱1,405.00'); // the month's net

  // 1920×1080: cards in one band, the heatmap roomy.
  await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'This week' }).click();
  await expect(page.getByText('Mon 23 Nov – Thu 26 Nov 2026', { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.locator('.sales-chart-plot canvas')).toHaveCount(1);
  await page.locator('.reports-screen').evaluate((el) => el.scrollTo(0, 0));
  expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(1920);
  await app.screenshot('10r-1920-week-top');
  await pageShot(app, '10r-1920-week-full', 1920, 1080);

  // A manager may open Reports too, and starts afresh (the owner's period and figures are not kept).
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await app.signIn(/Max/, STAFF_PIN);
  await nav(page).getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Fri 20 Nov – Thu 26 Nov 2026', { exact: true })).toBeVisible();
  await expect(card('Gross sales')).toContainText('₱1,525.00');

  expect(problems).toEqual([]);
});

test('a barista has no Reports tab, and main refuses them the report', async ({ app }) => {
  const { page } = app;
  await app.setUpShop();
  await addStaff(app.t, 'barista', 'bea');
  await app.open();
  await app.signIn(/Bea/, STAFF_PIN);
  await expect(nav(page).getByRole('button', { name: 'Counter' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Reports' })).toHaveCount(0);
  const invoke = (channel: string, input: unknown) =>
    page.evaluate(([c, i]) => (globalThis as unknown as { pos: { invoke(c: string, i: unknown): Promise<unknown> } }).pos.invoke(c, i), [channel, input] as const);
  const answer = await invoke('reports.sales', { from: '2026-11-01', to: '2026-11-26' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const csv = await invoke('reports.exportCsv', { from: '2026-11-01', to: '2026-11-26' });
  expect(csv).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await app.screenshot('10r-barista-no-reports-tab');
});
