// The day at the till through the real UI (issue 9): open a shift with a float counted by note
// and coin → cash and card sales → a partial refund of one latte approved by a manager → pay out ₱200 for milk → X report → blind count ₱20 short → a
// barista's close approved by a manager → Z report shown and printed → the next day's shift
// suggests the float left. Also: the stale-shift banner, a barista sees no Void, a manager voids
// and reprints from the Z history, and cash refused without a shift leads to the Drawer.
// Screenshots: test-results/screenshots/9x-*.
import type { Page } from '@playwright/test';
import { expect, test, type BrewlineApp } from './fixtures';
import { addStaff, STAFF_PIN } from '../support/testCore';

const DAY = 86_400_000;

test.use({ viewport: { width: 1024, height: 768 } });

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

/** Types how many of each note or coin ("₱1,000" → 1) into the count grid. */
async function countNotes(page: Page, counts: Record<string, number>) {
  const grid = page.getByRole('group', { name: 'Notes and coins' });
  for (const [label, n] of Object.entries(counts)) await grid.getByLabel(label, { exact: true }).fill(String(n));
}

/**
 * A screenshot of the whole Drawer page: the window is made as tall as the page for the shot (the
 * layout stays at 1024 px wide), then put back to 1024×768.
 */
async function pageShot(app: BrewlineApp, name: string) {
  const { page } = app;
  const screen = page.locator('.page-screen');
  const height = (await screen.count()) === 0 ? 0 : await screen.evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight));
  if (height > 768) await page.setViewportSize({ width: 1024, height });
  await app.screenshot(name);
  if (height > 768) await page.setViewportSize({ width: 1024, height: 768 });
}

async function payExactCash(page: Page, total: string) {
  await page.getByRole('button', { name: `Charge ${total}` }).click();
  await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: 'Exact' }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: /^Order #\d+/ })).toBeVisible();
  await page.getByRole('button', { name: 'New order' }).click();
}

