// Everything under the summary: sales over time, the busy-hours heatmap, best sellers,
// categories, options, staff, tenders, discounts and refunds, each with its numbers in a table.
import { useState } from 'react';
import type { ReportBucket, SalesReport } from '../../../../electron/shared/contract';
import { REPORT_BUCKETS } from '../../../../electron/shared/contract/reports';
import { PAYMENT_LABELS, formatMoney } from '../../format';
import { useReportsStore } from '../../stores/reportsStore';
import { Heatmap } from './Heatmap';
import { BUCKET_LABELS, bucketAllowed } from './periods';
import { ReportSection, ReportTable } from './ReportTable';
import { SalesChart } from './SalesChart';

type Row<K extends keyof SalesReport> = SalesReport[K] extends readonly (infer R)[] ? R : never;

const BUCKET_WORDS: Record<ReportBucket, string> = { hour: 'hour', day: 'day', week: 'week', month: 'month' };

function SalesOverTime({ report }: { report: SalesReport }) {
  const chooseBucket = useReportsStore((s) => s.chooseBucket);
  const [showTable, setShowTable] = useState(false);
  const money = (m: number) => formatMoney(m, report.currency);
  return (
    <ReportSection
      title="Sales over time"
      hint={`Net sales per ${BUCKET_WORDS[report.bucket]} (business days, ${report.timezone.replaceAll('_', ' ')} time).`}
      actions={
        <>
          <div className="segmented rpt-buckets" role="group" aria-label="Bars per">
            {REPORT_BUCKETS.map((b) => (
              <button
                key={b}
                type="button"
                className={`segmented-option${report.bucket === b ? ' segmented-option--on' : ''}`}
                aria-pressed={report.bucket === b}
                disabled={!bucketAllowed(b, report.period.days)}
                title={bucketAllowed(b, report.period.days) ? undefined : 'Hours for up to 14 days'}
                onClick={() => chooseBucket(b)}
              >
                {BUCKET_LABELS[b]}
              </button>
            ))}
          </div>
          <button type="button" className="btn btn--ghost btn--small rpt-table-toggle" aria-expanded={showTable} onClick={() => setShowTable(!showTable)}>
            {showTable ? 'Hide table' : 'Show table'}
          </button>
        </>
      }
    >
      <SalesChart report={report} />
      {/* Always in the page (printed), shown on screen on request. */}
      <div className={`rpt-series-table${showTable ? '' : ' rpt-screen-hidden'}`}>
        <ReportTable<Row<'series'>>
          caption="Sales over time"
          rows={report.series}
          rowKey={(r) => r.key}
          empty="No sales in this period."
          columns={[
            { label: BUCKET_LABELS[report.bucket], cell: (r) => r.label },
            { label: 'Orders', num: true, cell: (r) => r.orders.toLocaleString('en-US') },
            { label: 'Gross', num: true, cell: (r) => money(r.gross) },
            { label: 'Net', num: true, cell: (r) => money(r.net) },
          ]}
        />
      </div>
    </ReportSection>
  );
}

