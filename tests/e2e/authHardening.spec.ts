// Sign-in offers a password only to people who have one (issue 7, item 9); the Settings screen
// shows the security bounds main enforces (item 8); a sign-in that reaches its longest time goes
// back to the sign-in screen by itself (item 7).
import { E2E_WINDOW, expect, OWNER, test } from './fixtures';
import { addStaff } from '../support/testCore';

test('a barista is offered the PIN only; an owner may switch to a password', async ({ app }) => {
  const { page } = app;
  await app.setUpShop();
  await addStaff(app.t, 'barista', 'bea');
  await app.open();
  await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /Bea/ }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use password instead' })).toHaveCount(0);
  await app.screenshot('40-signin-barista-pin-only');
  await page.getByRole('button', { name: 'Choose someone else' }).click();
  await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /Olivia/ }).click();
  await page.getByRole('button', { name: 'Use password instead' }).click();
  await page.getByLabel('Password').fill(OWNER.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('Settings shows the card-rule bounds and refuses a short lockout with a plain reason', async ({ app }) => {
  const { page } = app;
  await app.setUpShop();
  await app.open();
  await app.signIn();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByText('At least 30 minutes (card rules), at most a day')).toBeVisible();
  await expect(page.getByText('Between 1 and 15 minutes (card rules)')).toBeVisible();
  await page.getByLabel('Lockout minutes').fill('5');
  await page.getByLabel('Sign everyone out after (hours)').fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('At least 30 minutes: card payment rules (PCI DSS) require it')).toBeVisible();
  await app.screenshot('41-settings-security-bounds');
  await page.getByLabel('Lockout minutes').fill('45');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(app.t.core.services.settings.security()).toMatchObject({ lockoutMinutes: 45, maxSessionHours: 10 });
});

test('after the longest sign-in time the till goes back to sign-in by itself', async ({ app }) => {
  const { page } = app;
  await app.setUpShop();
  await app.open();
  await app.signIn();
  for (let m = 1; m < 12 * 6; m++) {
    app.t.clock.advance(10 * 60_000);
    await app.t.must('auth.activity', {}, E2E_WINDOW); // as if someone kept tapping
  }
  app.t.clock.advance(10 * 60_000); // 12 hours since sign-in
  app.t.core.sweepIdle(); // what main's timer does
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});
