import type { ReactNode } from 'react';
import type { ReportFigures as Figures } from '../../../../electron/shared/contract';
import { formatMoney, formatRate, type Currency, type Minor } from '../../../../electron/shared/money';
import { PAYMENT_LABELS } from '../../format';
import { TENDER_METHODS } from '../../../../electron/reports/figures';

export interface ReportRow {
  label: string;
  value: ReactNode;
  /** A total line: bold, with a rule above. */
  total?: boolean;
  /** Indented under the line before (tax by rate). */
  sub?: boolean;
}

/** A card with a title and label/value rows: one block of a report. */
export function ReportCard({ title, rows, children }: { title: string; rows?: ReportRow[]; children?: ReactNode }) {
  return (
    <section className="report-card" aria-label={title}>
      <h4 className="report-card-title">{title}</h4>
      {rows && (
        <table className="report-table report-table--kv">
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.label}-${i}`} className={`${r.total ? 'report-row--total' : ''}${r.sub ? ' report-row--sub' : ''}`.trim() || undefined}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </section>
  );
}

/** "−₱20.00" for something taken off (or ₱0.00). */
export function minus(amount: Minor, currency: Currency): string {
  return amount === 0 ? formatMoney(0, currency) : `−${formatMoney(amount, currency)}`;
}

/** "+₱20.00" for something added (or ₱0.00). */
export function plus(amount: Minor, currency: Currency): string {
  return amount === 0 ? formatMoney(0, currency) : `+${formatMoney(amount, currency)}`;
}

interface ReportFiguresProps {
  figures: Figures;
  currency: Currency;
  firstOrderNumber: string | null;
  lastOrderNumber: string | null;
  /** Rows added to the cash drawer card after "Expected cash" (the Z report's counted and variance). */
  cashRows?: ReportRow[];
  /** Extra content at the end of the cash drawer card. */
  cashExtra?: ReactNode;
}

/**
 * The figures of an X or Z report as readable tables: sales, tax by rate, collected by tender,
 * the cash drawer, counts, and net sales by category and by staff. Every number is main's
 * (electron/reports/figures.ts); nothing is added up here.
 */
export function ReportFigures({ figures: f, currency, firstOrderNumber, lastOrderNumber, cashRows = [], cashExtra }: ReportFiguresProps) {
  const money = (m: Minor) => formatMoney(m, currency);
  const taxRows: ReportRow[] = f.taxByRate.map((t) => ({ label: `Tax at ${formatRate(t.rateBp)}`, value: money(t.tax), sub: true }));

  return (
    <div className="report-grid">
      <ReportCard
        title="Sales"
        rows={[
          { label: 'Gross sales', value: money(f.gross) },
          { label: 'Discounts', value: minus(f.discounts, currency) },
          { label: 'Refunds', value: minus(f.refunds, currency) },
          { label: 'Net sales', value: money(f.net), total: true },
          ...(f.taxAdded !== 0 ? [{ label: 'Tax added on top of prices', value: plus(f.taxAdded, currency) }] : []),
          { label: 'Tax', value: money(f.tax) },
          ...taxRows,
        ]}
      />

      <ReportCard title="Collected by tender">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Tender</th>
              <th scope="col" className="num">
                Sales
              </th>
              <th scope="col" className="num">
                Refunded
              </th>
              <th scope="col" className="num">
                Collected
              </th>
            </tr>
          </thead>
          <tbody>
            {TENDER_METHODS.map((m) => (
              <tr key={m}>
                <th scope="row">{PAYMENT_LABELS[m]}</th>
                <td className="num">{money(f.tenders[m].sales)}</td>
                <td className="num">{minus(f.tenders[m].refunded, currency)}</td>
                <td className="num">{money(f.tenders[m].collected)}</td>
              </tr>
            ))}
            <tr className="report-row--total">
              <th scope="row" colSpan={3}>
                Total collected
              </th>
              <td className="num">{money(f.collected)}</td>
            </tr>
          </tbody>
        </table>
      </ReportCard>

      <ReportCard
        title="Cash drawer"
        rows={[
          { label: 'Opening float', value: money(f.drawer.openingFloat) },
          { label: 'Cash sales', value: plus(f.drawer.cashSales, currency) },
          { label: 'Cash refunds', value: minus(f.drawer.cashRefunds, currency) },
          { label: 'Pay-ins', value: plus(f.drawer.payIns, currency) },
          { label: 'Pay-outs', value: minus(f.drawer.payOuts, currency) },
          { label: 'Safe drops', value: minus(f.drawer.safeDrops, currency) },
          { label: 'Expected cash', value: money(f.expectedCash), total: true },
          ...cashRows,
        ]}
      >
        {cashExtra}
      </ReportCard>

      <ReportCard
        title="Orders"
        rows={[
          { label: 'Orders', value: String(f.ordersCount) },
          { label: 'Average order', value: money(f.averageOrder) },
          { label: 'Refunds', value: String(f.refundsCount) },
          { label: 'Cancellations', value: String(f.cancellations) },
          { label: 'First order', value: firstOrderNumber ?? '—' },
          { label: 'Last order', value: lastOrderNumber ?? '—' },
        ]}
      />

      <ReportCard title="Net sales by category">
        <SplitTable rows={f.byCategory} what="Category" currency={currency} />
      </ReportCard>
      <ReportCard title="Net sales by staff">
        <SplitTable rows={f.byStaff} what="Staff" currency={currency} />
      </ReportCard>
    </div>
  );
}

function SplitTable({ rows, what, currency }: { rows: { name: string; net: Minor }[]; what: string; currency: Currency }) {
  if (rows.length === 0) return <p className="muted">No sales yet.</p>;
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col" className="num">
            Net sales
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{formatMoney(r.net, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
