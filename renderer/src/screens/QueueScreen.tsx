import { useEffect, useState } from 'react';
import type { QueueOrderView } from '../../../electron/shared/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { Icon } from '../components/Icon';
import { STATUS_LABELS, optionsSummary, waitingLabel } from '../format';
import { canAdvance, useQueueStore, type AdvanceFrom } from '../stores/queueStore';

const POLL_MS = 5_000;
const CLOCK_MS = 15_000;
/** Waiting longer than this shows in red. */
const LATE_MINUTES = 10;

const NEXT_VERB: Record<AdvanceFrom, string> = { pending: 'Start', preparing: 'Ready', ready: 'Complete' };

/** The bar's view: paid orders oldest first, one big button each to move it on. */
export function QueueScreen() {
  const orders = useQueueStore((s) => s.orders);
  const loaded = useQueueStore((s) => s.loaded);
  const error = useQueueStore((s) => s.error);
  const notice = useQueueStore((s) => s.notice);
  const dismissNotice = useQueueStore((s) => s.dismissNotice);
  const load = useQueueStore((s) => s.load);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void load();
    const poll = window.setInterval(() => void load(), POLL_MS);
    const clock = window.setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => {
      window.clearInterval(poll);
      window.clearInterval(clock);
    };
  }, [load]);

  const counts = {
    pending: orders.filter((o) => o.status === 'pending').length,
    preparing: orders.filter((o) => o.status === 'preparing').length,
    ready: orders.filter((o) => o.status === 'ready').length,
  };

  return (
    <main className="queue-screen">
      <div className="queue-head">
        <h1 className="page-title">Queue</h1>
        <p className="queue-counts" aria-live="polite">
          <span className="queue-count queue-count--pending">{counts.pending} pending</span>
          <span className="queue-count queue-count--preparing">{counts.preparing} preparing</span>
          <span className="queue-count queue-count--ready">{counts.ready} ready</span>
        </p>
      </div>
      {(notice || error) && (
        <div className="queue-notice">
          <ErrorMessage message={notice ?? error} onDismiss={notice ? dismissNotice : undefined} />
        </div>
      )}
      {!loaded && !error && <p className="muted queue-empty">Loading the queue…</p>}
      {loaded && orders.length === 0 && (
        <div className="queue-empty">
          <p className="queue-empty-title">No orders waiting</p>
          <p className="muted">Paid orders show up here, oldest first.</p>
        </div>
      )}
      {orders.length > 0 && (
        <ol className="queue-grid" aria-label="Orders in the queue">
          {orders.map((o) => (
            <QueueCard key={o.id} order={o} now={now} />
          ))}
        </ol>
      )}
    </main>
  );
}

function QueueCard({ order, now }: { order: QueueOrderView; now: number }) {
  const advance = useQueueStore((s) => s.advance);
  const busy = useQueueStore((s) => s.busyIds.includes(order.id));
  const minutes = Math.floor((now - order.paidAt) / 60_000);
  const titleId = `queue-${order.id}`;

  return (
    <li className={`queue-card queue-card--${order.status}`} aria-labelledby={titleId}>
      <div className="queue-card-head">
        <h2 id={titleId} className="queue-number">
          <span className="visually-hidden">Order </span>
          {order.shortNumber}
        </h2>
        <div className="queue-card-meta">
          <span className={`status status--${order.status}`}>{STATUS_LABELS[order.status]}</span>
          <span className={`queue-wait${minutes >= LATE_MINUTES ? ' queue-wait--late' : ''}`}>
            <Icon name="clock" /> {waitingLabel(order.paidAt, now)}
            <span className="visually-hidden"> waiting</span>
          </span>
        </div>
      </div>
      {order.contactName && <p className="queue-customer">{order.contactName}</p>}
      <ul className="queue-lines">
        {order.lines.map((l, i) => (
          <li key={i} className="queue-line">
            <span className="queue-line-name">
              <span className="queue-line-qty">{l.quantity} ×</span> {l.name}
            </span>
            {l.modifiers.length > 0 && <span className="queue-line-mods">{optionsSummary(l.modifiers)}</span>}
            {l.note && <span className="queue-line-note">“{l.note}”</span>}
          </li>
        ))}
      </ul>
      {order.specialInstructions && (
        <p className="queue-instructions">
          <Icon name="warning" /> {order.specialInstructions}
        </p>
      )}
      <p className="queue-staff">Taken by {order.staffName}</p>
      {canAdvance(order.status) && (
        <button
          type="button"
          className={`btn btn--huge btn--block queue-advance queue-advance--${order.status}`}
          onClick={() => void advance(order.id, order.status as AdvanceFrom)}
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {NEXT_VERB[order.status as AdvanceFrom]} {order.shortNumber}
        </button>
      )}
    </li>
  );
}
