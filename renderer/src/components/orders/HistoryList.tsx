// The order history list: what the filters found ("128 orders · ₱12,345.00"), the rows (date and
// time, number, staff and customer, items, total, tender and status badges), infinite scroll on
// a sentinel below the last row, and the keyboard: ↑/↓ move between rows, Enter opens one,
// PageDown/End go further down and load more, PageUp/Home go back up.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { HistoryRow } from '../../../../electron/shared/contract';
import { HISTORY_STATUS_LABELS, historyStatusOf } from '../../../../electron/shared/contract';
import { ORDER_STATUS_LABELS, PAYMENT_LABELS, formatDate, formatMoney, formatOrderWhen } from '../../format';
import { useOrdersStore } from '../../stores/ordersStore';
import { ErrorMessage } from '../ErrorMessage';

const PAGE_STEP = 8;

/** "Paid · being made" while the bar has it, "Paid" once collected; Refunded / Partly refunded / Cancelled. */
export function statusBadge(o: Pick<HistoryRow, 'status' | 'total' | 'refunded'>): { text: string; tone: string } {
  const status = historyStatusOf(o);
  if (status === 'cancelled') return { text: HISTORY_STATUS_LABELS.cancelled, tone: 'cancelled' };
  if (status !== 'paid') return { text: HISTORY_STATUS_LABELS[status], tone: 'refunded' };
  return o.status === 'completed' ? { text: HISTORY_STATUS_LABELS.paid, tone: 'completed' } : { text: ORDER_STATUS_LABELS[o.status], tone: o.status };
}

export function HistoryList({ allDays, timeZone }: { allDays: boolean; timeZone: string | undefined }) {
  const orders = useOrdersStore((s) => s.orders);
  const nextCursor = useOrdersStore((s) => s.nextCursor);
  const today = useOrdersStore((s) => s.today);
  const totals = useOrdersStore((s) => s.totals);
  const loading = useOrdersStore((s) => s.loading);
  const loaded = useOrdersStore((s) => s.loaded);
  const error = useOrdersStore((s) => s.error);
  const searchedBack = useOrdersStore((s) => s.searchedBack);
  const selectedId = useOrdersStore((s) => s.selectedId);
  const filters = useOrdersStore((s) => s.filters);
  const loadMore = useOrdersStore((s) => s.loadMore);
  const select = useOrdersStore((s) => s.select);
  const listRef = useRef<HTMLUListElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  /** Row to focus once more rows arrive (End / PageDown past the last row). */
  const pendingFocus = useRef<number | null>(null);

  // Infinite scroll: a fresh observer after every change reports at once whether the sentinel
  // is already in view (a short list, a page with few matches), so loading goes on until it is not.
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !nextCursor || loading) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void loadMore(), { rootMargin: '0px 0px 300px 0px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [nextCursor, loading, orders.length, loadMore]);

  useEffect(() => {
    const want = pendingFocus.current;
    if (want === null || loading) return;
    pendingFocus.current = null;
    rowButtons()[Math.min(want, orders.length - 1)]?.focus();
  }, [orders.length, loading]);

  const rowButtons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.order-row') ?? []);

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const rows = rowButtons();
    const at = rows.indexOf(document.activeElement as HTMLButtonElement);
    const last = rows.length - 1;
    const go = (i: number) => {
      if (i > last && nextCursor) {
        pendingFocus.current = i;
        void loadMore();
      }
      rows[Math.max(0, Math.min(i, last))]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'PageDown':
        go(at + PAGE_STEP);
        break;
      case 'PageUp':
        go(at - PAGE_STEP);
        break;
      case 'End':
        go(nextCursor ? last + 1 : last);
        break;
      case 'Home':
        go(0);
        break;
      default:
        return; // Enter and Space open the focused row (it is a button)
    }
    e.preventDefault();
  }

  const narrowed = Object.keys(filters).length > 0;
  return (
    <>
      <p className="history-count" aria-live="polite">
        {totals ? (
          <>
            <strong>
              {totals.count.toLocaleString('en-US')} {totals.count === 1 ? 'order' : 'orders'}
            </strong>{' '}
            · <strong>{formatMoney(totals.total, totals.currency)}</strong>
          </>
        ) : (
          <span className="muted">Counting…</span>
        )}
      </p>
      <ErrorMessage message={error} />
      {loaded && !loading && orders.length === 0 && !error && (
        <p className="muted orders-empty">
          {narrowed ? 'No orders match. Try fewer filters or other dates.' : allDays ? 'No orders yet.' : 'No orders yet today.'}
          {narrowed ? '' : ' Sales completed at the counter show up here.'}
        </p>
      )}
      {!loaded && loading && <p className="muted orders-empty">Loading orders…</p>}
      {orders.length > 0 && (
        <ul className="orders-list" aria-label="Order list" ref={listRef} onKeyDown={onKeyDown}>
          {orders.map((o) => {
            const badge = statusBadge(o);
            const selected = o.id === selectedId;
            return (
              <li key={o.id}>
                <button type="button" className={`order-row history-row${selected ? ' order-row--selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={() => void select(o.id)}>
                  <span className="order-row-number">{o.shortNumber}</span>{' '}
                  <span className="history-row-main">
                    <span className="history-row-line">
                      <span className="order-row-time">{formatOrderWhen(o.businessDay, o.createdAt, today, timeZone)}</span>{' '}
                      <span className="order-row-staff">{o.contactName ? `For ${o.contactName} · ${o.staffName}` : o.staffName}</span>{' '}
                      <span className="order-row-total">{formatMoney(o.total, o.currency)}</span>
                    </span>{' '}
                    <span className="history-row-line">
                      <span className="history-row-items">{o.items}</span>{' '}
                      <span className="history-row-badges">
                        {o.tenders.map((m) => (
                          <span key={m} className={`tender-badge tender-badge--${m}`}>
                            {PAYMENT_LABELS[m]}
                          </span>
                        ))}{' '}
                        <span className={`status status--${badge.tone}`}>{badge.text}</span>
                      </span>
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div ref={sentinelRef} className="history-sentinel" aria-hidden="true" />
      {loading && searchedBack !== null && (
        <p className="muted history-searching" role="status">
          Searching older orders… back to {formatDate(searchedBack, timeZone)}
        </p>
      )}
      {nextCursor && !loading && (
        <button type="button" className="btn btn--secondary btn--block load-more" onClick={() => void loadMore()}>
          Load more
        </button>
      )}
      {loaded && !nextCursor && orders.length > 0 && <p className="muted history-end">That’s every order{narrowed ? ' these filters find' : ''}.</p>}
    </>
  );
}
