// The complete counter through the UI: modifiers, split tender, receipt, park/resume, scanner,
// bar queue. Each journey saves screenshots under test-results/screenshots/.
import { expect, OWNER, test } from './fixtures';
import { addStaff, STAFF_PIN } from '../support/testCore';

test.beforeEach(async ({ app }) => {
  await app.setUpShop();
  await app.open();
  await app.signIn();
});

test('a large oat latte with an extra shot plus two croissants, paid cash + card; the receipt shows every line', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /^Latte ₱165\.00/ }).click();
  const chooser = page.getByRole('dialog', { name: 'Latte', exact: true });
  await chooser.getByRole('radio', { name: 'Large +₱40.00' }).check();
  await chooser.getByRole('radio', { name: 'Oat +₱30.00' }).check();
  await chooser.getByRole('checkbox', { name: 'Extra shot +₱40.00' }).check();
  await chooser.getByLabel('Note').fill('extra hot');
  await app.screenshot('20-modifier-chooser');
  await chooser.getByRole('button', { name: 'Add to order' }).click();
  await page.getByRole('tab', { name: 'Bakery' }).click();
  await page.getByRole('button', { name: /^Croissant ₱95\.00/ }).click();
  await page.getByRole('button', { name: /^Croissant ₱95\.00/ }).click();
  const lines = page.getByRole('list', { name: 'Items in this order' });
  await expect(lines.getByText(/Large · Oat · Extra shot/)).toBeVisible();
  await expect(lines.getByText(/extra hot/)).toBeVisible();
  // 275.00 + 2 × 95.00
  await expect(page.getByRole('button', { name: 'Charge ₱465.00' })).toBeEnabled();
  await app.screenshot('21-cart-with-options');

  await page.getByRole('button', { name: 'Charge ₱465.00' }).click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Card', exact: true }).click();
  await payment.getByLabel('Amount', { exact: true }).fill('300');
  await payment.getByLabel('Reference (optional)').fill('AUTH 4521');
  await payment.getByRole('button', { name: 'Add payment' }).click();
  await payment.getByRole('button', { name: 'Cash', exact: true }).click();
  await payment.getByLabel('Amount tendered').fill('200');
  await expect(payment.getByText('₱35.00').first()).toBeVisible(); // change: 200 − 165
  await app.screenshot('22-split-payment');
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Order #001 — Change ₱35.00' })).toBeVisible();
  const [order] = (await app.t.must('orders.list', {}, 'window-1')).orders;
  const detail = await app.t.must('orders.get', { orderId: order!.id }, 'window-1');
  expect(detail.payments.map((p) => [p.method, p.amount, p.change, p.reference])).toEqual([
    ['card', 30000, 0, 'AUTH 4521'],
    ['cash', 16500, 3500, ''],
  ]);

  await page.getByRole('button', { name: 'Show receipt' }).click();
  const receipt = page.getByRole('dialog', { name: 'Receipt' });
  for (const text of ['Brews & Chews', '#001', '1 × Latte', 'Large · Oat · Extra shot', 'extra hot', '2 × Croissant', '₱465.00', 'AUTH 4521', 'Thank you! Come again.']) {
    await expect(receipt.getByText(text, { exact: false }).first()).toBeVisible();
  }
  await app.screenshot('23-receipt');
  // Print goes to main's printer port (Electron's webContents.print in the app; a recorder here).
  await receipt.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => app.t.printer.jobs.length).toBe(1);
  for (const text of ['1 × Latte', 'Large · Oat · Extra shot', '“extra hot”', '2 × Croissant', 'Card (AUTH 4521)']) {
    expect(app.t.printer.jobs[0]!.html).toContain(text);
  }
});

