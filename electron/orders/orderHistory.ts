import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { orderItems, orders, orderStatusEvents, payments, users } from '../../db/schema';
import { shortOrderNumber, type OrderDetail, type OrderPage, type OrderSummary, type RefundView, type StatusChangeView } from '../shared/contract';
import type { Currency } from '../shared/money';
import { can } from '../shared/permissions';
import type { Session } from '../accounts/sessions';
import { displayNameOf } from '../accounts/staffDirectory';
import type { Deps } from '../core/deps';
import { invalid, notFound, ServiceError } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import { businessDayOf } from './orderNumbers';
import type { RefundRecords } from '../refunds/refundRecords';

type OrderRow = typeof orders.$inferSelect;
/** What an order's detail shows of a line and of a payment. */
export type DetailLine = Pick<typeof orderItems.$inferSelect, 'id' | 'menuItemName' | 'modifiers' | 'note' | 'unitPrice' | 'quantity' | 'lineDiscount' | 'lineTotal' | 'lineTax'>;
export type DetailPayment = Pick<typeof payments.$inferSelect, 'method' | 'amount' | 'tendered' | 'changeGiven' | 'reference'>;

function summaryOf(o: OrderRow): OrderSummary {
  return {
    id: o.id,
    orderNumber: o.orderNumber,
    shortNumber: shortOrderNumber(o.orderNumber),
    businessDay: o.businessDay,
    createdAt: o.createdAt,
    staffName: o.staffName,
    contactName: o.contactName,
    status: o.status,
    itemCount: o.itemCount,
    total: o.total,
    currency: o.currency as Currency,
  };
}

const encodeCursor = (o: Pick<OrderRow, 'createdAt' | 'id'>) => `${o.createdAt}_${o.id}`;
function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const m = /^(\d{1,15})_([0-9a-f-]{36})$/.exec(cursor);
  if (!m) throw invalid('That page cursor is not valid', { before: 'Use nextCursor from the previous page' });
  return { createdAt: Number(m[1]), id: m[2]! };
}

