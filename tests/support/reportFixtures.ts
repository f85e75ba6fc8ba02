// Steps shared by the reports and rollups tests: selling named items with chosen options at a
// given instant, refunds and cancels through the router, and reading the rollups back.
import type Database from 'better-sqlite3';
import type { Clock } from '../../electron/core/deps';
import type { ChannelInput, ChannelOutput, MenuItemView } from '../../electron/shared/contract';
import { newRequestId, OWNER, STAFF_PIN, type ManualClock, type TestCore } from './testCore';

type Tender = ChannelInput<'orders.checkout'>['payments'][number];

/** Who sells on which window: the owner on window-1, staff on a window named after them. */
export interface Seller {
  senderId: string;
  username: string;
  pin: string;
}
export const OWNER_SELLER: Seller = { senderId: 'window-1', username: OWNER.username, pin: OWNER.pin };
export const staffSeller = (username: string): Seller => ({ senderId: username, username, pin: STAFF_PIN });

/** A wall-clock time in a fixed UTC offset ('+08:00' Manila) as epoch ms. */
export const local = (day: string, hhmm: string, offset: string): number => Date.parse(`${day}T${hhmm}:00${offset}`);

/** Moves the clock to `at` (never back) and signs `sellers` in again: the idle lock and the 12-hour limit end sessions. */
export async function jumpTo(t: TestCore<ManualClock>, at: number, sellers: readonly Seller[] = [OWNER_SELLER]): Promise<void> {
  if (at < t.clock.current) throw new Error('the test clock only moves forward');
  t.clock.current = at;
  for (const s of sellers) await t.must('auth.loginPin', { username: s.username, pin: s.pin }, s.senderId);
}

export async function menuItems(t: TestCore<Clock>): Promise<MenuItemView[]> {
  return (await t.must('menu.list', {})).flatMap((c) => c.items);
}

export interface LineSpec {
  item: string;
  quantity?: number;
  /** Option names (every required group's too); left out: the item's usual choices. */
  options?: string[];
  discount?: { kind: 'percent' | 'amount'; value: number; reason: string };
}

/** Rings up `lines` on `seller`'s window and pays: 'card' / 'cash' exactly, or the given tenders. */
export async function sell(
  t: TestCore<Clock>,
  lines: readonly LineSpec[],
  pay: 'card' | 'cash' | 'other' | ((due: number) => Tender[]),
  extra: { orderDiscount?: { kind: 'percent' | 'amount'; value: number; reason: string }; seller?: Seller; requestId?: string } = {},
): Promise<ChannelOutput<'orders.checkout'>> {
  const senderId = (extra.seller ?? OWNER_SELLER).senderId;
  const menu = await menuItems(t);
  for (const spec of lines) {
    const item = menu.find((i) => i.name === spec.item);
    if (!item) throw new Error(`no ${spec.item} on the menu`);
    const optionIds = spec.options?.map((name) => {
      const option = item.modifierGroups.flatMap((g) => g.options).find((o) => o.name === name);
      if (!option) throw new Error(`${spec.item} has no option ${name}`);
      return option.id;
    });
    const cart = await t.must('cart.addItem', { menuItemId: item.id, quantity: spec.quantity ?? 1, ...(optionIds ? { optionIds } : {}) }, senderId);
    if (spec.discount) {
      const line = cart.lines.at(-1)!;
      await t.must('cart.setLineDiscount', { lineId: line.id, discount: { kind: spec.discount.kind, value: spec.discount.value }, reason: spec.discount.reason }, senderId);
    }
  }
  if (extra.orderDiscount) {
    const d = extra.orderDiscount;
    await t.must('cart.setDiscount', { discount: { kind: d.kind, value: d.value }, reason: d.reason }, senderId);
  }
  const due = (await t.must('cart.get', {}, senderId)).totals.total;
  const payments: Tender[] =
    typeof pay === 'function' ? pay(due) : pay === 'cash' ? [{ method: 'cash', tendered: due }] : [{ method: pay, amount: due, reference: 'T-1' }];
  return t.must('orders.checkout', { requestId: extra.requestId ?? newRequestId(), payments }, senderId);
}

/** Refunds `quantity` of the line of `item` on an order, to its original tenders. */
export async function refundItem(t: TestCore<Clock>, order: ChannelOutput<'orders.checkout'>['order'], item: string, quantity: number, reason: string, senderId = 'window-1') {
  const line = order.lines.find((l) => l.name === item)!;
  return t.must('refunds.issue', { requestId: newRequestId(), orderId: order.id, what: { kind: 'lines', lines: [{ lineId: line.id, quantity }] }, tender: 'original', reason }, senderId);
}

export type RollupTableRow = { business_day: string; dim: string; key: string; n: number; qty: number; gross: number; discounts: number; refunds: number; tax: number };

/** Every rollup row, in key order. */
export const rollupRows = (sqlite: Database.Database): RollupTableRow[] =>
  sqlite.prepare(`select * from sales_rollups order by business_day, dim, key`).all() as RollupTableRow[];