test('park an order under a name, serve someone else, then resume it', async ({ app }) => {
  const { page } = app;
  await app.addItem('Mocha');
  await page.getByRole('button', { name: 'Park', exact: true }).click();
  await page.getByLabel('Ticket name').fill('Ana');
  await page.getByRole('dialog', { name: 'Park order' }).getByRole('button', { name: 'Park order' }).click();
  await expect(page.getByRole('button', { name: 'Charge ₱0.00' })).toBeDisabled();
  await page.getByRole('button', { name: /^Parked/ }).click();
  const list = page.getByRole('dialog', { name: 'Parked tickets' });
  await app.screenshot('24-parked-tickets');
  await list.getByRole('button', { name: /Resume Ana/ }).click();
  await expect(page.getByRole('button', { name: 'Charge ₱180.00' })).toBeEnabled();
});

test('a barcode scanner (fast keys + Enter) adds the item', async ({ app }) => {
  const { page } = app;
  const sku = (await app.t.must('menu.list', {}, 'window-1')).flatMap((c) => c.items).find((i) => i.name === 'Croissant')!.sku!;
  await page.getByLabel('Search menu').click();
  await page.keyboard.type(sku, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Items in this order' }).getByText('Croissant')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Charge ₱95.00' })).toBeEnabled();
});

test('the bar queue advances an order to completed', async ({ app }) => {
  const { page } = app;
  await app.addItem('Americano');
  await page.getByRole('button', { name: 'Charge ₱130.00' }).click();
  await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: 'Exact' }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('button', { name: 'Start #001' }).click();
  await page.getByRole('button', { name: 'Ready #001' }).click();
  await app.screenshot('25-queue-ready');
  await page.getByRole('button', { name: 'Complete #001' }).click();
  await expect(page.getByRole('button', { name: /#001/ })).toHaveCount(0);
  const [order] = (await app.t.must('orders.list', {}, 'window-1')).orders;
  expect(order!.status).toBe('completed');
});

test('a manager cancels a paid order from history; a barista needs the manager’s PIN', async ({ app }) => {
  const { page } = app;
  await addStaff(app.t, 'manager', 'max');
  await addStaff(app.t, 'barista', 'bea');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await app.signIn(/Bea/, STAFF_PIN);
  await app.addItem('Espresso');
  await page.getByRole('button', { name: 'Charge ₱110.00' }).click();
  await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: 'Exact' }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await page.getByRole('list', { name: 'Order list' }).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByLabel('Reason').fill('Customer changed their mind');
  await page.getByRole('dialog', { name: 'Cancel order' }).getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.getByRole('heading', { name: 'Manager approval' })).toBeVisible();
  await expect(page.getByText('Approve cancelling order #001 (₱110.00)?')).toBeVisible();
  await page.getByLabel('Manager').selectOption({ label: 'Max T.' });
  await app.screenshot('25b-cancel-approval');
  for (const d of STAFF_PIN) await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('region', { name: /^Order #/ }).getByText('Cancelled').first()).toBeVisible();
  await app.screenshot('26-order-cancelled');
  void OWNER;
});

test('keyboard: / searches, F9 charges, F8 takes exact cash, F4 parks', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search menu')).toBeFocused();
  await page.keyboard.type('muff');
  await expect(page.getByRole('button', { name: /^Blueberry Muffin ₱90\.00/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Latte ₱/ })).toHaveCount(0);
  await page.keyboard.press('Enter'); // the one match is added
  await expect(page.getByRole('button', { name: 'Charge ₱90.00' })).toBeEnabled();
  await page.getByLabel('Search menu').blur();
  await page.keyboard.press('F4');
  await page.getByLabel('Ticket name').fill('Muffin to go');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Parked (1)' })).toBeVisible();
  await page.getByLabel('Search menu').fill('');
  await page.getByRole('tab', { name: 'Bakery' }).click();
  await app.addItem('Croissant');
  await page.keyboard.press('F9');
  await expect(page.getByRole('dialog', { name: 'Payment' })).toBeVisible();
  await page.keyboard.press('F8');
  await expect(page.getByLabel('Amount tendered')).toHaveValue('95.00');
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Order #001 — Paid' })).toBeVisible(); // exact cash: no change to give
});