/** Reading orders back: history pages and one order's detail. */
export class OrderHistory {
  private readonly orderById;
  private readonly linesOf;
  private readonly paymentsOf;
  private readonly byRequest;
  private readonly statusesOf;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>,
    private readonly settings: SettingsStore,
    private readonly refunds: RefundRecords,
  ) {
    const { db } = deps;
    this.orderById = db.select().from(orders).where(eq(orders.id, sql.placeholder('id'))).prepare();
    this.linesOf = db
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, sql.placeholder('id')))
      .orderBy(asc(orderItems.position))
      .prepare();
    this.paymentsOf = db
      .select()
      .from(payments)
      .where(eq(payments.orderId, sql.placeholder('id')))
      .orderBy(asc(payments.createdAt), asc(payments.id))
      .prepare();
    this.statusesOf = db
      .select({ e: orderStatusEvents, firstName: users.firstName, lastName: users.lastName, username: users.username })
      .from(orderStatusEvents)
      .leftJoin(users, eq(users.id, orderStatusEvents.userId))
      .where(eq(orderStatusEvents.orderId, sql.placeholder('id')))
      .orderBy(asc(orderStatusEvents.createdAt), asc(orderStatusEvents.id))
      .prepare();
    this.byRequest = db
      .select({ id: orders.id, userId: orders.userId })
      .from(orders)
      .where(eq(orders.clientRequestId, sql.placeholder('requestId')))
      .prepare();
  }

  /** The shop's business day now. */
  private today(): string {
    const shop = this.settings.requireShop();
    return businessDayOf(this.deps.clock.now(), shop.timezone, shop.businessDayStartMinutes);
  }

  /** Today's business day for people who may only see today's orders (baristas); null for everyone else. */
  private dayLimit(session: Session): string | null {
    return can(session.role, 'orders.viewHistory') ? null : this.today();
  }

  pageFor(session: Session, limit?: number, before?: string): OrderPage {
    return this.page(limit, before, this.dayLimit(session));
  }

  detailFor(session: Session, orderId: string): OrderDetail {
    const detail = this.detail(orderId);
    this.assertDayVisible(session, detail.businessDay);
    return detail;
  }

  /** The same rule for an action on an order (a refund), without reading the whole order. */
  assertVisible(session: Session, orderId: string): void {
    if (!this.dayLimit(session)) return;
    const order = this.orderById.get({ id: orderId });
    if (!order) throw notFound('That order');
    this.assertDayVisible(session, order.businessDay);
  }

  private assertDayVisible(session: Session, businessDay: string): void {
    const day = this.dayLimit(session);
    if (day && businessDay !== day) throw new ServiceError('FORBIDDEN', "Only today's orders; ask a manager for older ones.");
  }

  page(limit = 50, before?: string, businessDay: string | null = null): OrderPage {
    const rows = this.pageQuery(limit + 1, before ? decodeCursor(before) : null, businessDay).all();
    const pageRows = rows.slice(0, limit);
    return {
      orders: pageRows.map(summaryOf),
      nextCursor: rows.length > limit ? encodeCursor(pageRows[pageRows.length - 1]!) : null,
      today: this.today(),
    };
  }

  /** EXPLAIN QUERY PLAN of a page after a cursor (the bench prints it). */
  pagePlan(businessDay: string | null = null): string[] {
    const { sql: text, params } = this.pageQuery(51, { createdAt: Date.now(), id: '00000000-0000-0000-0000-000000000000' }, businessDay).toSQL();
    return (this.deps.sqlite.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  private pageQuery(rows: number, cursor: { createdAt: number; id: string } | null, businessDay: string | null) {
    return this.deps.db
      .select()
      .from(orders)
      .where(
        and(
          // A row-value comparison seeks orders_created (created_at, id) to the cursor; the same
          // condition spelt `a < ? or (a = ? and b < ?)` made SQLite walk the index from the newest row.
          cursor ? sql`(${orders.createdAt}, ${orders.id}) < (${cursor.createdAt}, ${cursor.id})` : sql`1`,
          businessDay ? eq(orders.businessDay, businessDay) : sql`1`,
        ),
      )
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(rows);
  }

  detail(orderId: string): OrderDetail {
    const order = this.orderById.get({ id: orderId });
    if (!order) throw notFound('That order');
    const statusHistory = this.statusesOf.all({ id: orderId }).map(({ e, firstName, lastName, username }) => ({
      status: e.toStatus as OrderDetail['status'],
      at: e.createdAt,
      by: username ? displayNameOf({ displayName: '', firstName: firstName ?? '', lastName: lastName ?? '', username }) : '',
      reason: e.reason,
    }));
    const refunds = this.refunds.forOrder(orderId, shortOrderNumber(order.orderNumber));
    return this.toDetail(order, this.linesOf.all({ id: orderId }), this.paymentsOf.all({ id: orderId }), statusHistory, refunds);
  }

  /**
   * An order's detail from its rows. Checkout calls it with the rows it has just written, so a sale
   * is not read back from disk after its commit (the hot path); `detail` with the rows it reads.
   */
  toDetail(order: OrderRow, lines: readonly DetailLine[], pays: readonly DetailPayment[], statusHistory: StatusChangeView[], refunds: RefundView[] = []): OrderDetail {
    return {
      ...summaryOf(order),
      subtotal: order.subtotal,
      discountTotal: order.discountTotal,
      taxTotal: order.taxTotal,
      total: order.total,
      taxRateBp: order.taxRateBp,
      pricesIncludeTax: order.pricesIncludeTax,
      contactName: order.contactName,
      contactPhone: order.contactPhone,
      specialInstructions: order.specialInstructions,
      statusHistory,
      lines: lines.map((l) => ({
        id: l.id,
        name: l.menuItemName,
        modifiers: l.modifiers as OrderDetail['lines'][number]['modifiers'],
        note: l.note,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        lineDiscount: l.lineDiscount,
        lineTotal: l.lineTotal,
        lineTax: l.lineTax,
      })),
      payments: pays.map((p) => ({
        method: p.method,
        amount: p.amount,
        tendered: p.tendered,
        change: p.changeGiven,
        reference: p.reference,
      })),
      refunds,
      refunded: refunds.reduce((a, r) => a + r.amount, 0),
    };
  }

  idForRequest(clientRequestId: string): { id: string; userId: string } | undefined {
    return this.byRequest.get({ requestId: clientRequestId });
  }
}
