// Staff and counter security through the UI: the owner adds a barista; the barista signs in
// with a PIN and cannot reach menu editing or staff screens (and main refuses the calls too);
// five wrong PINs lock the account; the owner unlocks it; a manager's PIN approves a discount.
import { expect, OWNER, test } from './fixtures';
import { STAFF_PASSWORD, STAFF_PIN, addStaff } from '../support/testCore';

test('owner adds a barista; the barista is kept out of staff and menu editing; lockout; unlock; manager override', async ({ app }) => {
  const { page } = app;
  await app.setUpShop();
  await app.open();
  await app.signIn();

  // The owner adds Bea, a barista.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { name: 'Staff' })).toBeVisible();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('Username').fill('bea');
  await page.getByLabel('First name').fill('Bea');
  await page.getByLabel('Last name').fill('Cruz');
  await page.getByLabel('Role').selectOption('barista');
  await page.getByLabel('PIN', { exact: true }).fill('730516');
  await page.getByLabel('Confirm PIN').fill('730516');
  await page.getByLabel('Email (optional)').fill('bea@example.com');
  await page.getByLabel('Favourite drink').fill('Cortado');
  await app.screenshot('10-staff-add-person');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('list', { name: 'Staff members' }).getByText('Bea C.')).toBeVisible();
  await app.screenshot('11-staff-list');

  // A manager, for the override later.
  await addStaff(app.t, 'manager', 'max');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Bea signs in with her PIN and sees no Staff/Menu/Audit/Settings tabs.
  await app.signIn(/Bea/, '730516');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Counter' })).toBeVisible();
  for (const tab of ['Staff', 'Menu', 'Audit log', 'Settings']) await expect(nav.getByRole('button', { name: tab })).toHaveCount(0);
  await app.screenshot('12-barista-counter');
  // …and main refuses the calls even if the screen were tricked into making them.
  for (const [channel, input] of [
    ['staff.list', {}],
    ['menu.updateItem', { menuItemId: 'any', price: 100 }],
    ['audit.list', {}],
  ] as const) {
    const r = await page.evaluate(([c, i]) => (globalThis as never as { pos: { invoke(c: string, i: unknown): Promise<unknown> } }).pos.invoke(c, i), [channel, input] as const);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }

  // Manager override: Bea gives a 10% discount (limit 5%), Max approves with his PIN.
  await app.addItem('Latte');
  await app.addItem('Latte');
  await page.getByRole('button', { name: 'Discount' }).click();
  const discount = page.getByRole('dialog', { name: 'Order discount' });
  await discount.getByRole('button', { name: 'Percent' }).click();
  await discount.getByLabel('Discount').fill('10');
  await discount.getByLabel('Reason').fill('Regular customer');
  await discount.getByRole('button', { name: 'Apply discount' }).click();
  await expect(discount.getByRole('heading', { name: 'Manager approval' })).toBeVisible();
  await expect(discount.getByText('Approve 10% off the order?')).toBeVisible(); // what exactly is approved
  await discount.getByLabel('Manager').selectOption({ label: 'Max T.' }).catch(async () => {
    await discount.getByRole('button', { name: /Max/ }).click();
  });
  for (const d of STAFF_PIN) await discount.getByRole('button', { name: d, exact: true }).click();
  await app.screenshot('13-manager-approval');
  await discount.getByRole('button', { name: 'Approve' }).click();
  await expect(discount).toBeHidden();
  await expect(page.getByText(/approved by Max T\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Charge ₱297.00' })).toBeEnabled();
  await app.screenshot('14-discount-approved');
  const approved = app.t.core.sqlite
    .prepare(`select a.action, u.username as approver from audit_events a join users u on u.id = a.approver_user_id where a.action = 'cart.discount'`)
    .all();
  expect(approved).toEqual([{ action: 'cart.discount', approver: 'max' }]);

  // Five wrong PINs lock Bea's account with a clear message.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /Bea/ }).click();
  for (let i = 0; i < 5; i++) {
    app.t.clock.advance(31_000); // a real person takes longer than the till's back-off between tries
    await page.keyboard.type('999999');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    if (i < 4) await expect(page.getByRole('alert')).toContainText("That name and PIN don't match");
  }
  await expect(page.getByRole('alert')).toContainText('Too many wrong tries: Bea C. is locked for 30 minutes, or until a manager unlocks the account.');
  await app.screenshot('15-locked-out');

  // The owner unlocks her (after the till's own back-off from those misses has passed).
  app.t.clock.advance(31_000);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: 'Choose someone else' }).click();
  await app.signIn(/Olivia/, OWNER.pin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('list', { name: 'Staff members' }).getByText('Bea C.').click();
  await expect(page.getByText('Locked', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await app.signIn(/Bea/, '730516');
  await expect(page.getByRole('button', { name: 'Charge ₱297.00' })).toBeEnabled(); // her order waited for her
  void STAFF_PASSWORD;
});

test('the owner reads the audit log and sees the chain verified; settings warn nothing for a key file', async ({ app }) => {
  const { page } = app;
  await app.setUpShop();
  await addStaff(app.t, 'barista', 'bea');
  await app.open();
  await app.signIn();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByText(/Audit trail verified/)).toBeVisible();
  await expect(page.getByRole('cell', { name: /staff\.create|Added a person|staff/i }).first()).toBeVisible();
  await app.screenshot('16-audit-log');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Discount limit %').fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => app.t.core.services.settings.security().discountLimitPercent).toBe(10);
  await app.screenshot('17-settings');
});
