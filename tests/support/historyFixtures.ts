// Order history fixtures: a shop whose clock the test sets to a Manila wall time, sales rung up
// through the real channels (people, customers, tenders), and many copies of a real order written
// straight into SQLite for the tests that need thousands of orders.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../electron/core/deps';
import type { ChannelInput } from '../../electron/shared/contract';
import { ManualClock, makeTestCore, openShift, OWNER, setupInput, STAFF_PIN, type TestCore } from './testCore';

const MANILA = 8 * 3_600_000;

/** A set-up shop (Asia/Manila, 12% VAT included) whose clock starts at `local` (Manila wall time), with a shift open. */
export async function makeHistoryCore(local = '2026-11-21 08:00'): Promise<TestCore> {
  const t = makeTestCore({ clock: new ManualClock(manila(local)) });
  await t.must('setup.complete', setupInput());
  await openShift(t);
  return t;
}

/** Epoch ms of a Manila wall time 'YYYY-MM-DD HH:MM'. */
export const manila = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00Z`) - MANILA;

/** Moves the clock to a Manila wall time and signs everyone in again (a long gap locks sessions). */
export async function setClock(t: TestCore, local: string, people: string[] = []): Promise<void> {
  t.clock.current = manila(local);
  await t.must('auth.loginPin', { username: OWNER.username, pin: OWNER.pin }, 'window-1');
  for (const username of people) await t.must('auth.loginPin', { username, pin: STAFF_PIN }, username);
}

export type Pay = 'cash' | 'card' | 'other' | { card: number; rest: 'cash' };

/** Rings items (by menu name, with their default options) for a customer and pays; returns the order. */
export async function ring(t: TestCore<Clock>, items: [name: string, quantity: number][], pay: Pay, options: { contact?: ChannelInput<'cart.setDetails'>; senderId?: string } = {}) {
  const senderId = options.senderId ?? 'window-1';
  const menu = (await t.must('menu.list', {}, senderId)).flatMap((c) => c.items);
  for (const [name, quantity] of items) {
    const item = menu.find((i) => i.name === name);
    if (!item) throw new Error(`no ${name} on the menu`);
    await t.must('cart.addItem', { menuItemId: item.id, quantity }, senderId);
  }
  if (options.contact) await t.must('cart.setDetails', options.contact, senderId);
  const due = (await t.must('cart.get', {}, senderId)).totals.total;
  const payments: ChannelInput<'orders.checkout'>['payments'] =
    pay === 'cash'
      ? [{ method: 'cash', tendered: due }]
      : pay === 'card' || pay === 'other'
        ? [{ method: pay, amount: due }]
        : [{ method: 'card', amount: pay.card }, { method: 'cash', tendered: due - pay.card }];
  return (await t.must('orders.checkout', { requestId: randomUUID(), payments }, senderId)).order;
}

/**
 * `count` copies of a real order (its lines and payments too) written straight into SQLite, one
 * every `stepMs` from `firstAt`, numbered from `firstSeq` on the copy's own business day
 * (`businessDay`); `contactName(i)` names the customer of copy i. Returns the copies' ids, oldest first.
 */
export function cloneOrders(
  t: TestCore<Clock>,
  orderId: string,
  count: number,
  opts: { firstAt: number; stepMs: number; businessDay: string; firstSeq: number; contactName?: (i: number) => string },
): string[] {
  const { sqlite } = t.core;
  const ids: string[] = [];
  const cols = (table: string) => (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => c !== 'id');
  const orderCols = cols('orders').filter((c) => !['order_number', 'client_request_id', 'business_day', 'day_seq', 'contact_name', 'created_at', 'paid_at', 'updated_at'].includes(c));
  const insOrder = sqlite.prepare(
    `insert into orders (id, order_number, client_request_id, business_day, day_seq, contact_name, created_at, paid_at, updated_at, ${orderCols.join(', ')})
     select ?, ?, ?, ?, ?, ?, ?, ?, ?, ${orderCols.join(', ')} from orders where id = ?`,
  );
  const itemCols = cols('order_items').filter((c) => c !== 'order_id');
  const insItems = sqlite.prepare(`insert into order_items (id, order_id, ${itemCols.join(', ')}) select ? || position, ?, ${itemCols.join(', ')} from order_items where order_id = ?`);
  const payCols = cols('payments').filter((c) => c !== 'order_id' && c !== 'created_at');
  const insPays = sqlite.prepare(`insert into payments (id, order_id, created_at, ${payCols.join(', ')}) select ? || rowid, ?, ?, ${payCols.join(', ')} from payments where order_id = ?`);
  const prefix = (sqlite.prepare(`select order_number from orders where id = ?`).pluck().get(orderId) as string).split('-').slice(0, 2).join('-');
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const at = opts.firstAt + i * opts.stepMs;
      const seq = opts.firstSeq + i;
      const number = `${prefix}-${opts.businessDay.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
      insOrder.run(id, number, randomUUID(), opts.businessDay, seq, opts.contactName?.(i) ?? '', at, at, at, orderId);
      insItems.run(`${id}-l`, id, orderId);
      insPays.run(`${id}-p`, id, at, orderId);
      ids.push(id);
    }
  })();
  return ids;
}
