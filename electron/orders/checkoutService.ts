import { eq, sql, type Placeholder } from 'drizzle-orm';
import { newId } from '../../db/ids';
import { orderCounters, orderItems, orders, orderStatusEvents, payments } from '../../db/schema';
import type { CheckoutResult, OrderDetail, ParsedInput } from '../shared/contract';
import { formatMoney, lineTotal, orderTotals, settleTenders } from '../shared/money';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import { discountOf, type CartService } from './cartService';
import type { OrderHistory } from './orderHistory';
import { businessDayOf, formatOrderNumber, localHourOf } from './orderNumbers';
import { RollupWriter } from '../reports/rollupWriter';
import { NO_SHIFT_FOR_CASH, type OpenShift } from '../shifts/openShift';

/**
 * Checkout: the order, its lines (name and price snapshots), the payment, the audit event and
 * the emptied cart are written in one transaction, or nothing is. The client's request id makes
 * it idempotent: a double-tap or a retried call returns the first order instead of a second one.
 */
export class CheckoutService {
  // Prepared once: checkout is the hot path, and building a drizzle query costs more than running it.
  private readonly bumpCounter;
  private readonly insertOrder;
  private readonly insertLine;
  private readonly insertPayment;
  private readonly insertStatus;
  private readonly changeOf;
  private readonly rollups: RollupWriter;

  constructor(
    private readonly deps: Deps,
    private readonly settings: SettingsStore,
    private readonly cart: CartService,
    private readonly history: OrderHistory,
    private readonly audit: AuditLog,
    private readonly openShift: OpenShift,
    /** Told after a sale commits (the shift's running X report reads it in the background). */
    private readonly onSold: () => void = () => {},
  ) {
    const { db } = deps;
    const p = <T extends string>(name: T) => sql.placeholder(name);
    this.bumpCounter = db
      .insert(orderCounters)
      .values({ terminalId: p('terminalId'), businessDay: p('businessDay'), lastSeq: 1 })
      .onConflictDoUpdate({
        target: [orderCounters.terminalId, orderCounters.businessDay],
        set: { lastSeq: sql`${orderCounters.lastSeq} + 1` },
      })
      .returning({ lastSeq: orderCounters.lastSeq })
      .prepare();
    const orderColumns = [
      'id', 'orderNumber', 'businessDay', 'daySeq', 'clientRequestId', 'terminalId', 'userId', 'staffName', 'currency',
      'taxRateBp', 'pricesIncludeTax', 'contactName', 'contactPhone', 'specialInstructions', 'subtotal', 'discountTotal', 'taxTotal', 'total', 'itemCount', 'shiftId', 'paidAt', 'createdAt',
      'updatedAt',
    ] as const satisfies readonly (keyof typeof orders.$inferInsert)[];
    this.insertOrder = db.insert(orders).values(placeholders(orderColumns)).prepare();
    const lineColumns = [
      'id', 'orderId', 'menuItemId', 'position', 'menuItemName', 'unitPrice', 'quantity', 'note', 'modifiers',
      'lineSubtotal', 'lineDiscount', 'lineTax', 'lineTotal',
    ] as const satisfies readonly (keyof typeof orderItems.$inferInsert)[];
    this.insertLine = db.insert(orderItems).values(placeholders(lineColumns)).prepare();
    const paymentColumns = ['id', 'orderId', 'method', 'amount', 'tendered', 'changeGiven', 'reference', 'createdAt'] as const satisfies readonly (keyof typeof payments.$inferInsert)[];
    this.insertPayment = db.insert(payments).values(placeholders(paymentColumns)).prepare();
    const statusColumns = ['id', 'orderId', 'fromStatus', 'toStatus', 'userId', 'reason', 'createdAt'] as const satisfies readonly (keyof typeof orderStatusEvents.$inferInsert)[];
    this.insertStatus = db.insert(orderStatusEvents).values(placeholders(statusColumns)).prepare();
    this.changeOf = db
      .select({ change: payments.changeGiven })
      .from(payments)
      .where(eq(payments.orderId, p('orderId')))
      .prepare();
    this.rollups = new RollupWriter(deps.sqlite);
  }

