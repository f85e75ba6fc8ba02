// The order being looked at in history: its facts, lines, totals, payments, refunds and status
// history, with Receipt, Print, Refund and Cancel.
import { useEffect, useState } from 'react';
import type { OrderStatus } from '../../../../electron/shared/contract';
import type { Currency } from '../../../../electron/shared/money';
import { CancelOrderDialog } from '../CancelOrderDialog';
import { ErrorMessage } from '../ErrorMessage';
import { Icon } from '../Icon';
import { ReceiptDialog } from '../ReceiptDialog';
import { ReceiptOutcomeLine } from '../ReceiptOutcomeLine';
import { RefundDialog } from '../refunds/RefundDialog';
import { RefundList } from '../refunds/RefundList';
import { ORDER_STATUS_LABELS, PAYMENT_LABELS, formatDateTime, formatMoney, formatTime, optionsSummary, taxLabel } from '../../format';
import { printReceipt, type ReceiptOutcome } from '../../receipts';
import { useOrdersStore } from '../../stores/ordersStore';

const CANCELLABLE: readonly OrderStatus[] = ['pending', 'preparing', 'ready', 'completed'];

export function OrderDetailPanel({ timeZone }: { timeZone: string | undefined }) {
  const selectedId = useOrdersStore((s) => s.selectedId);
  const detail = useOrdersStore((s) => s.detail);
  const detailLoading = useOrdersStore((s) => s.detailLoading);
  const detailError = useOrdersStore((s) => s.detailError);
  const [showReceipt, setShowReceipt] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [outcome, setOutcome] = useState<ReceiptOutcome | null>(null);

  // A different order: forget the last print message.
  useEffect(() => {
    setOutcome(null);
  }, [selectedId]);

  if (!selectedId) {
    return (
      <section className="order-detail order-detail--empty" aria-label="Order details">
        <p className="muted">Tap an order to see what was in it.</p>
      </section>
    );
  }
  if (!detail || detail.id !== selectedId) {
    return (
      <section className="order-detail order-detail--empty" aria-label="Order details">
        {detailError ? <ErrorMessage message={detailError} /> : <p className="muted">{detailLoading ? 'Loading the order…' : ''}</p>}
      </section>
    );
  }

  const order = detail;
  const currency: Currency = order.currency;
  const money = (m: number) => formatMoney(m, currency);
  // Paid and not cancelled, with money still to give back (a ₱0 order has none).
  const canRefund = order.status !== 'cancelled' && order.total - order.refunded > 0;
  const refundBadge =
    order.status === 'cancelled' || order.refunded <= 0 ? null : order.refunded >= order.total ? 'Refunded' : 'Partly refunded';

  async function print() {
    if (printing) return;
    setPrinting(true);
    setOutcome(null);
    const next = await printReceipt(order.id);
    setPrinting(false);
    setOutcome(next);
  }

  return (
    <section className="order-detail" aria-labelledby="order-detail-title">
      <div className="order-detail-head">
        <h2 id="order-detail-title">Order {order.shortNumber}</h2>
        <span className={`status status--${order.status}`}>{ORDER_STATUS_LABELS[order.status]}</span>
        {refundBadge && <span className="status status--refunded">{refundBadge}</span>}
      </div>
      <div className="order-actions">
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setShowReceipt(true)}>
          <Icon name="receipt" />
          Receipt
        </button>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => void print()} disabled={printing} aria-busy={printing || undefined}>
          <Icon name="printer" />
          Print receipt
        </button>
        {/* Money going back, together on the right (on a narrow screen, their own row). */}
        {(canRefund || CANCELLABLE.includes(order.status)) && (
          <div className="order-money-actions">
            {canRefund && (
              <button type="button" className="btn btn--secondary btn--small" onClick={() => setRefunding(true)}>
                Refund
              </button>
            )}
            {CANCELLABLE.includes(order.status) && (
              <button type="button" className="btn btn--danger-outline btn--small order-cancel-btn" onClick={() => setCancelling(true)}>
                Cancel order
              </button>
            )}
          </div>
        )}
      </div>
      <ReceiptOutcomeLine outcome={outcome} />
      <dl className="order-facts">
        <div>
          <dt>Order number</dt>
          <dd className="mono">{order.orderNumber}</dd>
        </div>
        <div>
          <dt>Date and time</dt>
          <dd>{formatDateTime(order.createdAt, timeZone)}</dd>
        </div>
        <div>
          <dt>Served by</dt>
          <dd>{order.staffName}</dd>
        </div>
        {order.contactName && (
          <div>
            <dt>Customer</dt>
            <dd>{order.contactName}</dd>
          </div>
        )}
        {order.contactPhone && (
          <div>
            <dt>Phone</dt>
            <dd>{order.contactPhone}</dd>
          </div>
        )}
        {order.specialInstructions && (
          <div className="order-facts-wide">
            <dt>Special instructions</dt>
            <dd>{order.specialInstructions}</dd>
          </div>
        )}
      </dl>

      <table className="order-lines">
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Each
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>
                <span className="order-line-qty">{l.quantity} ×</span> {l.name}
                {l.modifiers.length > 0 && <span className="order-line-sub">{optionsSummary(l.modifiers.map((m) => m.name))}</span>}
                {l.note && <span className="order-line-sub order-line-note">“{l.note}”</span>}
                {l.lineDiscount > 0 && <span className="order-line-sub order-line-discount">Discount −{money(l.lineDiscount)}</span>}
              </td>
              <td className="num">{money(l.unitPrice)}</td>
              {/* Before discounts (shown under the item), so the column adds up to the subtotal. */}
              <td className="num">{money(l.unitPrice * l.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="totals totals--detail">
        <div className="totals-row">
          <dt>Subtotal</dt>
          <dd>{money(order.subtotal)}</dd>
        </div>
        {order.discountTotal > 0 && (
          <div className="totals-row">
            <dt>Discount</dt>
            <dd>−{money(order.discountTotal)}</dd>
          </div>
        )}
        <div className="totals-row">
          <dt>{taxLabel(order.taxRateBp, order.pricesIncludeTax)}</dt>
          <dd>{money(order.taxTotal)}</dd>
        </div>
        <div className="totals-row totals-row--grand">
          <dt>Total</dt>
          <dd>{money(order.total)}</dd>
        </div>
      </dl>

      <h3 className="order-pay-title">Payment</h3>
      {order.payments.length === 0 ? (
        <p className="muted">No payment recorded.</p>
      ) : (
        <dl className="totals totals--payment">
          {order.payments.map((p, i) => (
            <div className="totals-row" key={i}>
              <dt>
                {p.method === 'cash' ? 'Cash tendered' : PAYMENT_LABELS[p.method]}
                {p.reference && <span className="pay-ref"> · Ref {p.reference}</span>}
              </dt>
              <dd>{money(p.method === 'cash' ? p.tendered : p.amount)}</dd>
            </div>
          ))}
          {order.payments.some((p) => p.method === 'cash') && (
            <div className="totals-row">
              <dt>Change</dt>
              <dd>{money(order.payments.reduce((sum, p) => sum + p.change, 0))}</dd>
            </div>
          )}
        </dl>
      )}

      <RefundList refunds={order.refunds} total={order.total} refunded={order.refunded} currency={currency} timeZone={timeZone} />

      {order.statusHistory.length > 0 && (
        <>
          <h3 className="order-pay-title">History</h3>
          <ol className="status-history">
            {order.statusHistory.map((h, i) => (
              <li key={i}>
                <span className={`status status--${h.status}`}>{ORDER_STATUS_LABELS[h.status]}</span>
                <span className="status-history-when">{formatTime(h.at, timeZone)}</span>
                <span className="status-history-who">{h.by}</span>
                {h.reason && <span className="status-history-reason">“{h.reason}”</span>}
              </li>
            ))}
          </ol>
        </>
      )}

      {showReceipt && <ReceiptDialog orderId={order.id} onClose={() => setShowReceipt(false)} />}
      {cancelling && <CancelOrderDialog order={order} onClose={() => setCancelling(false)} />}
      {refunding && <RefundDialog order={order} onClose={() => setRefunding(false)} />}
    </section>
  );
}
