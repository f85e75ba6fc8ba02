import { useEffect } from 'react';
import type { Currency } from '../../../electron/shared/money';
import { ErrorMessage } from '../components/ErrorMessage';
import { STATUS_LABELS, formatDateTime, formatMoney, formatTime, itemCountLabel, taxLabel } from '../format';
import { useOrdersStore } from '../stores/ordersStore';
import { useSessionStore } from '../stores/sessionStore';

export function OrdersScreen() {
  const timeZone = useSessionStore((s) => s.shop?.timezone);
  const orders = useOrdersStore((s) => s.orders);
  const nextCursor = useOrdersStore((s) => s.nextCursor);
  const loading = useOrdersStore((s) => s.loading);
  const loaded = useOrdersStore((s) => s.loaded);
  const error = useOrdersStore((s) => s.error);
  const selectedId = useOrdersStore((s) => s.selectedId);
  const load = useOrdersStore((s) => s.load);
  const loadMore = useOrdersStore((s) => s.loadMore);
  const select = useOrdersStore((s) => s.select);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="orders-screen">
      <h1 className="visually-hidden">Orders</h1>
      <section className="orders-list-panel" aria-labelledby="orders-list-title">
        <div className="panel-head">
          <h2 id="orders-list-title">Recent orders</h2>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void load()} disabled={loading}>
            Refresh
          </button>
        </div>
        <ErrorMessage message={error} />
        {loaded && orders.length === 0 && !error && (
          <p className="muted orders-empty">No orders yet. Sales completed at the counter show up here.</p>
        )}
        {!loaded && loading && <p className="muted orders-empty">Loading orders…</p>}
        {orders.length > 0 && (
          <ul className="orders-list" aria-label="Order list">
            {orders.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  className={`order-row${o.id === selectedId ? ' order-row--selected' : ''}`}
                  aria-current={o.id === selectedId ? 'true' : undefined}
                  onClick={() => void select(o.id)}
                >
                  <span className="order-row-number">{o.shortNumber}</span>{' '}
                  <span className="order-row-time">{formatTime(o.createdAt, timeZone)}</span>{' '}
                  <span className="order-row-staff">{o.staffName}</span>{' '}
                  <span className="order-row-count">{itemCountLabel(o.itemCount)}</span>{' '}
                  <span className="order-row-total">{formatMoney(o.total, o.currency)}</span>{' '}
                  <span className={`status status--${o.status}`}>{STATUS_LABELS[o.status]}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {nextCursor && (
          <button type="button" className="btn btn--secondary btn--block load-more" onClick={() => void loadMore()} disabled={loading}>
            Load more
          </button>
        )}
      </section>
      <OrderDetailPanel timeZone={timeZone} />
    </main>
  );
}

function OrderDetailPanel({ timeZone }: { timeZone: string | undefined }) {
  const selectedId = useOrdersStore((s) => s.selectedId);
  const detail = useOrdersStore((s) => s.detail);
  const detailLoading = useOrdersStore((s) => s.detailLoading);
  const detailError = useOrdersStore((s) => s.detailError);

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

  const currency: Currency = detail.currency;
  const money = (m: number) => formatMoney(m, currency);

  return (
    <section className="order-detail" aria-labelledby="order-detail-title">
      <div className="order-detail-head">
        <h2 id="order-detail-title">Order {detail.shortNumber}</h2>
        <span className={`status status--${detail.status}`}>{STATUS_LABELS[detail.status]}</span>
      </div>
      <dl className="order-facts">
        <div>
          <dt>Order number</dt>
          <dd className="mono">{detail.orderNumber}</dd>
        </div>
        <div>
          <dt>Date and time</dt>
          <dd>{formatDateTime(detail.createdAt, timeZone)}</dd>
        </div>
        <div>
          <dt>Served by</dt>
          <dd>{detail.staffName}</dd>
        </div>
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
          {detail.lines.map((l) => (
            <tr key={l.id}>
              <td>
                <span className="order-line-qty">{l.quantity} ×</span> {l.name}
              </td>
              <td className="num">{money(l.unitPrice)}</td>
              <td className="num">{money(l.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="totals totals--detail">
        <div className="totals-row">
          <dt>Subtotal</dt>
          <dd>{money(detail.subtotal)}</dd>
        </div>
        {detail.discountTotal > 0 && (
          <div className="totals-row">
            <dt>Discount</dt>
            <dd>−{money(detail.discountTotal)}</dd>
          </div>
        )}
        <div className="totals-row">
          <dt>{taxLabel(detail.taxRateBp, detail.pricesIncludeTax)}</dt>
          <dd>{money(detail.taxTotal)}</dd>
        </div>
        <div className="totals-row totals-row--grand">
          <dt>Total</dt>
          <dd>{money(detail.total)}</dd>
        </div>
      </dl>

      <h3 className="order-pay-title">Payment</h3>
      {detail.payments.length === 0 ? (
        <p className="muted">No payment recorded.</p>
      ) : (
        detail.payments.map((p, i) => (
          <dl className="totals totals--payment" key={i}>
            <div className="totals-row">
              <dt>Cash tendered</dt>
              <dd>{money(p.tendered)}</dd>
            </div>
            <div className="totals-row">
              <dt>Change</dt>
              <dd>{money(p.change)}</dd>
            </div>
          </dl>
        ))
      )}
    </section>
  );
}