  checkout(session: Session, input: ParsedInput<'orders.checkout'>): CheckoutResult {
    const { sqlite, clock, terminal } = this.deps;
    const run = sqlite.transaction((): { orderId: string; change: number; replayed: boolean; written?: OrderDetail } => {
      const earlier = this.history.idForRequest(input.requestId);
      if (earlier) {
        if (earlier.userId !== session.userId) throw conflict('That request id belongs to another order');
        const change = this.changeOf.all({ orderId: earlier.id }).reduce((a, p) => a + p.change, 0);
        return { orderId: earlier.id, change, replayed: true };
      }

      // One read of the open cart for the whole sale (lines, discount, contact details).
      const cart = this.cart.openCart(session.userId);
      const lines = cart ? this.cart.cartLines(cart.id) : [];
      if (!cart || lines.length === 0) throw conflict('The cart is empty: add an item first');
      const gone = lines.find((l) => l.archivedAt !== null || !l.isAvailable);
      if (gone) throw conflict(`${gone.name} can no longer be sold: remove it from the cart`);

      const shop = this.settings.requireShop();
      const discount = discountOf(cart);
      const totals = orderTotals(lines, { rateBp: shop.taxRateBp, pricesIncludeTax: shop.pricesIncludeTax }, discount);
      // The discounts as they stand now (quantities may have changed since they were set).
      this.cart.assertDiscountAllowed(session, cart, lines, totals);
      const settled = settleTenders(totals.total, input.payments, shop.currency);
      if (!settled.ok) {
        const still = settled.still === undefined ? '' : `: ${formatMoney(settled.still, shop.currency)} still to pay`;
        const message = settled.maxCash === undefined ? `${settled.message}${still} (total ${formatMoney(totals.total, shop.currency)})` : settled.message;
        throw invalid(message, { payments: `${settled.message}${still}` });
      }
      const change = settled.change;
      // The sale belongs to the shift open on this till; cash only goes into a counted drawer.
      const shiftId = this.openShift.idOn(terminal.id);
      if (!shiftId && this.settings.drawer().cashNeedsShift && settled.payments.some((p) => p.method === 'cash')) {
        throw conflict(NO_SHIFT_FOR_CASH);
      }

      const now = clock.now();
      const businessDay = businessDayOf(now, shop.timezone, shop.businessDayStartMinutes);
      const counter = this.bumpCounter.get({ terminalId: terminal.id, businessDay });
      if (!counter) throw new Error('order counter did not return a value');
      const lastSeq = counter.lastSeq;
      const orderId = newId(now);
      const orderNumber = formatOrderNumber(shop.code, terminal.code, businessDay, lastSeq);
      const itemCount = lines.reduce((n, l) => n + l.quantity, 0);

      const orderRow = {
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
          contactName: cart.contactName,
          contactPhone: cart.contactPhone,
          specialInstructions: cart.specialInstructions,
          subtotal: totals.subtotal,
          discountTotal: totals.discountTotal,
          taxTotal: totals.taxTotal,
          total: totals.total,
          itemCount,
          shiftId,
          paidAt: now,
          createdAt: now,
          updatedAt: now,
      };
      this.insertOrder.run(orderRow);
      const writtenLines = lines.map((l, i) => {
        const lineSubtotal = lineTotal(l);
        const lineDiscount = totals.lineDiscounts[i]!;
        const lineTax = totals.lineTaxes[i]!;
        const line = {
          id: newId(now),
          orderId,
          menuItemId: l.menuItemId,
          position: i,
          menuItemName: l.name,
          unitPrice: l.unitPrice,
          quantity: l.quantity,
          note: l.note,
          modifiers: l.options.map((o) => ({ group: o.group, name: o.name, priceDelta: o.priceDelta })),
          lineSubtotal,
          lineDiscount,
          lineTax,
          lineTotal: lineSubtotal - lineDiscount + (shop.pricesIncludeTax ? 0 : lineTax),
        };
        this.insertLine.run(line);
        return line;
      });
      for (const payment of settled.payments) {
        this.insertPayment.run({
          id: newId(now),
          orderId,
          method: payment.method,
          amount: payment.amount,
          tendered: payment.tendered,
          changeGiven: payment.change,
          reference: payment.reference,
          createdAt: now,
        });
      }
      this.insertStatus.run({ id: newId(now), orderId, fromStatus: null, toStatus: 'pending', userId: session.userId, reason: '', createdAt: now });
      const reason = [discount?.reason, ...lines.map((l) => l.discount?.reason)].filter(Boolean).join('; ');
      // The day's sales rollups, in this transaction (reports read them instead of every order).
      this.rollups.sale({
        businessDay,
        staffName: session.displayName,
        taxRateBp: shop.taxRateBp,
        pricesIncludeTax: shop.pricesIncludeTax,
        hour: localHourOf(now, shop.timezone),
        discountReason: reason,
        lines: writtenLines.map((l) => ({ itemId: l.menuItemId, quantity: l.quantity, gross: l.lineSubtotal, discount: l.lineDiscount, tax: l.lineTax, modifiers: l.modifiers })),
        payments: settled.payments,
      });
      const approvers = [discount?.approvedBy, ...lines.map((l) => l.discount?.approvedBy)].filter((a): a is string => !!a);
      this.audit.append({
        actorUserId: session.userId,
        approverUserId: approvers[0] ?? null,
        action: 'order.checkout',
        entityType: 'order',
        entityId: orderId,
        newValue: {
          orderNumber,
          total: totals.total,
          taxTotal: totals.taxTotal,
          discountTotal: totals.discountTotal,
          discount: discount ? { kind: discount.kind, value: discount.value } : null,
          payments: settled.payments.map((p) => ({ method: p.method, amount: p.amount })),
        },
        reason,
      });
      this.cart.discardOpenCart(session.userId);
      const written = this.history.toDetail({ ...orderRow, status: 'pending' }, writtenLines, settled.payments.map((p) => ({ ...p, changeGiven: p.change })), [
        { status: 'pending', at: now, by: session.displayName, reason: '' },
      ]);
      return { orderId, change, replayed: false, written };
    });

    const { orderId, change, replayed, written } = run.immediate();
    if (!replayed) this.onSold();
    // A new sale answers from the rows it wrote (no read-back after the commit); a replay reads the first one.
    return { order: written ?? this.history.detail(orderId), change, replayed };
  }
}

/** { a: placeholder('a'), … } for a prepared insert whose values are bound at run time. */
function placeholders<K extends string>(columns: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as Record<K, Placeholder<K>>;
}
