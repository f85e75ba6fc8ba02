import type Database from 'better-sqlite3';
import { asc, eq, sql } from 'drizzle-orm';
import { orderItems, orders, orderStatusEvents, payments, users } from '../../db/schema';
import { shortOrderNumber, type OrderDetail, type OrderFilters, type OrderPage, type OrderSummary, type RefundView, type StatusChangeView } from '../shared/contract';
import type { Currency, Minor } from '../shared/money';
import { can } from '../shared/permissions';
import type { Session } from '../accounts/sessions';
import { displayNameOf } from '../accounts/staffDirectory';
import type { Deps } from '../core/deps';
import { notFound, ServiceError } from '../core/errors';
import type { ReadPool } from '../core/readPool';
import type { SettingsStore } from '../settings/shopSettings';
import { businessDayOf } from './orderNumbers';
import type { RefundRecords } from '../refunds/refundRecords';
import { daysCovered, type HistorySearch } from './orderSearch';

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

/**
 * Totals over more days than this (or open-ended) on a shop with more orders than SMALL_SHOP are
 * counted on a worker of their own, so pages and reports never queue behind them.
 */
const SHARED_TOTALS_DAYS = 62;
const SMALL_SHOP = 20_000;

/**
 * Reading orders back: one order's detail here on main (one order by id is quick), history pages
 * and their totals on the read worker (orderSearch.ts), never on the main loop.
 */
export class OrderHistory {
  private readonly orderById;
  private readonly linesOf;
  private readonly paymentsOf;
  private readonly byRequest;
  private readonly ordersEver: Database.Statement<[], number>;
  private readonly statusesOf;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'sqlite' | 'clock'>,
    private readonly settings: SettingsStore,
    private readonly refunds: RefundRecords,
    private readonly reads: Pick<ReadPool, 'run' | 'runAlone'>,
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
    this.ordersEver = deps.sqlite.prepare(`select coalesce(max(rowid), 0) from orders`).pluck() as Database.Statement<[], number>;
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

  /** What a person may search: a barista's filters are held to today whatever days they send. */
  private searchFor(session: Session, filters: OrderFilters | undefined): HistorySearch {
    return { filters: filters ?? {}, onlyDay: this.dayLimit(session) };
  }

  /** A page of history, newest first, searched on the read worker. */
  async pageFor(session: Session, input: { limit?: number; before?: string; filters?: OrderFilters }): Promise<OrderPage> {
    const today = this.today();
    const page = await this.reads.run('history.page', { ...this.searchFor(session, input.filters), limit: input.limit ?? 50, before: input.before ?? null });
    return { ...page, today };
  }

  /** How many orders the filters find and Σ their totals (as charged, before refunds). */
  async totalsFor(session: Session, filters: OrderFilters | undefined): Promise<{ count: number; total: Minor; currency: Currency }> {
    const search = this.searchFor(session, filters);
    const days = daysCovered(search);
    // A long or open-ended count on a big shop walks many rows: its own worker. (max(rowid) is one
    // b-tree seek, not a search; rowids only grow, so it bounds how many orders there are.)
    const quick = (days !== null && days <= SHARED_TOTALS_DAYS) || this.ordersEver.get()! < SMALL_SHOP;
    const run = quick ? this.reads.run.bind(this.reads) : this.reads.runAlone.bind(this.reads);
    const totals = await run('history.totals', search);
    return { ...totals, currency: this.settings.requireShop().currency as Currency };
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
