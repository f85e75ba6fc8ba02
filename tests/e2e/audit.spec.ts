// The owner's Audit log (issue 7 items 10, 12, 24): both chains checked (off main's event loop),
// the chain head to copy, the sign-in history with filters, and an alert once an entry is edited.
import { expect, test } from './fixtures';
import { addStaff } from '../support/testCore';

test('the owner checks both chains, copies the chain head, reads the sign-in history and sees tampering', async ({ app }) => {
  const { page, t } = app;
  await app.setUpShop({}, { openShift: false }); // no sales here, so no shift: the trail holds only the entries counted below
  await addStaff(t, 'barista', 'bea');
  await t.call('auth.loginPin', { username: 'bea', pin: '000001' }, 'another-till-window'); // a wrong PIN
  await t.call('auth.loginPin', { username: 'nobody', pin: '000001' }, 'another-till-window');
  await app.open();
  await app.signIn();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();

  await expect(page.getByRole('status').filter({ hasText: /Audit trail verified — 3 entries and \d+ sign-in events/ })).toBeVisible();
  const head = page.getByLabel('Chain head');
  await expect(head).toHaveValue(/^Brewline audit #3 [0-9a-f]{16} · sign-ins #\d+ [0-9a-f]{16} · /);
  await page.getByRole('button', { name: 'Copy' }).click();
  // Chromium here may refuse the clipboard; then the text is selected for Ctrl+C instead.
  await expect(page.getByRole('button', { name: 'Copied' }).or(page.getByText('Selected: press Ctrl+C'))).toBeVisible();
  await app.screenshot('40-audit-chain-head');

  await page.getByRole('button', { name: 'Check every entry' }).click();
  await expect(page.getByText('Every entry was checked just now.')).toBeVisible();

  // The sign-in history: the wrong PIN for Bea and a name that matches nobody.
  await page.getByRole('tab', { name: 'Sign-in history' }).click();
  const table = page.getByRole('table', { name: 'Sign-in events' });
  await expect(table.getByRole('row').filter({ hasText: 'No such person' })).toContainText('typed “nobody”');
  await expect(table.getByRole('row').filter({ hasText: 'Audit log read' }).first()).toContainText('audit log');
  await expect(table.getByRole('row').filter({ hasText: 'App started' })).toHaveCount(1);
  await app.screenshot('41-audit-sign-in-history-all');
  await page.getByLabel('Result').selectOption('failed');
  await page.getByLabel('Event').selectOption('login_pin');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(table.getByRole('row')).toHaveCount(3); // header + two failed sign-ins
  await expect(table.getByRole('row').filter({ hasText: 'Bea T.' })).toContainText('Failed');
  await app.screenshot('41-audit-sign-in-history-failed');

  // Someone edits the database file behind the app's back.
  t.core.sqlite.exec('drop trigger audit_events_no_update');
  t.core.sqlite.prepare(`update audit_events set reason = 'nothing to see' where seq = 1`).run();
  await page.getByRole('button', { name: 'Check every entry' }).click();
  await expect(page.getByRole('alert')).toContainText('Warning: the audit trail was altered at entry #1. Entry #1 was changed after it was written');
  await page.getByRole('tab', { name: 'Changes' }).click();
  await expect(page.getByRole('table', { name: 'Audit entries' })).toBeVisible();
  await app.screenshot('42-audit-tampered');
});
