// Shared steps for the shift, drawer and Z report tests.
import type { ChannelInput } from '../../electron/shared/contract';
import { latteId } from './channelCases';
import { makeSetUpCore, newRequestId, type TestCore } from './testCore';

/** A set-up shop (owner on window-1) with NO shift open yet. */
export const setUpWithoutShift = (shop: Partial<ChannelInput<'setup.complete'>['shop']> = {}): Promise<TestCore> => makeSetUpCore(shop, { openShift: false });

type Tender = ChannelInput<'orders.checkout'>['payments'][number];

/** Rings up `quantity` lattes (₱165.00 each, 12% included) and pays with `payments` (default: exact cash). */
export async function sellLattes(t: TestCore, quantity = 1, payments?: Tender[], senderId = 'window-1') {
  await t.must('cart.addItem', { menuItemId: await latteId(t), quantity }, senderId);
  const due = (await t.must('cart.get', {}, senderId)).totals.total;
  return t.must('orders.checkout', { requestId: newRequestId(), payments: payments ?? [{ method: 'cash', tendered: due }] }, senderId);
}

export async function openShiftId(t: TestCore, senderId = 'window-1'): Promise<string> {
  const shift = (await t.must('shifts.current', {}, senderId)).shift;
  if (!shift) throw new Error('no shift is open');
  return shift.id;
}

export const move = (t: TestCore, kind: 'pay_in' | 'pay_out' | 'safe_drop' | 'no_sale', amount: number, extra: { category?: string; reason?: string; requestId?: string } = {}, senderId = 'window-1') =>
  t.call('shifts.move', { requestId: extra.requestId ?? newRequestId(), kind, amount, reason: extra.reason ?? 'For the test', ...(extra.category ? { category: extra.category } : {}) }, senderId);

/** Counts exactly what is expected and closes, leaving `leftInDrawer`. */
export async function countAndClose(t: TestCore, leftInDrawer = 0, senderId = 'window-1') {
  const shiftId = await openShiftId(t, senderId);
  // The expected cash from the owner's X report on window-1 (a barista's count is blind).
  const expected = (await t.must('shifts.xReport', {})).figures.expectedCash;
  await t.must('shifts.count', { shiftId, count: { amount: expected } }, senderId);
  return t.must('shifts.close', { shiftId, leftInDrawer: Math.min(leftInDrawer, expected) }, senderId);
}
