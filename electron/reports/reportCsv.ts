// A sales report as one CSV file: a section per table of the report (a title row, a header row,
// its rows, a blank row), so one spreadsheet sheet holds the whole report. Written like every CSV
// of the app (menuCsv.ts): csv-stringify, CRLF and a BOM; every text cell through neutralise (a
// reason or a name typed as "=HYPERLINK(…)" stays text) and money as plain decimals (csvMoney).
import { stringify } from 'csv-stringify/sync';
import { csvMoney, neutralise } from '../core/csvCells';
import type { SalesReport } from '../shared/contract';
import { formatRate, type Minor } from '../shared/money';
import { METHOD } from '../receipts/receiptHtml';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A change in basis points as a percentage cell ("12.50", "-3.00"); empty when there is nothing to compare with. */
export function changeCell(bp: number | null): string {
  if (bp === null) return '';
  const abs = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

type Cell = string | number;

export function reportCsv(report: SalesReport): { csv: string; rows: number } {
  const out: Cell[][] = [];
  let rows = 0;
  const section = (title: string, header: string[], body: Cell[][]) => {
    if (out.length > 0) out.push([]);
    out.push([title], header, ...body);
    rows += body.length;
  };
  const s = report.summary;
  const p = report.previousSummary;
  const c = report.change;
  const money = (m: Minor) => csvMoney(m);

  section('Summary', ['Figure', 'This period', 'Previous period', 'Change (%)'], [
    ['Period', `${report.period.from} to ${report.period.to}`, `${report.previous.from} to ${report.previous.to}`, ''],
    ['Currency', report.currency, report.currency, ''],
    ['Gross sales', money(s.gross), money(p.gross), changeCell(c.gross)],
    ['Discounts', money(s.discounts), money(p.discounts), ''],
    ['Refunds', money(s.refunds), money(p.refunds), changeCell(c.refunds)],
    ['Net sales', money(s.net), money(p.net), changeCell(c.net)],
    ['Tax', money(s.tax), money(p.tax), ''],
    ...(s.taxAdded || p.taxAdded ? [['Tax added to prices', money(s.taxAdded), money(p.taxAdded), '']] : []),
    ...s.taxByRate.map((r) => [`Tax at ${formatRate(r.rateBp)}`, money(r.tax), money(p.taxByRate.find((x) => x.rateBp === r.rateBp)?.tax ?? 0), '']),
    ...(['cash', 'card', 'other'] as const).map((m) => [`Collected: ${METHOD[m]}`, money(s.tenders[m].collected), money(p.tenders[m].collected), '']),
    ['Collected', money(s.collected), money(p.collected), changeCell(c.collected)],
    ['Orders', s.ordersCount, p.ordersCount, changeCell(c.ordersCount)],
    ['Average order', money(s.averageOrder), money(p.averageOrder), changeCell(c.averageOrder)],
    ['Refunds issued', s.refundsCount, p.refundsCount, ''],
    ['Cancellations', s.cancellations, p.cancellations, ''],
  ]);
  section(
    'Sales over time',
    ['Bucket', 'Label', 'Orders', 'Gross sales', 'Net sales'],
    report.series.map((b) => [b.key, b.label, b.orders, money(b.gross), money(b.net)]),
  );
  section(
    'Heatmap',
    ['Weekday', 'Hour', 'Orders', 'Net sales'],
    report.heatmap.map((h) => [WEEKDAYS[h.weekday]!, `${String(h.hour).padStart(2, '0')}:00`, h.orders, money(h.net)]),
  );
  section('Items', ['Item', 'Category', 'Quantity', 'Net sales'], report.items.map((i) => [i.name, i.category, i.quantity, money(i.net)]));
  section('Categories', ['Category', 'Quantity', 'Net sales'], report.categories.map((x) => [x.name, x.quantity, money(x.net)]));
  section('Options', ['Group', 'Option', 'Quantity', 'Added to prices'], report.modifiers.map((m) => [m.group, m.name, m.quantity, money(m.revenue)]));
  section('Staff', ['Name', 'Orders', 'Net sales'], report.staff.map((x) => [x.name, x.orders, money(x.net)]));
  section(
    'Tenders',
    ['Tender', 'Payments', 'Sales', 'Refunded', 'Collected'],
    report.tenders.map((t) => [METHOD[t.method] ?? t.method, t.count, money(t.sales), money(t.refunded), money(t.collected)]),
  );
  section('Discounts', ['Reason', 'Orders', 'Amount'], report.discounts.map((d) => [d.reason, d.count, money(d.amount)]));
  section('Refunds', ['Reason', 'Refunds', 'Amount handed back'], report.refunds.map((r) => [r.reason, r.count, money(r.amount)]));

  // Numbers are ours and stay numbers; every text cell (names, reasons, labels) is neutralised.
  const records = out.map((r) => r.map((cell) => (typeof cell === 'number' ? String(cell) : neutralise(cell))));
  return { csv: `\ufeff${stringify(records, { record_delimiter: 'windows' })}`, rows };
}
