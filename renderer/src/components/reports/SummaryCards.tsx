// The headline figures of the period, each with its change against the period before.
import type { ReactNode } from 'react';
import type { PaymentMethod, SalesReport } from '../../../../electron/shared/contract';
import { PAYMENT_LABELS, formatMoney } from '../../format';
import { countWords, percentWords } from './reportFormat';

/** Whether a rise is good news (sales), bad news (refunds, discounts) or neither (tax). */
type Sense = 'up-good' | 'up-bad' | 'neutral';

function Change({ bp, sense, was }: { bp: number | null; sense: Sense; was: string }) {
  if (bp === null) {
    return (
      <p className="rpt-change rpt-change--none">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">Nothing to compare with</span>
        <span className="rpt-was">none before</span>
      </p>
    );
  }
  const dir = bp > 0 ? 'up' : bp < 0 ? 'down' : 'flat';
  const tone = dir === 'flat' || sense === 'neutral' ? 'neutral' : (dir === 'up') === (sense === 'up-good') ? 'good' : 'bad';
  return (
    <p className={`rpt-change rpt-change--${tone}`}>
      <span className="rpt-change-value">
        {dir === 'up' && <span aria-hidden="true">▲ </span>}
        {dir === 'down' && <span aria-hidden="true">▼ </span>}
        <span className="visually-hidden">{dir === 'up' ? 'Up ' : dir === 'down' ? 'Down ' : ''}</span>
        {dir === 'flat' ? 'No change' : percentWords(bp)}
      </span>
      <span className="rpt-was">from {was}</span>
    </p>
  );
}

function Card({ title, value, change, children }: { title: string; value: string; change: ReactNode; children?: ReactNode }) {
  return (
    <div className="rpt-card">
      <dt className="rpt-card-title">{title}</dt>
      <dd className="rpt-card-body">
        <span className="rpt-card-value">{value}</span>
        {change}
        {children && <span className="rpt-card-more">{children}</span>}
      </dd>
    </div>
  );
}

const METHODS: PaymentMethod[] = ['cash', 'card', 'other'];

export function SummaryCards({ report }: { report: SalesReport }) {
  const { summary: s, previousSummary: p, change } = report;
  const money = (m: number) => formatMoney(m, report.currency);
  const tenders = METHODS.filter((m) => s.tenders[m].collected !== 0 || s.tenders[m].sales !== 0);

  return (
    <dl className="rpt-cards" aria-label="Summary">
      <Card title="Gross sales" value={money(s.gross)} change={<Change bp={change.gross} sense="up-good" was={money(p.gross)} />} />
      <Card title="Discounts" value={money(s.discounts)} change={<Change bp={change.discounts} sense="up-bad" was={money(p.discounts)} />} />
      <Card title="Refunds" value={money(s.refunds)} change={<Change bp={change.refunds} sense="up-bad" was={money(p.refunds)} />}>
        {countWords(s.refundsCount, 'refund')}
        {s.cancellations > 0 && ` · ${countWords(s.cancellations, 'cancel')}`}
      </Card>
      <Card title="Net sales" value={money(s.net)} change={<Change bp={change.net} sense="up-good" was={money(p.net)} />} />
      <Card title="Tax" value={money(s.tax)} change={<Change bp={change.tax} sense="neutral" was={money(p.tax)} />}>
        {s.taxAdded > 0 ? `${money(s.taxAdded)} added on top of prices` : 'Included in prices'}
      </Card>
      <Card title="Collected" value={money(s.collected)} change={<Change bp={change.collected} sense="up-good" was={money(p.collected)} />}>
        {tenders.length === 0
          ? 'No payments'
          : tenders.map((m, i) => (
              <span key={m} className="rpt-nowrap">
                {i > 0 && ' · '}
                {PAYMENT_LABELS[m]} {money(s.tenders[m].collected)}
              </span>
            ))}
      </Card>
      <Card
        title="Orders"
        value={s.ordersCount.toLocaleString('en-US')}
        change={<Change bp={change.ordersCount} sense="up-good" was={p.ordersCount.toLocaleString('en-US')} />}
      />
      <Card title="Average order" value={money(s.averageOrder)} change={<Change bp={change.averageOrder} sense="up-good" was={money(p.averageOrder)} />} />
    </dl>
  );
}
