import { shortOrderNumber, type ParsedInput, type PaymentMethod, type RefundPreview, type RefundReceiptView, type RefundResult } from '../shared/contract';
import { formatMoney, type Currency, type Minor } from '../shared/money';
import type { Session } from '../accounts/sessions';
import type { ApprovalStore } from '../accounts/approvals';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { OrderHistory } from '../orders/orderHistory';
import { businessDayOf } from '../orders/orderNumbers';
import { NO_PRINTER, type ReceiptPrinter } from '../receipts/receiptService';
import type { OpenShift } from '../shifts/openShift';
import type { Role } from '../shared/permissions';
import { RefundAuth } from './refundAuth';
import { cashIn, orderRefundable, planEverything, planRefund, refundableAmount, refundableQty, refundTenders, type LineState } from './refundMath';
import { refundNumber, type OrderRefundState, type RefundRecords } from './refundRecords';
import { refundReceiptHtml } from './refundReceiptHtml';
import { RefundWriter } from './refundWriter';

const CANCELLED = 'That order was cancelled: everything on it has already been refunded';

/**
 * Refunds of paid orders: whole, chosen lines and quantities, or an amount, back to the original
 * tenders or another. Each refund is one immediate transaction, idempotent on its request id, and
 * what it may hand back is derived from the refunds already written, inside that transaction.
 */
export class RefundService {
  private readonly writer: RefundWriter;
  private readonly auth: RefundAuth;

  constructor(
    private readonly deps: Deps,
    private readonly settings: SettingsStore,
    staff: StaffDirectory,
    private readonly history: OrderHistory,
    private readonly audit: AuditLog,
    approvals: ApprovalStore,
    private readonly openShift: OpenShift,
    private readonly printer: ReceiptPrinter | null,
    private readonly records: RefundRecords,
    /** The cash that should be in an open shift's drawer now, from its records (ShiftService). */
    private readonly cashInDrawer: (shiftId: string) => Minor,
  ) {
    this.writer = new RefundWriter(deps.sqlite, () => settings.requireShop().timezone);
    this.auth = new RefundAuth(settings, staff, approvals);
  }

  private currency(): Currency {
    return this.settings.requireShop().currency;
  }

  private stateOf(orderId: string): OrderRefundState {
    const state = this.records.state(orderId);
    if (!state) throw notFound('That order');
    if (state.order.status === 'cancelled') throw conflict(CANCELLED);
    return state;
  }

  /**
   * The shift the refund belongs to (the one open on this till, if any). Cash comes out of the
   * drawer, so cash needs an open shift (when the shop counts its drawer: Settings → Drawer), and
   * like a pay-out it cannot take more than should be in the drawer (read inside the write).
   */
  private shiftFor(tenders: readonly { method: PaymentMethod; amount: Minor }[]): string | null {
    const cash = cashIn(tenders);
    const { id } = this.deps.terminal;
    const shiftId =
      cash > 0 && this.settings.drawer().cashNeedsShift
        ? this.openShift.require(id, `${formatMoney(cash, this.currency())} goes back in cash: open a shift first, or refund to card`)
        : this.openShift.idOn(id);
    if (cash > 0 && shiftId) {
      const inDrawer = this.cashInDrawer(shiftId);
      if (cash > inDrawer) {
        throw conflict(`Only ${formatMoney(Math.max(inDrawer, 0), this.currency())} should be in the drawer, less than the ${formatMoney(cash, this.currency())} to hand back in cash: check the drawer, or refund to card`);
      }
    }
    return shiftId;
  }

  preview(session: Session, input: ParsedInput<'refunds.preview'>): RefundPreview {
    const detail = this.history.detailFor(session, input.orderId); // baristas: today's orders only
    const state = this.stateOf(input.orderId);
    const plan = planRefund(state.lines, input.what, detail.currency);
    const tenders = refundTenders(plan.amount, state.paid, input.tender);
    const cashNeedsShift = cashIn(tenders) > 0 && this.settings.drawer().cashNeedsShift;
    return {
      orderId: detail.id,
      orderNumber: detail.orderNumber,
      shortNumber: detail.shortNumber,
      currency: detail.currency,
      lines: state.lines.map((l) => ({
        lineId: l.lineId,
        name: l.name,
        modifiers: l.modifiers,
        quantity: l.quantity,
        refundedQuantity: l.refundedQty,
        refundableQuantity: refundableQty(l),
        lineTotal: l.lineTotal,
        refundedAmount: l.refundedAmount,
        refundableAmount: refundableAmount(l),
      })),
      refundable: orderRefundable(state.lines),
      amount: plan.amount,
      tax: plan.tax,
      lineAmounts: plan.lines.map(({ lineId, quantity, amount }) => ({ lineId, quantity, amount })),
      tenders,
      needsApproval: this.auth.needsApproval(session, plan.amount, handedBack(state.lines)),
      needsOpenShift: cashNeedsShift && this.openShift.idOn(this.deps.terminal.id) === null,
      refunds: detail.refunds,
    };
  }

