// The walking skeleton through the real UI: first-run setup → sign in with PIN → ring up two
// items → open a shift with a counted float → charge cash → the order is at the top of history →
// lock and unlock.
import { expect, OWNER, test } from './fixtures';

test('owner sets up the shop, signs in with a PIN, sells two items for cash and finds the order in history', async ({ app }) => {
  const { page } = app;
  await app.open();

  // 1. First run: no accounts exist, so setup is the only way in.
  await expect(page.getByRole('heading', { name: 'Welcome to Brewline' })).toBeVisible();
  await page.getByLabel('Shop name').fill('Brews & Chews');
  await page.getByLabel('Currency').selectOption('PHP');
  await page.getByLabel('Tax rate %').fill('12');
  await expect(page.getByLabel('Prices include tax')).toBeChecked();
  await page.getByLabel('Time zone').selectOption('Asia/Manila');
  await page.getByLabel('Username').fill(OWNER.username);
  await page.getByLabel('First name').fill(OWNER.firstName);
  await page.getByLabel('Last name').fill(OWNER.lastName);
  await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Confirm password').fill(OWNER.password);
  await page.getByLabel('PIN', { exact: true }).fill('123456');
  await page.getByLabel('Confirm PIN').fill('123456');
  await page.getByRole('button', { name: 'Create shop' }).click();
  // main refuses a trivial PIN, and says so next to the field
  await expect(page.getByText(/too easy to guess/).first()).toBeVisible();
  await page.getByLabel('PIN', { exact: true }).fill(OWNER.pin);
  await page.getByLabel('Confirm PIN').fill(OWNER.pin);
  await app.screenshot('01-setup');
  await page.getByRole('button', { name: 'Create shop' }).click();

  // Setup signs the owner in; sign out to use the counter's sign-in like any morning.
  await expect(page.getByRole('heading', { name: 'Current order' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  // 2. Sign in: tap your name, then the PIN on the keypad.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /Olivia/ }).click();
  await app.screenshot('02-sign-in-pin');
  for (const digit of '000000') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("That name and PIN don't match");
  for (const digit of OWNER.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();

  // 3. Morning: no shift is open, and cash only goes into a counted drawer. Open one on the Drawer
  //    screen with the float counted by note and coin, then back to the counter.
  const noShift = page.getByRole('status').filter({ hasText: 'No shift open' });
  await expect(noShift).toContainText('cash needs a counted drawer');
  await noShift.getByRole('button', { name: 'Open shift' }).click();
  const notes = page.getByRole('group', { name: 'Notes and coins' });
  await notes.getByLabel('₱1,000', { exact: true }).fill('1');
  await notes.getByLabel('₱100', { exact: true }).fill('4');
  await notes.getByLabel('₱20', { exact: true }).fill('5');
  await expect(page.getByText('Total counted')).toBeVisible();
  await expect(page.locator('.count-total')).toContainText('₱1,500.00');
  await page.getByRole('button', { name: 'Open shift' }).click();
  await expect(page.getByText('Opening float').locator('..')).toContainText('₱1,500.00');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Counter' }).click();
  await expect(noShift).toHaveCount(0);

  // 4. Counter: the seeded menu by category; tap items into the cart.
  await expect(page.getByRole('tablist', { name: 'Categories' })).toBeVisible();
  for (const category of ['Espresso', 'Brewed Coffee', 'Tea', 'Bakery']) {
    await expect(page.getByRole('tab', { name: category })).toBeVisible();
  }
  await app.addItem('Latte');
  await page.getByRole('tab', { name: 'Bakery' }).click();
  await page.getByRole('button', { name: /^Croissant ₱95\.00/ }).click();
  await page.getByRole('button', { name: /^Croissant ₱95\.00/ }).click();
  const lines = page.getByRole('list', { name: 'Items in this order' });
  await expect(lines.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'One less Croissant' }).click();
  await expect(page.getByRole('button', { name: 'Charge ₱260.00' })).toBeEnabled();
  await expect(page.getByText('Tax (12%, included)')).toBeVisible();
  await app.screenshot('03-counter-cart');

  // 5. Charge cash: tender ₱500, change ₱240.
  await page.getByRole('button', { name: 'Charge ₱260.00' }).click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Amount tendered').fill('200');
  await expect(dialog.getByText('Not enough')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Complete sale' })).toBeDisabled();
  await dialog.getByLabel('Amount tendered').fill('500');
  await expect(dialog.getByText('₱240.00')).toBeVisible();
  await app.screenshot('04-charge-cash');
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Order #001 — Change ₱240.00' })).toBeVisible();
  await app.screenshot('05-sale-complete');
  await page.getByRole('button', { name: 'New order' }).click();
  await expect(page.getByRole('button', { name: 'Charge ₱0.00' })).toBeDisabled();

  // The sale is really in the database, once.
  expect(app.t.count('orders')).toBe(1);
  expect(app.t.count('cart_items')).toBe(0);

  // 6. Orders: the sale is at the top of history; open it for the detail.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  const list = page.getByRole('list', { name: 'Order list' });
  const first = list.getByRole('button').first();
  await expect(first).toContainText('#001');
  await expect(first).toContainText('₱260.00');
  await expect(first).toContainText('Olivia');
  await first.click();
  await expect(page.getByRole('heading', { name: 'Order #001' })).toBeVisible();
  await expect(page.getByText(/BC-T1-\d{8}-0001/)).toBeVisible();
  await expect(page.getByRole('cell', { name: '1 × Latte' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '1 × Croissant' })).toBeVisible();
  await expect(page.getByText('Cash tendered')).toBeVisible();
  await app.screenshot('06-orders-detail');

  // 7. Lock returns to the sign-in screen for the same person; the PIN unlocks.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: /Locked — Olivia/ })).toBeVisible();
  await app.screenshot('07-locked');
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Recent orders' })).toBeVisible();
});

test('a double-tapped Complete sale makes one order', async ({ app }) => {
  await app.setUpShop();
  await app.open();
  await app.signIn();
  const { page } = app;
  await app.addItem('Americano');
  await page.getByRole('button', { name: 'Charge ₱130.00' }).click();
  await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: 'Exact' }).click();
  await page.getByRole('button', { name: 'Complete sale' }).dblclick();
  await expect(page.getByRole('heading', { name: /Order #001/ })).toBeVisible();
  expect(app.t.count('orders')).toBe(1);
});

test('the till locks itself when idle and comes back to the same cart', async ({ app }) => {
  await app.setUpShop();
  await app.open();
  await app.signIn();
  const { page } = app;
  await app.addItem('Mocha');
  await expect(page.getByRole('button', { name: 'Charge ₱180.00' })).toBeEnabled();
  app.t.clock.advance(16 * 60_000);
  app.t.core.sweepIdle(); // what main's timer does
  await expect(page.getByRole('heading', { name: /Locked — Olivia/ })).toBeVisible();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Charge ₱180.00' })).toBeEnabled();
});

test('at 1024×768 the counter fits: menu, cart and Charge are all on screen', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 768 });
  await app.setUpShop();
  await app.open();
  await app.signIn();
  const { page } = app;
  await app.addItem('Latte');
  await app.addItem('Cappuccino');
  const charge = page.getByRole('button', { name: /^Charge/ });
  await expect(charge).toBeInViewport();
  const box = (await charge.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  for (const button of await page.getByRole('tabpanel').getByRole('button').all()) {
    const b = (await button.boundingBox())!;
    expect(b.height).toBeGreaterThanOrEqual(44);
    expect(b.width).toBeGreaterThanOrEqual(44);
  }
  await app.screenshot('08-counter-1024x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.screenshot('09-counter-1920x1080');
});