export function ReportSections({ report }: { report: SalesReport }) {
  const money = (m: number) => formatMoney(m, report.currency);
  const qty = (n: number) => n.toLocaleString('en-US');
  return (
    <>
      <SalesOverTime report={report} />

      <ReportSection title="Busy hours" hint="Orders by hour of the day and day of the week: when to have more hands behind the bar.">
        <Heatmap report={report} />
      </ReportSection>

      <div className="rpt-grid">
        <ReportSection title="Best sellers" hint="Items by net sales.">
          <ReportTable<Row<'items'>>
            caption="Best sellers"
            rows={report.items}
            rowKey={(r) => r.itemId}
            bar={(r) => r.net}
            limit={10}
            empty="Nothing sold in this period."
            columns={[
              { label: 'Item', cell: (r) => (<>{r.name}<span className="rpt-sub">{r.category}</span></>) },
              { label: 'Sold', num: true, cell: (r) => qty(r.quantity) },
              { label: 'Net', num: true, cell: (r) => money(r.net) },
            ]}
          />
        </ReportSection>

        <ReportSection title="Categories" hint="Net sales by menu category.">
          <ReportTable<Row<'categories'>>
            caption="Categories"
            rows={report.categories}
            rowKey={(r) => r.name}
            bar={(r) => r.net}
            empty="Nothing sold in this period."
            columns={[
              { label: 'Category', cell: (r) => r.name },
              { label: 'Sold', num: true, cell: (r) => qty(r.quantity) },
              { label: 'Net', num: true, cell: (r) => money(r.net) },
            ]}
          />
        </ReportSection>

        <ReportSection title="Options chosen" hint="How often each option was picked, and what it added to prices.">
          <ReportTable<Row<'modifiers'>>
            caption="Options chosen"
            rows={report.modifiers}
            rowKey={(r) => `${r.group}\u0000${r.name}`}
            bar={(r) => r.quantity}
            limit={12}
            empty="No options chosen in this period."
            columns={[
              { label: 'Option', cell: (r) => (<>{r.name}<span className="rpt-sub">{r.group}</span></>) },
              { label: 'Times', num: true, cell: (r) => `×${qty(r.quantity)}` },
              { label: 'Added', num: true, cell: (r) => money(r.revenue) },
            ]}
          />
        </ReportSection>

        <ReportSection title="By staff" hint="Orders each person rang up, and their net sales.">
          <ReportTable<Row<'staff'>>
            caption="Sales by staff"
            rows={report.staff}
            rowKey={(r, i) => `${r.name}\u0000${i}`}
            bar={(r) => r.net}
            empty="No sales in this period."
            columns={[
              { label: 'Person', cell: (r) => r.name },
              { label: 'Orders', num: true, cell: (r) => qty(r.orders) },
              { label: 'Net', num: true, cell: (r) => money(r.net) },
            ]}
          />
        </ReportSection>

        <ReportSection className="rpt-section--wide" title="By tender" hint="Money taken and handed back per way of paying.">
          <ReportTable<Row<'tenders'>>
            caption="Sales by tender"
            rows={report.tenders}
            rowKey={(r) => r.method}
            bar={(r) => r.collected}
            empty="No payments in this period."
            columns={[
              { label: 'Tender', cell: (r) => PAYMENT_LABELS[r.method] },
              { label: 'Payments', num: true, cell: (r) => qty(r.count) },
              { label: 'Sales', num: true, cell: (r) => money(r.sales) },
              { label: 'Refunded', num: true, cell: (r) => money(r.refunded) },
              { label: 'Collected', num: true, cell: (r) => money(r.collected) },
            ]}
          />
        </ReportSection>

        <ReasonSection title="Discounts" hint="Discounts given, by the reason typed at the till." caption="Discounts by reason" count="Times" rows={report.discounts} empty="No discounts in this period." money={money} qty={qty} />
        <ReasonSection title="Refunds" hint="Refunds and cancels issued in the period, by reason." caption="Refunds by reason" count="Refunds" rows={report.refunds} empty="No refunds in this period." money={money} qty={qty} />
      </div>
    </>
  );
}

/** Discounts and refunds read the same way: a reason, how many times, how much. */
function ReasonSection(props: {
  title: string;
  hint: string;
  caption: string;
  count: string;
  rows: Row<'discounts'>[];
  empty: string;
  money: (m: number) => string;
  qty: (n: number) => string;
}) {
  const { money, qty } = props;
  return (
    <ReportSection title={props.title} hint={props.hint}>
      <ReportTable<Row<'discounts'>>
        caption={props.caption}
        rows={props.rows}
        rowKey={(r) => r.reason}
        bar={(r) => r.amount}
        empty={props.empty}
        columns={[
          { label: 'Reason', cell: (r) => r.reason || 'No reason given' },
          { label: props.count, num: true, cell: (r) => qty(r.count) },
          { label: 'Amount', num: true, cell: (r) => money(r.amount) },
        ]}
      />
    </ReportSection>
  );
}
