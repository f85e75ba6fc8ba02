// Refunds from order history through the UI, at the counter's smallest screen (1024×768): part
// of an order to the original payment, a barista's refund approved by a manager's PIN, an amount
// to cash, the limits (nothing over what is left, in the UI and in main) and a cancel that says
// what it hands back. Screenshots under test-results/screenshots/8x-*.png.
import type { Page } from '@playwright/test';
import { expect, OWNER, test, type BrewlineApp } from './fixtures';
import { addStaff, STAFF_PIN } from '../support/testCore';

test.use({ viewport: { width: 1024, height: 768 } });

/** Tests whose title starts with this run with no shift open on the till. */
const NO_SHIFT = 'no shift:';

test.beforeEach(async ({ app }, testInfo) => {
  // Cash sales and cash refunds need an open shift on this till: the fixture opens one.
  await app.setUpShop(undefined, { openShift: !testInfo.title.startsWith(NO_SHIFT) });
  await app.open();
  await app.signIn();
});

type Pay = { cash: 'exact' } | { card: 'all' } | { card: string; thenCash: 'exact' };

/** Ring items at the counter and take the payment, as a barista would. */
async function ringSale(app: BrewlineApp, items: string[], pay: Pay) {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Counter' }).click();
  for (const item of items) await app.addItem(item);
  await page.getByRole('button', { name: /^Charge ₱/ }).click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  if ('cash' in pay) {
    await payment.getByRole('button', { name: 'Exact' }).click();
  } else {
    await payment.getByRole('button', { name: 'Card', exact: true }).click();
    if ('thenCash' in pay) {
      await payment.getByLabel('Amount', { exact: true }).fill(pay.card);
      await payment.getByRole('button', { name: 'Add payment' }).click();
      await payment.getByRole('button', { name: 'Cash', exact: true }).click();
      await payment.getByRole('button', { name: 'Exact' }).click();
    }
  }
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await page.getByRole('button', { name: 'New order' }).click();
}