  issue(session: Session, input: ParsedInput<'refunds.issue'>): RefundResult {
    this.history.assertVisible(session, input.orderId); // the orders channels' rule: baristas see today's orders only
    const { sqlite, clock, terminal } = this.deps;
    const run = sqlite.transaction((): { refundId: string; replayed: boolean } => {
      const earlier = this.records.byRequest(input.requestId);
      if (earlier) {
        if (earlier.userId !== session.userId || earlier.orderId !== input.orderId) throw conflict('That request id belongs to another refund');
        return { refundId: earlier.id, replayed: true };
      }
      // Read and planned inside the write lock: a second refund cannot take what this one did.
      const state = this.stateOf(input.orderId);
      const plan = planRefund(state.lines, input.what, state.order.currency);
      const tenders = refundTenders(plan.amount, state.paid, input.tender);
      const shiftId = this.shiftFor(tenders);
      const params = { orderId: input.orderId, amount: plan.amount, tender: input.tender };
      return this.auth.authorise(session, params, handedBack(state.lines), input.approvalId, (approvedBy) => {
        const now = clock.now();
        const shop = this.settings.requireShop();
        const refundId = this.writer.write(
          {
            orderId: input.orderId,
            seq: state.nextSeq,
            kind: 'refund',
            requestId: input.requestId,
            terminalId: terminal.id,
            shiftId,
            businessDay: businessDayOf(now, shop.timezone, shop.businessDayStartMinutes), // counts on the day it is issued
            userId: session.userId,
            staffName: session.displayName,
            approvedBy,
            reason: input.reason,
            createdAt: now,
          },
          plan,
          tenders,
        );
        this.audit.append({
          actorUserId: session.userId,
          approverUserId: approvedBy,
          action: 'order.refund',
          entityType: 'order',
          entityId: input.orderId,
          newValue: {
            refundId,
            number: refundNumber(shortOrderNumber(state.order.orderNumber), state.nextSeq),
            amount: plan.amount,
            tax: plan.tax,
            tender: input.tender,
            lines: plan.lines,
            tenders,
            shiftId,
          },
          reason: input.reason,
        });
        return { refundId, replayed: false };
      });
    });
    const { refundId, replayed } = run.immediate();
    const order = this.history.detail(input.orderId);
    return { refund: order.refunds.find((r) => r.id === refundId)!, order, replayed };
  }

  /**
   * Inside a cancel's transaction ("refund everything + cancel"): refunds everything still
   * refundable to the original tenders, as a refund of kind 'cancel' (written even when nothing is
   * left, so the cancel is counted). Over the refund limit the person cancelling, or whoever
   * approved it, must be allowed to refund over it; cash needs an open shift.
   */
  refundForCancel(session: Session, orderId: string, reason: string, approvedBy: string | null): { refundId: string; amount: Minor; tenders: { method: PaymentMethod; amount: Minor }[] } {
    const state = this.stateOf(orderId);
    const plan = planEverything(state.lines);
    const tenders = refundTenders(plan.amount, state.paid, 'original');
    this.auth.assertCancelWithin(session, approvedBy, plan.amount, handedBack(state.lines));
    const shiftId = this.shiftFor(tenders);
    const now = this.deps.clock.now();
    const shop = this.settings.requireShop();
    const refundId = this.writer.write(
      {
        orderId,
        seq: state.nextSeq,
        kind: 'cancel',
        requestId: `cancel:${orderId}`,
        terminalId: this.deps.terminal.id,
        shiftId,
        businessDay: businessDayOf(now, shop.timezone, shop.businessDayStartMinutes),
        userId: session.userId,
        staffName: session.displayName,
        approvedBy,
        reason,
        createdAt: now,
      },
      plan,
      tenders,
    );
    return { refundId, amount: plan.amount, tenders };
  }

  /** override.approve for a refund: over the limit (with the order's earlier refunds) only someone who may refund over it approves. */
  assertMayApprove(approverRole: Role, orderId: string, amount: Minor): void {
    // An order that does not exist is refused when the refund is tried; here it has handed back nothing.
    this.auth.assertMayApprove(approverRole, amount, handedBack(this.records.state(orderId)?.lines ?? []));
  }

  receipt(session: Session, refundId: string): RefundReceiptView {
    const orderId = this.records.orderOf(refundId);
    if (!orderId) throw notFound('That refund');
    const order = this.history.detailFor(session, orderId);
    const shop = this.settings.requireShop();
    return {
      shopName: shop.name,
      footer: shop.receiptFooter,
      currency: order.currency,
      timezone: shop.timezone,
      orderNumber: order.orderNumber,
      refund: order.refunds.find((r) => r.id === refundId)!,
    };
  }

  /** Prints the refund receipt like a sale's receipt; the print is recorded. */
  async print(session: Session, refundId: string): Promise<{ printer: string }> {
    const receipt = this.receipt(session, refundId);
    if (!this.printer) throw conflict(NO_PRINTER);
    const shop = this.settings.requireShop();
    const printed = await this.printer.print(refundReceiptHtml(receipt), { silent: shop.silentPrint, deviceName: shop.printerName });
    this.deps.sqlite.transaction(() =>
      this.audit.append({
        actorUserId: session.userId,
        action: 'refund.print',
        entityType: 'refund',
        entityId: refundId,
        newValue: { number: receipt.refund.number, printer: printed.printer },
      }),
    )();
    return printed;
  }
}

/** What the order's earlier refunds handed back. */
function handedBack(lines: readonly LineState[]): Minor {
  return lines.reduce((a, l) => a + l.refundedAmount, 0);
}
