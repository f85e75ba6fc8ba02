// The screens a newcomer found rough (issue 7, items 16, 17, 19–23), through the real UI:
// payment figures that agree, the cash cap, a free order, a replayed checkout, price checks on
// the menu, typed quantities, order dates and badges, search messages, the name in the top bar,
// setup errors in one round and the shop's time zone. Screenshots: test-results/screenshots/3x-*.
import { expect, OWNER, test } from './fixtures';
import { addStaff, STAFF_PIN } from '../support/testCore';

const DAY = 86_400_000;

test.describe('counter', () => {
  test.beforeEach(async ({ app }) => {
    await app.setUpShop();
    await app.open();
    await app.signIn();
  });

  test('payment: Still due follows the cash typed, a slipped zero is refused with the cap, ₱1,000 is a quick amount, a card sale shows no change', async ({ app }) => {
    const { page } = app;
    await app.addItem('Americano');
    await app.addItem('Americano');
    await page.getByRole('button', { name: 'Charge ₱260.00' }).click();
    const payment = page.getByRole('dialog', { name: 'Payment' });
    const stillDue = payment.locator('.pay-still');
    const changeDue = payment.locator('#change-due');

    await payment.getByLabel('Amount tendered').fill('200');
    await expect(stillDue).toHaveText(/Still due\s*₱60\.00/);
    await expect(changeDue).toContainText('Not enough — ₱60.00 more');
    await payment.getByLabel('Amount tendered').fill('300');
    await expect(stillDue).toHaveText(/Still due\s*₱0\.00/);
    await expect(changeDue).toContainText('₱40.00');
    await app.screenshot('30-payment-consistent');

    await expect(payment.getByRole('group', { name: 'Quick amounts' }).getByRole('button', { name: '₱1,000', exact: true })).toBeVisible();
    await payment.getByLabel('Amount tendered').fill('1000000');
    await expect(payment.getByText('₱1,000,000.00 is far more cash than this sale needs — check the amount (at most ₱1,260.00)')).toBeVisible();
    await expect(changeDue).toContainText('Check the amount');
    await expect(stillDue).toHaveText(/Still due\s*₱260\.00/);
    await expect(payment.getByRole('button', { name: 'Complete sale' })).toBeDisabled();
    await app.screenshot('31-payment-cash-cap');

    await payment.getByRole('group', { name: 'Quick amounts' }).getByRole('button', { name: '₱1,000', exact: true }).click();
    await expect(changeDue).toContainText('₱740.00');
    await payment.getByRole('button', { name: 'Card', exact: true }).click();
    await expect(payment.locator('#change-due')).toHaveCount(0); // no change line for a card
    await payment.getByRole('button', { name: 'Complete sale' }).click();
    await expect(page.getByRole('heading', { name: 'Order #001 — Paid' })).toBeVisible();
    await expect(page.getByText('No change to give')).toBeVisible();
    await expect(page.getByText(/Change ₱0\.00/)).toHaveCount(0);
    await app.screenshot('32-card-sale-done');
  });

  test('a free order completes with no tender: "Nothing to pay" and one Complete sale', async ({ app }) => {
    const { page } = app;
    const americano = (await app.t.must('menu.list', {}, 'window-1')).flatMap((c) => c.items).find((i) => i.name === 'Americano')!;
    await app.t.must('menu.updateItem', { menuItemId: americano.id, price: 0 }, 'window-1');
    await page.reload();
    await app.addItem('Americano');
    await page.getByRole('button', { name: 'Charge ₱0.00' }).click();
    const payment = page.getByRole('dialog', { name: 'Payment' });
    await expect(payment.getByText('Nothing to pay')).toBeVisible();
    await expect(payment.getByRole('button', { name: 'Cash', exact: true })).toHaveCount(0);
    await expect(payment.getByRole('button', { name: 'Complete sale' })).toHaveCount(1);
    await app.screenshot('33-nothing-to-pay');
    await payment.getByRole('button', { name: 'Complete sale' }).click();
    await expect(page.getByRole('heading', { name: 'Order #001 — Nothing to pay' })).toBeVisible();
    const [order] = (await app.t.must('orders.list', {}, 'window-1')).orders;
    expect(order).toMatchObject({ total: 0, shortNumber: '#001' });
    expect((await app.t.must('orders.get', { orderId: order!.id }, 'window-1')).payments).toEqual([]);
  });

  test('a retried checkout whose first answer was lost says the sale was already completed, and charges once', async ({ app }) => {
    const { page } = app;
    // The first checkout reaches main, but its answer never comes back (as when IPC is cut).
    await page.evaluate(() => {
      const w = globalThis as unknown as { pos: { invoke(c: string, i: unknown): Promise<unknown>; on: unknown } };
      const real = w.pos;
      let dropped = false;
      w.pos = Object.freeze({
        on: real.on,
        async invoke(channel: string, input: unknown) {
          const answer = await real.invoke(channel, input);
          if (channel === 'orders.checkout' && !dropped) {
            dropped = true;
            throw new Error('reply lost');
          }
          return answer;
        },
      });
    });
    await app.addItem('Americano');
    await page.getByRole('button', { name: 'Charge ₱130.00' }).click();
    const payment = page.getByRole('dialog', { name: 'Payment' });
    await payment.getByLabel('Amount tendered').fill('200');
    await payment.getByRole('button', { name: 'Complete sale' }).click();
    await expect(payment.getByRole('alert')).toBeVisible();
    await payment.getByRole('button', { name: 'Complete sale' }).click(); // the same request id again
    await expect(page.getByRole('heading', { name: 'Order #001 was already completed' })).toBeVisible();
    await expect(page.getByText('nothing was charged a second time')).toBeVisible();
    await expect(page.getByText('₱70.00').first()).toBeVisible();
    expect(app.t.count('orders')).toBe(1);
    expect(app.t.count('payments')).toBe(1);
    await app.screenshot('34-replayed-sale');
  });

  test('quantity: tap the number and type 40; more than 999 is explained; + stops at 999 with a message', async ({ app }) => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Bakery' }).click();
    await app.addItem('Croissant');
    const line = page.getByRole('listitem', { name: 'Croissant' });
    await line.getByRole('button', { name: /Croissant — type a quantity/ }).click();
    await line.getByLabel('How many Croissant').fill('40');
    await page.keyboard.press('Enter');
    await expect(line.getByText('40 × ₱95.00')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Charge ₱3,800.00' })).toBeEnabled();

    await line.getByRole('button', { name: /Croissant — type a quantity/ }).click();
    await line.getByLabel('How many Croissant').fill('1000');
    await page.keyboard.press('Enter');
    await expect(line.getByRole('alert')).toHaveText('999 is the most one line can hold');
    await app.screenshot('35a-quantity-typed-too-many');
    await line.getByLabel('How many Croissant').fill('0');
    await page.keyboard.press('Enter');
    await expect(line.getByRole('alert')).toHaveText('At least 1 — to take the item off, use ×');
    await line.getByLabel('How many Croissant').fill('999');
    await page.keyboard.press('Enter');
    await expect(line.getByText('999 × ₱95.00')).toBeVisible();
    await expect(line.getByRole('button', { name: 'One more Croissant' })).toBeDisabled();
    await expect(line.getByText('999 is the most one line can hold')).toBeVisible();
    await expect(page.getByText(/Too big|expected number/)).toHaveCount(0);
    await app.screenshot('35-quantity-max');
  });

  test('search: an unknown code is said in plain words and the message leaves when a dialog opens or you type', async ({ app }) => {
    const { page } = app;
    const search = page.getByLabel('Search menu');
    await search.fill('123');
    await search.press('Enter');
    const notice = page.getByText('No item has the code 123 — check the code or search by name');
    await expect(notice).toBeVisible();
    await app.screenshot('36-search-no-code');
    await page.getByRole('button', { name: 'Customer' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(notice).toHaveCount(0);
    await app.screenshot('37-dialog-without-old-error');
    await page.keyboard.press('Escape');

    await search.fill('123');
    await search.press('Enter');
    await expect(notice).toBeVisible();
    await search.pressSequentially('l');
    await expect(notice).toHaveCount(0);
  });
});

test('menu: a price of 0 asks "Make Americano free?", a jump of more than half shows old → new; the audit log says it in words', async ({ app }) => {
  await app.setUpShop();
  await app.open();
  await app.signIn();
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' }).click();
  const row = page.getByRole('listitem', { name: 'Americano', exact: true });
  await row.getByLabel('Price of Americano').fill('0');
  await row.getByRole('button', { name: 'Save Americano price' }).click();
  const ask = page.getByRole('dialog', { name: 'Make Americano free?' });
  await expect(ask).toBeVisible();
  await app.screenshot('38-menu-make-free');
  await ask.getByRole('button', { name: 'Keep ₱130.00' }).click();
  await expect(ask).toBeHidden();
  await expect(row.getByText(/Saved/)).toHaveCount(0);
  await row.getByRole('button', { name: 'Save Americano price' }).click();
  await page.getByRole('dialog', { name: 'Make Americano free?' }).getByRole('button', { name: 'Make it free' }).click();
  await expect(row.getByText('Saved: now free')).toBeVisible();

  const latte = page.getByRole('listitem', { name: 'Latte', exact: true });
  await latte.getByLabel('Price of Latte').fill('16.50');
  await latte.getByRole('button', { name: 'Save Latte price' }).click();
  const jump = page.getByRole('dialog', { name: 'Change Latte from ₱165.00 to ₱16.50?' });
  await expect(jump).toBeVisible();
  await app.screenshot('39-menu-big-change');
  await jump.getByRole('button', { name: 'Save ₱16.50' }).click();
  await expect(latte.getByText('Saved: now ₱16.50')).toBeVisible();
  // A small change saves straight away.
  await latte.getByLabel('Price of Latte').fill('17');
  await latte.getByRole('button', { name: 'Save Latte price' }).click();
  await expect(latte.getByText('Saved: now ₱17.00')).toBeVisible();
  await latte.getByLabel('Latte available', { exact: true }).uncheck();
  await expect(latte.getByText('Marked sold out')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByText('Americano: ₱130.00 → ₱0.00')).toBeVisible();
  await expect(page.getByText('Latte: ₱165.00 → ₱16.50')).toBeVisible();
  await expect(page.getByText('Latte: sold out')).toBeVisible();
  await app.screenshot('40-audit-menu-in-words');
});

test('orders: rows show the business date ("Today", "Yesterday", "Fri 20 Nov"), paid badges say Paid, and a barista with none sees "No orders yet today"', async ({ app }) => {
  await app.setUpShop();
  const { t } = app;
  const americano = (await t.must('menu.list', {}, 'window-1')).flatMap((c) => c.items).find((i) => i.name === 'Americano')!;
  // Three sales, each the first of its business day: all three are #001.
  const sellAt = async (offset: number) => {
    t.clock.advance(offset);
    await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }, 'window-1');
    await t.must('cart.addItem', { menuItemId: americano.id }, 'window-1');
    await t.must('orders.checkout', { requestId: crypto.randomUUID(), payments: [{ method: 'cash', tendered: 13000 }] }, 'window-1');
  };
  await sellAt(-3 * DAY);
  await sellAt(2 * DAY);
  await sellAt(DAY);
  const [today] = (await t.must('orders.list', {}, 'window-1')).orders;
  await t.must('orders.advance', { orderId: today!.id, from: 'pending' }, 'window-1');
  await addStaff(t, 'barista', 'bea');

  await app.open();
  await app.signIn();
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  const rows = page.getByRole('list', { name: 'Order list' }).getByRole('button');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(/#001\s*Today \d\d:\d\d/);
  await expect(rows.nth(0)).toContainText('Paid · being made');
  await expect(rows.nth(1)).toContainText(/#001\s*Yesterday \d\d:\d\d/);
  await expect(rows.nth(1)).toContainText('Paid · waiting at bar');
  await expect(rows.nth(2)).toContainText(/#001\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} · \d\d:\d\d/);
  await expect(page.getByText('Pending', { exact: true })).toHaveCount(0);
  await app.screenshot('41-orders-dates-badges');

  await page.getByRole('button', { name: 'Sign out' }).click();
  // Tomorrow morning: the barista's list starts empty.
  t.clock.advance(DAY);
  await app.signIn(/Bea/, STAFF_PIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click();
  await expect(page.getByText('No orders yet today.')).toBeVisible();
  await expect(page.getByRole('heading', { name: "Today's orders" })).toBeVisible();
  await app.screenshot('42-orders-barista-empty');
});

test('at 1024×768 the signed-in name stays visible for a manager and an owner', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 768 });
  await app.setUpShop();
  await addStaff(app.t, 'manager', 'max');
  await app.open();
  const { page } = app;
  for (const [who, pin, name, role] of [
    [/Max/, STAFF_PIN, 'Max T.', 'Manager'],
    [/Olivia/, OWNER.pin, 'Olivia R.', 'Owner'],
  ] as const) {
    await app.signIn(who, pin);
    const bar = page.getByRole('banner');
    const nameEl = bar.getByText(name, { exact: true });
    await expect(nameEl).toBeVisible();
    await expect(nameEl).toBeInViewport({ ratio: 1 });
    await expect(bar.getByText(role, { exact: true })).toBeVisible();
    // Not cut to an ellipsis: the whole name fits.
    expect(await nameEl.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(bar.getByRole('button', { name: /My account/ })).toBeVisible();
    // The top bar still fits the window (no sideways scroll).
    expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(1024);
    await app.screenshot(`43-topbar-1024-${role.toLowerCase()}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
});

test('setup: every problem is shown at once (a tax rate of "abc" included); the detected time zone is preselected and can be changed', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Brewline' })).toBeVisible();
  const detected = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByLabel('Time zone')).toHaveValue(detected);
  await expect(page.getByText(/Taken from this computer/)).toBeVisible();

  await page.getByLabel('Tax rate %').fill('abc');
  await page.getByLabel('Username').fill('ol');
  await page.getByLabel('First name').fill(OWNER.firstName);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('PIN', { exact: true }).fill(OWNER.pin);
  await page.getByLabel('Confirm PIN').fill('000000');
  await page.getByRole('button', { name: 'Create shop' }).click();
  for (const message of ['Enter the shop name', 'A rate like 12 or 7.5', 'Use at least 3 characters', 'Use at least 12 characters', "The PINs don't match"]) {
    await expect(page.getByText(message)).toBeVisible();
  }
  expect(app.t.count('users')).toBe(0);
  await app.screenshot('44-setup-all-errors');

  await page.getByLabel('Shop name').fill('Brews & Chews');
  await page.getByLabel('Tax rate %').fill('60');
  await page.getByLabel('Username').fill(OWNER.username);
  await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Confirm password').fill(OWNER.password);
  await page.getByLabel('Confirm PIN').fill(OWNER.pin);
  await page.getByRole('button', { name: 'Create shop' }).click();
  await expect(page.getByText('At most 50%')).toBeVisible();

  await page.getByLabel('Tax rate %').fill('12');
  await page.getByLabel('Time zone').selectOption('Asia/Manila');
  await page.getByRole('button', { name: 'Create shop' }).click();
  await expect(page.getByRole('heading', { name: 'Current order' })).toBeVisible();
  expect((await app.t.must('setup.status', {})).shop?.timezone).toBe('Asia/Manila');
});

test('settings: the owner changes the shop time zone; it is audited', async ({ app }) => {
  await app.setUpShop();
  await app.open();
  await app.signIn();
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const zone = page.getByLabel('Time zone');
  await expect(zone).toHaveValue('Asia/Manila');
  await zone.selectOption('Europe/London');
  await expect(page.getByText('New sales only: earlier orders keep their day and number')).toBeVisible();
  await zone.scrollIntoViewIfNeeded();
  await app.screenshot('45-settings-time-zone');
  await page.getByRole('button', { name: 'Save shop settings' }).click();
  await expect(page.getByText('Shop settings saved.')).toBeVisible();
  expect((await app.t.must('settings.get', {}, 'window-1')).shop.timezone).toBe('Europe/London');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByText('time zone: Asia/Manila → Europe/London')).toBeVisible();
});