async function openFirstOrder(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await page.getByRole('list', { name: 'Order list' }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: /^Order #/ })).toBeVisible();
}

async function signOutAndIn(app: BrewlineApp, name: RegExp) {
  await app.page.getByRole('button', { name: 'Sign out' }).click();
  await app.signIn(name, STAFF_PIN);
}

async function firstOrderId(app: BrewlineApp): Promise<string> {
  const [order] = (await app.t.must('orders.list', {}, 'window-1')).orders;
  return order!.id;
}

test('a manager refunds 1 of 3 lattes to the original payment; the order shows the refund and its receipt prints', async ({ app }) => {
  const { page } = app;
  await addStaff(app.t, 'manager', 'max');
  await ringSale(app, ['Latte', 'Latte', 'Latte'], { card: '300', thenCash: 'exact' }); // ₱495.00: card 300 + cash 195
  await signOutAndIn(app, /Max/);
  await openFirstOrder(page);
  await page.getByRole('button', { name: 'Refund', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Refund' });
  await expect(dialog.getByRole('heading', { name: 'Refund order #001' })).toBeVisible();
  await expect(dialog.getByText('3 of 3 left')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Refund/ })).toBeDisabled(); // nothing chosen yet
  await dialog.getByRole('button', { name: 'One more Latte', exact: false }).click();
  await expect(dialog.getByRole('button', { name: 'Refund ₱165.00' })).toBeEnabled();
  await expect(dialog.getByText('includes ₱17.68 tax')).toBeVisible();
  // Card first, cash last: the drawer is only touched for what was paid in cash.
  await expect(dialog.getByText('Card ₱165.00')).toBeVisible();
  await app.screenshot('80-refund-items');

  // The reason is required.
  await dialog.getByRole('button', { name: 'Refund ₱165.00' }).click();
  await expect(dialog.getByText('Say why, in a few words')).toBeVisible();
  await dialog.getByRole('button', { name: 'Wrong order' }).click();
  await expect(dialog.getByLabel('Reason', { exact: true })).toHaveValue('Wrong order');
  await dialog.getByRole('button', { name: 'Refund ₱165.00' }).click();

  await expect(dialog.getByRole('heading', { name: 'Refunded ₱165.00 — #001-R1' })).toBeVisible();
  await expect(dialog.getByText('Hand it back: ₱165.00 to the card.')).toBeVisible();
  await app.screenshot('81-refund-done');
  await dialog.getByRole('button', { name: 'Print refund receipt' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Refund receipt sent|Printing is available in the desktop app/);
  await app.screenshot('81b-refund-receipt-printed');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The order: badge, the refund under it, and 2 of 3 left for the next one.
  await expect(page.getByRole('region', { name: /^Order #/ }).getByText('Partly refunded')).toBeVisible();
  const card = page.getByRole('listitem', { name: 'Refund #001-R1' });
  await expect(card).toContainText('Wrong order');
  await expect(card).toContainText('1 × Latte');
  await expect(card).toContainText('−₱165.00');
  await expect(card).toContainText('by Max T.');
  await card.scrollIntoViewIfNeeded();
  await app.screenshot('82-order-partly-refunded');

  const preview = await app.t.must('refunds.preview', { orderId: await firstOrderId(app), what: { kind: 'all' }, tender: 'original' }, 'window-1');
  expect(preview.refundable).toBe(495_00 - 165_00);
  expect(preview.lines[0]).toMatchObject({ refundedQuantity: 1, refundableQuantity: 2 });
  expect(app.t.count('refunds')).toBe(1);

  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(dialog.getByText('2 of 3 left')).toBeVisible();
  await expect(dialog.getByText('₱165.00 refunded before')).toBeVisible();
});

test('a barista’s refund needs a manager’s PIN; approved once, it refunds once', async ({ app }) => {
  const { page } = app;
  await addStaff(app.t, 'manager', 'max');
  await addStaff(app.t, 'barista', 'bea');
  await signOutAndIn(app, /Bea/);
  await ringSale(app, ['Americano'], { cash: 'exact' });
  await openFirstOrder(page);
  await page.getByRole('button', { name: 'Refund', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Refund' });
  await dialog.getByRole('button', { name: 'Whole order' }).click();
  await expect(dialog.getByRole('button', { name: 'Refund ₱130.00' })).toBeEnabled();
  await expect(dialog.getByText('Cash ₱130.00')).toBeVisible();
  await expect(dialog.getByText('A manager approves it with their PIN.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Customer complaint' }).click();
  await app.screenshot('83-refund-barista-whole');
  await dialog.getByRole('button', { name: 'Refund ₱130.00' }).click();

  await expect(dialog.getByRole('heading', { name: 'Manager approval' })).toBeVisible();
  await expect(dialog.getByText('Approve refunding ₱130.00 in cash?')).toBeVisible();
  await dialog.getByLabel('Manager').selectOption({ label: 'Max T.' });
  for (const d of STAFF_PIN) await dialog.getByRole('button', { name: d, exact: true }).click();
  await app.screenshot('84-refund-approval');
  await dialog.getByRole('button', { name: 'Approve' }).dblclick();

  await expect(dialog.getByRole('heading', { name: 'Refunded ₱130.00 — #001-R1' })).toBeVisible();
  await expect(dialog.getByText('Approved by Max T.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect(app.t.count('refunds')).toBe(1);
  await expect(page.getByRole('region', { name: /^Order #/ }).getByText('Refunded', { exact: true })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Refund #001-R1' })).toContainText('approved by Max T.');
  // Nothing left: no Refund button.
  await expect(page.getByRole('button', { name: 'Refund', exact: true })).toHaveCount(0);
});

test('over the managers’ refund limit only the owner’s PIN approves it', async ({ app }) => {
  const { page } = app;
  await addStaff(app.t, 'manager', 'max');
  await addStaff(app.t, 'manager', 'mia');
  await ringSale(app, ['Latte', 'Latte', 'Latte', 'Latte'], { card: 'all' }); // ₱660.00, over the ₱500.00 limit
  await signOutAndIn(app, /Max/);
  await openFirstOrder(page);
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund' });
  await dialog.getByRole('button', { name: 'Whole order' }).click();
  await expect(dialog.getByText('Over the ₱500.00 refund limit: the owner approves it with their PIN.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Quality' }).click();
  await dialog.getByRole('button', { name: 'Refund ₱660.00' }).click();
  await expect(dialog.getByText('Approve refunding ₱660.00 to card?')).toBeVisible();
  // Only the owner is offered (main also refuses a manager's PIN for it: tests/integration/refunds.test.ts).
  await expect(dialog.getByLabel('Manager').locator('option')).toHaveText(['Olivia R.']);
  await app.screenshot('8a-refund-owner-only');
  expect(app.t.count('refunds')).toBe(0);
  await dialog.getByLabel('Manager').selectOption({ label: 'Olivia R.' });
  for (const d of OWNER.pin) await dialog.getByRole('button', { name: d, exact: true }).click();
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog.getByRole('heading', { name: 'Refunded ₱660.00 — #001-R1' })).toBeVisible();
  await expect(dialog.getByText('Approved by Olivia R.')).toBeVisible();
  expect(app.t.count('refunds')).toBe(1);
});

test('an amount refund, in cash from the drawer', async ({ app }) => {
  const { page } = app;
  await ringSale(app, ['Latte', 'Americano'], { card: 'all' }); // ₱295.00 on card
  // The fixture's shift opened with no float: put ₱100.00 in the drawer, or there is no cash to hand back.
  await app.t.must('shifts.move', { requestId: crypto.randomUUID(), kind: 'pay_in', amount: 100_00, reason: 'Change for the day' }, 'window-1');
  await openFirstOrder(page);
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund' });
  await dialog.getByRole('button', { name: 'Amount', exact: true }).click();
  await dialog.getByLabel('Amount to refund').fill('50');
  await dialog.getByRole('group', { name: 'Refund to' }).getByRole('button', { name: 'Cash' }).click();
  await expect(dialog.getByText('₱50.00 in cash from the drawer.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Refund ₱50.00' })).toBeEnabled();
  await dialog.getByLabel('Reason', { exact: true }).fill('Coffee was lukewarm');
  await app.screenshot('85-refund-amount-cash');
  await dialog.getByRole('button', { name: 'Refund ₱50.00' }).click();
  await expect(dialog.getByRole('heading', { name: 'Refunded ₱50.00 — #001-R1' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const card = page.getByRole('listitem', { name: 'Refund #001-R1' });
  await expect(card).toContainText('Cash ₱50.00');
  await expect(card).toContainText('Coffee was lukewarm');
  const detail = await app.t.must('orders.get', { orderId: await firstOrderId(app) }, 'window-1');
  expect(detail.refunded).toBe(50_00);
  expect(detail.refunds[0]!.tenders).toEqual([{ method: 'cash', amount: 50_00 }]);
});

test('refunding more than is left cannot be chosen, and main refuses it', async ({ app }) => {
  const { page } = app;
  await ringSale(app, ['Latte', 'Latte', 'Latte'], { card: 'all' });
  const orderId = await firstOrderId(app);
  const lineId = (await app.t.must('orders.get', { orderId }, 'window-1')).lines[0]!.id;
  await app.t.must(
    'refunds.issue',
    { requestId: crypto.randomUUID(), orderId, what: { kind: 'lines', lines: [{ lineId, quantity: 2 }] }, tender: 'original', reason: 'Spilled two' },
    'window-1',
  );
  await openFirstOrder(page);
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund' });
  await expect(dialog.getByText('1 of 3 left')).toBeVisible();
  const more = dialog.getByRole('button', { name: 'One more Latte', exact: false });
  await more.click();
  await expect(more).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Refund ₱165.00' })).toBeEnabled();

  await dialog.getByRole('button', { name: 'Amount', exact: true }).click();
  await dialog.getByLabel('Amount to refund').fill('200');
  await expect(dialog.getByText('At most ₱165.00 is left to refund').first()).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Refund/ })).toBeDisabled();
  await app.screenshot('86-refund-over-what-is-left');

  const tooMany = await app.t.call(
    'refunds.issue',
    { requestId: crypto.randomUUID(), orderId, what: { kind: 'lines', lines: [{ lineId, quantity: 2 }] }, tender: 'original', reason: 'Too many' },
    'window-1',
  );
  expect(tooMany.ok).toBe(false);
  const tooMuch = await app.t.call(
    'refunds.issue',
    { requestId: crypto.randomUUID(), orderId, what: { kind: 'amount', amount: 165_01 }, tender: 'card', reason: 'Too much' },
    'window-1',
  );
  expect(tooMuch.ok).toBe(false);
  expect(app.t.count('refunds')).toBe(1);
});

test('cancelling a paid order says what it hands back; afterwards the order shows the cancel refund', async ({ app }) => {
  const { page } = app;
  await ringSale(app, ['Latte'], { card: '100', thenCash: 'exact' }); // ₱165.00: card 100 + cash 65
  await openFirstOrder(page);
  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel order' });
  await expect(dialog.getByText('Cancelling refunds ₱165.00 (₱100.00 to the card, ₱65.00 in cash from the drawer).')).toBeVisible();
  await dialog.getByLabel('Reason', { exact: true }).fill('Customer left before it was made');
  await app.screenshot('87-cancel-hands-back');
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('region', { name: /^Order #/ }).getByText('Cancelled').first()).toBeVisible();
  const card = page.getByRole('listitem', { name: 'Refund #001-R1' });
  await expect(card).toContainText('Order cancelled');
  await expect(card).toContainText('−₱165.00');
  await expect(card).toContainText('Card ₱100.00 · Cash ₱65.00');
  await expect(page.getByRole('button', { name: 'Refund', exact: true })).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await app.screenshot('88-order-cancelled-with-refund');
});

test(`${NO_SHIFT} a cash refund says the drawer needs a shift, main refuses it plainly, and card still works`, async ({ app }) => {
  const { page } = app;
  await ringSale(app, ['Americano'], { card: 'all' }); // card sales need no shift
  await openFirstOrder(page);
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund' });
  await dialog.getByRole('button', { name: 'Whole order' }).click();
  await dialog.getByRole('group', { name: 'Refund to' }).getByRole('button', { name: 'Cash' }).click();
  await expect(dialog.getByText('No shift is open on this till: cash cannot come out of the drawer.', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Wrong order' }).click();
  await dialog.getByRole('button', { name: 'Refund ₱130.00' }).click();
  await expect(dialog.getByRole('alert')).toContainText('open a shift first');
  await expect(dialog.getByRole('alert')).toBeInViewport();
  await app.screenshot('8b-refund-no-shift');
  expect(app.t.count('refunds')).toBe(0);

  await dialog.getByRole('group', { name: 'Refund to' }).getByRole('button', { name: 'Card' }).click();
  await dialog.getByRole('button', { name: 'Refund ₱130.00' }).click();
  await expect(dialog.getByRole('heading', { name: 'Refunded ₱130.00 — #001-R1' })).toBeVisible();
  expect(app.t.count('refunds')).toBe(1);
});