test('a barista’s day: float by note and coin, cash and card sales, a manager-approved refund of one latte, a ₱200 pay-out, X report, a blind count ₱20 short approved by a manager, the Z report, and tomorrow’s float', async ({ app }) => {
  const { page } = app;
  await app.setUpShop({}, { openShift: false });
  await addStaff(app.t, 'manager', 'max');
  await addStaff(app.t, 'barista', 'bea');
  await app.open();
  await app.signIn(/Bea/, STAFF_PIN);

  // 8 a.m.: no shift yet. The counter says so calmly; card sales would still work.
  const banner = page.getByRole('status').filter({ hasText: 'No shift open' });
  await expect(banner).toContainText('cash needs a counted drawer');
  await app.screenshot('90-counter-no-shift');
  await banner.getByRole('button', { name: 'Open shift' }).click();

  // Count the float by note and coin: 1 × ₱1,000 + 1 × ₱500 + 4 × ₱100 + 5 × ₱20 = ₱2,000.
  await expect(page.getByRole('heading', { name: /Open a shift on/ })).toBeVisible();
  await expect(page.getByText(/Last close left/)).toHaveCount(0); // the first shift ever: nothing to suggest
  await countNotes(page, { '₱1,000': 1, '₱500': 1, '₱100': 4, '₱20': 5 });
  await expect(page.getByLabel('₱100 subtotal')).toHaveText('₱400.00');
  await expect(page.locator('.count-total')).toContainText('₱2,000.00');
  await pageShot(app, '91-open-shift-float');
  await page.getByRole('button', { name: 'Open shift' }).click();
  await expect(page.getByRole('heading', { name: 'Cash drawer' })).toBeVisible();
  await expect(page.getByText('Opening float').locator('..')).toContainText('₱2,000.00');

  // A cash sale (2 × Latte ₱330.00) and a card sale (Americano ₱130.00); no banner any more.
  await nav(page, 'Counter').click();
  await expect(page.getByText('No shift open')).toHaveCount(0);
  await app.addItem('Latte');
  await app.addItem('Latte');
  await payExactCash(page, '₱330.00');
  await app.addItem('Americano');
  await page.getByRole('button', { name: 'Charge ₱130.00' }).click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Card', exact: true }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await page.getByRole('button', { name: 'New order' }).click();

  // One latte was wrong: Bea refunds 1 of the 2, in cash from the drawer, and Max approves it with his PIN.
  await nav(page, 'Orders').click();
  await page.getByRole('list', { name: 'Order list' }).getByRole('button').last().click();
  await expect(page.getByRole('heading', { name: 'Order #001' })).toBeVisible();
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const refund = page.getByRole('dialog', { name: 'Refund' });
  await expect(refund.getByText('2 of 2 left')).toBeVisible();
  await refund.getByRole('button', { name: 'One more Latte', exact: false }).click();
  await refund.getByRole('button', { name: 'Wrong order' }).click();
  await expect(refund.getByText('Cash ₱165.00')).toBeVisible();
  await refund.getByRole('button', { name: 'Refund ₱165.00' }).click();
  await expect(refund.getByText('Approve refunding ₱165.00 in cash?')).toBeVisible();
  await refund.getByLabel('Manager').selectOption({ label: 'Max T.' });
  for (const d of STAFF_PIN) await refund.getByRole('button', { name: d, exact: true }).click();
  await refund.getByRole('button', { name: 'Approve' }).click();
  await expect(refund.getByRole('heading', { name: 'Refunded ₱165.00 — #001-R1' })).toBeVisible();
  await app.screenshot('91b-partial-refund-approved');
  await refund.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: /^Order #/ }).getByText('Partly refunded')).toBeVisible();

  // Pay out ₱200 for milk; a barista sees no Void button.
  await nav(page, 'Drawer').click();
  await page.getByRole('button', { name: 'Pay out', exact: true }).click();
  const payOut = page.getByRole('dialog', { name: 'Pay out' });
  await payOut.getByLabel('Amount').fill('200');
  await expect(payOut.getByLabel('Category')).toHaveValue('Supplies');
  await payOut.getByLabel('Reason').fill('4 litres of milk');
  await app.screenshot('92-pay-out');
  await payOut.getByRole('button', { name: 'Record pay out' }).click();
  await expect(payOut).toBeHidden();
  const movements = page.getByRole('table', { name: 'Drawer movements' });
  await expect(movements.getByRole('row', { name: /Pay out/ })).toContainText('−₱200.00');
  await expect(movements.getByRole('row', { name: /Pay out/ })).toContainText('4 litres of milk');
  await expect(page.getByRole('button', { name: /^Void/ })).toHaveCount(0);
  await pageShot(app, '93-shift-open-barista');

  // The X report shows the expected cash, so it is a manager's: Bea has none (her count stays blind).
  await expect(page.getByRole('button', { name: 'X report' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await app.signIn(/Max/, STAFF_PIN);
  await nav(page, 'Drawer').click();

  // X report: float 2,000 + cash sales 330 − cash refund 165 − pay-out 200 = expected 1,965.
  await page.getByRole('button', { name: 'X report' }).click();
  const x = page.getByRole('dialog', { name: 'X report' });
  await expect(x.getByRole('row', { name: /Expected cash/ })).toContainText('₱1,965.00');
  await expect(x.getByRole('row', { name: /^Card/ })).toContainText('₱130.00');
  await expect(x.getByRole('row', { name: /^Gross sales/ })).toContainText('₱460.00');
  await expect(x.getByRole('row', { name: /^Refunds/ }).first()).toContainText('₱165.00');
  await expect(x.getByRole('row', { name: /^Net sales/ })).toContainText('₱295.00');
  await expect(x.getByRole('row', { name: /^Orders/ }).first()).toContainText('2');
  await app.screenshot('94-x-report');
  await x.evaluate((dialog) => dialog.scrollTo(0, dialog.scrollHeight));
  await app.screenshot('94b-x-report-end');
  await x.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await app.signIn(/Bea/, STAFF_PIN);
  await nav(page, 'Drawer').click();

  // Close: the blind count shows no expected figure; ₱1,945 counted is ₱20 short.
  await page.getByRole('button', { name: 'Close shift' }).click();
  await expect(page.getByRole('heading', { name: 'Count the drawer' })).toBeVisible();
  await expect(page.getByText('₱1,965.00')).toHaveCount(0);
  await expect(page.getByText(/Expected/)).toHaveCount(0);
  await countNotes(page, { '₱1,000': 1, '₱500': 1, '₱200': 2, '₱20': 2, '₱5': 1 });
  await expect(page.locator('.count-total')).toContainText('₱1,945.00');
  await pageShot(app, '95-blind-count');
  await page.getByRole('button', { name: 'Submit count' }).click();
  await expect(page.getByRole('heading', { name: 'The count is in' })).toBeVisible();
  await expect(page.getByText('Expected in the drawer').locator('..')).toContainText('₱1,965.00');
  await expect(page.getByText('Short ₱20.00')).toBeVisible();
  await expect(page.getByLabel('Left in drawer for the next shift')).toHaveValue('1945.00'); // the float, at most what was counted
  await page.getByLabel('Left in drawer for the next shift').fill('1500');
  await page.getByLabel('Reason for the difference').fill('Gave change for ₱500 as for ₱520');
  await pageShot(app, '96-count-short');
  await page.getByRole('button', { name: /^Close shift/ }).click();

  // Bea may not approve her own shortage: Max approves with his PIN.
  const approval = page.getByRole('dialog', { name: 'Close shift' });
  await expect(approval.getByRole('heading', { name: 'Manager approval' })).toBeVisible();
  await expect(approval.getByText(/short by ₱20\.00/)).toBeVisible();
  await approval.getByLabel('Manager').selectOption({ label: 'Max T.' });
  await app.screenshot('97-variance-approval');
  for (const d of STAFF_PIN) await approval.getByRole('button', { name: d, exact: true }).click();
  await approval.getByRole('button', { name: 'Approve' }).click();

  // The Z report: numbered, every figure, the shortage with its reason and approver.
  await expect(page.getByRole('heading', { name: /^Z #1 · / })).toBeVisible();
  const z = page.getByRole('article');
  await expect(z.getByRole('row', { name: /^Difference/ })).toContainText('Short ₱20.00');
  await expect(z.getByRole('row', { name: /^Approved by/ })).toContainText('Max');
  await expect(z.getByRole('row', { name: /^Reason/ })).toContainText('Gave change');
  await expect(z.getByRole('row', { name: /^Left in drawer/ })).toContainText('₱1,500.00');
  await expect(z.getByRole('row', { name: /^Net sales/ }).first()).toContainText('₱295.00');
  await expect(z.getByText(/Content hash/)).toBeVisible();
  await z.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(z.getByRole('status')).toContainText('Printed on');
  await expect.poll(() => app.t.printer.jobs.length).toBe(1);
  await expect(z.getByRole('button', { name: 'Print (REPRINT)' })).toBeVisible();
  await pageShot(app, '98-z-report');
  await z.getByRole('button', { name: 'Done' }).click();

  // The next morning the form offers what was left in the drawer.
  app.t.clock.advance(DAY);
  await page.reload();
  await app.signIn(/Bea/, STAFF_PIN);
  await nav(page, 'Drawer').click();
  await expect(page.getByText('Last close left ₱1,500.00 in the drawer.')).toBeVisible();
  await page.getByRole('button', { name: 'Use this' }).click();
  await expect(page.getByLabel('Opening float')).toHaveValue('1500.00');
  await app.screenshot('99-next-day-suggested-float');
  await page.getByRole('button', { name: 'Open shift' }).click();
  await expect(page.getByText('Opening float').locator('..')).toContainText('₱1,500.00');
});

test('a shift left open past its business day is flagged on the next sign-in', async ({ app }) => {
  const { page } = app;
  await app.setUpShop(); // the owner opened a shift today
  app.t.clock.advance(DAY + 60_000);
  await app.open();
  await app.signIn();
  const banner = page.getByRole('alert').filter({ hasText: 'is still open: count and close it' });
  await expect(banner).toContainText(/This shift was opened on \w{3} \d{1,2} \w{3}/);
  await app.screenshot('9a-counter-stale-shift');
  await banner.getByRole('button', { name: 'Count and close' }).click();
  await expect(page.getByRole('heading', { name: 'Drawer', exact: true })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'is still open' })).toBeVisible();
  await pageShot(app, '9b-drawer-stale-shift');
});

test('a manager voids a wrong pay-in, closes with an exact count, and reprints the Z report from the history', async ({ app }) => {
  const { page } = app;
  await app.setUpShop({}, { openShift: false });
  await app.open();
  await app.signIn(); // the owner: shifts.manage
  await nav(page, 'Drawer').click();
  await page.getByRole('button', { name: 'Enter one amount' }).click();
  await page.getByLabel('Opening float').fill('1000');
  await page.getByRole('button', { name: 'Open shift' }).click();

  await page.getByRole('button', { name: 'Pay in', exact: true }).click();
  await page.getByRole('dialog', { name: 'Pay in' }).getByLabel('Amount').fill('5000');
  await page.getByRole('dialog', { name: 'Pay in' }).getByLabel('Reason').fill('Change from the bank');
  await page.getByRole('button', { name: 'Record pay in' }).click();
  await page.getByRole('button', { name: /^Void Pay in/ }).click();
  const voidDialog = page.getByRole('dialog', { name: 'Void movement' });
  await voidDialog.getByLabel('Reason').fill('Typed 5,000 instead of 500');
  await voidDialog.getByRole('button', { name: 'Void movement' }).click();
  await expect(voidDialog).toBeHidden();
  const movements = page.getByRole('table', { name: 'Drawer movements' });
  await expect(movements.getByText('Voided')).toBeVisible();
  await expect(movements.getByRole('row', { name: /Pay in — void/ })).toContainText('−₱5,000.00');
  await expect(page.getByRole('button', { name: /^Void Pay in/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'No sale', exact: true }).click();
  await page.getByRole('dialog', { name: 'No sale' }).getByLabel('Reason').fill('Change for a ₱1,000 note');
  await page.getByRole('button', { name: 'Record no sale' }).click();
  await expect(movements.getByRole('row', { name: /No sale/ })).toBeVisible();
  await pageShot(app, '9c-movements-voided');

  await page.getByRole('button', { name: 'Close shift' }).click();
  await page.getByRole('button', { name: 'Enter one amount' }).click();
  await page.getByLabel('Cash in the drawer').fill('1000');
  await page.getByRole('button', { name: 'Submit count' }).click();
  await expect(page.getByText('Exact', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Close shift', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Z #1 · / })).toBeVisible();
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Print (REPRINT)' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: 'Z reports' }).click();
  const list = page.getByRole('table', { name: 'Z reports' });
  await expect(list.getByRole('row', { name: /#1/ })).toContainText('Exact');
  await app.screenshot('9d-z-history');
  await list.getByRole('button', { name: 'Open Z #1' }).click();
  await expect(page.getByText('next copy is a REPRINT')).toBeVisible();
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByRole('article').getByRole('status')).toContainText('REPRINT');
  await pageShot(app, '9e-z-reprint');
});

test('cash with no shift open is refused and leads to the Drawer; the owner can turn the rule off in Settings', async ({ app }) => {
  const { page } = app;
  await app.setUpShop({}, { openShift: false });
  await app.open();
  await app.signIn();
  await app.addItem('Americano');
  await page.getByRole('button', { name: 'Charge ₱130.00' }).click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(payment.getByRole('alert')).toContainText(/open a shift/i);
  await app.screenshot('9f-payment-needs-shift');
  await payment.getByRole('button', { name: 'Go to Drawer to open a shift' }).click();
  await expect(page.getByRole('heading', { name: /Open a shift on/ })).toBeVisible();
  expect(app.t.count('orders')).toBe(0);

  await nav(page, 'Settings').click();
  const drawer = page.locator('form').filter({ has: page.getByText('Cash drawer', { exact: true }) });
  await expect(drawer.getByLabel('Count tolerance')).toHaveValue('0.00');
  await drawer.getByLabel('Cash sales need an open shift').uncheck();
  await drawer.getByLabel('Count tolerance').fill('20');
  await drawer.getByRole('button', { name: 'Save cash drawer settings' }).click();
  await expect(drawer.getByText('Cash drawer settings saved.')).toBeVisible();
  await app.screenshot('9g-settings-cash-drawer');
  await nav(page, 'Counter').click();
  await expect(page.getByText('No shift open')).toHaveCount(0);
  await payExactCash(page, '₱130.00');
  expect(app.t.count('orders')).toBe(1);
});
