import { sql } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { orderCounters, orderItems, orders, payments } from '../../db/schema';
import type { CheckoutResult, ParsedInput } from '../shared/contract';
import { changeDue, formatMoney, orderTotals } from '../shared/money';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import type { CartService } from './cartService';
import type { OrderHistory } from './orderHistory';
import { businessDayOf, formatOrderNumber } from './orderNumbers';

/**
 * Checkout: the order, its lines (name and price snapshots), the payment, the audit event and
 * the emptied cart are written in one transaction, or nothing is. The client's request id makes
 * it idempotent: a double-tap or a retried call returns the first order instead of a second one.
 */
export class CheckoutService {
  constructor(
    private readonly deps: Deps,
    private readonly settings: SettingsStore,
    private readonly cart: CartService,
    private readonly history: OrderHistory,
    private readonly audit: AuditLog,
  ) {}

  checkout(session: Session, input: ParsedInput<'orders.checkout'>): CheckoutResult {
    const { db, sqlite, clock, terminal } = this.deps;
    const run = sqlite.transaction((): { orderId: string; change: number; replayed: boolean } => {
      const earlier = this.history.idForRequest(input.requestId);
      if (earlier) {
        if (earlier.userId !== session.userId) throw conflict('That request id belongs to another order');
        const payment = db.select({ change: payments.changeGiven }).from(payments).where(sql`${payments.orderId} = ${earlier.id}`).get();
        return { orderId: earlier.id, change: payment?.change ?? 0, replayed: true };
      }

      const lines = this.cart.lines(session.userId);
      if (lines.length === 0) throw conflict('The cart is empty: add an item first');
      const gone = lines.find((l) => l.archivedAt !== null || !l.isAvailable);
      if (gone) throw conflict(`${gone.name} can no longer be sold: remove it from the cart`);

      const shop = this.settings.requireShop();
      const totals = orderTotals(lines, { rateBp: shop.taxRateBp, pricesIncludeTax: shop.pricesIncludeTax });
      const cash = input.payments[0]!;
      const change = changeDue(totals.total, cash.tendered);
      if (change === null) {
        throw invalid(`Not enough cash: the total is ${formatMoney(totals.total, shop.currency)}`, {
          'payments.0.tendered': `At least ${formatMoney(totals.total, shop.currency)}`,
        });
      }

      const now = clock.now();
      const businessDay = businessDayOf(now, shop.timezone, shop.businessDayStartMinutes);
      const { lastSeq } = db
        .insert(orderCounters)
        .values({ terminalId: terminal.id, businessDay, lastSeq: 1 })
        .onConflictDoUpdate({
          target: [orderCounters.terminalId, orderCounters.businessDay],
          set: { lastSeq: sql`${orderCounters.lastSeq} + 1` },
        })
        .returning({ lastSeq: orderCounters.lastSeq })
        .get();
      const orderId = newId(now);
      const orderNumber = formatOrderNumber(shop.code, terminal.code, businessDay, lastSeq);
      const itemCount = lines.reduce((n, l) => n + l.quantity, 0);

      db.insert(orders)
        .values({
          id: orderId,
          orderNumber,
          businessDay,
          daySeq: lastSeq,
          clientRequestId: input.requestId,
          terminalId: terminal.id,
          userId: session.userId,
          staffName: session.displayName,
          currency: shop.currency,
          taxRateBp: shop.taxRateBp,
          pricesIncludeTax: shop.pricesIncludeTax,
          subtotal: totals.subtotal,
          discountTotal: totals.discountTotal,
          taxTotal: totals.taxTotal,
          total: totals.total,
          itemCount,
          paidAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      db.insert(orderItems)
        .values(
          lines.map((l, i) => {
            const lineSubtotal = l.unitPrice * l.quantity;
            const lineTax = totals.lineTaxes[i]!;
            return {
              id: newId(now),
              orderId,
              menuItemId: l.menuItemId,
              position: i,
              menuItemName: l.name,
              unitPrice: l.unitPrice,
              quantity: l.quantity,
              note: l.note,
              lineSubtotal,
              lineTax,
              lineTotal: shop.pricesIncludeTax ? lineSubtotal : lineSubtotal + lineTax,
            };
          }),
        )
        .run();
      db.insert(payments)
        .values({
          id: newId(now),
          orderId,
          method: 'cash',
          amount: totals.total,
          tendered: cash.tendered,
          changeGiven: change,
          createdAt: now,
        })
        .run();
      this.audit.append({
        actorUserId: session.userId,
        action: 'order.checkout',
        entityType: 'order',
        entityId: orderId,
        newValue: { orderNumber, total: totals.total, taxTotal: totals.taxTotal, payments: [{ method: 'cash', amount: totals.total }] },
      });
      this.cart.discardOpenCart(session.userId);
      return { orderId, change, replayed: false };
    });

    const { orderId, change, replayed } = run.immediate();
    return { order: this.history.detail(orderId), change, replayed };
  }
}
