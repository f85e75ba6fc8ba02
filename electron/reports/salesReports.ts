// The sales report of a period, built on a read worker (core/readJobs.ts) from the daily rollups:
// the period's rows summed per dimension (one range of the primary key), the previous period's
// headline rows, and the per-day total and hour rows for the charts. Every money figure goes
// through the figures module (FigureTotals + summaryOf), as the X/Z reports' do. Item names and
// categories are today's menu's, as in every report.
import { defaultBucket, MAX_HOUR_BUCKET_DAYS, type ReportBucket, type SalesReport } from '../shared/contract';
import { mulDivRoundHalfUp, type Currency, type Minor } from '../shared/money';
import { invalid } from '../core/errors';
import type { ReadDb, ReadJob } from '../core/readJobs';
import { prepared } from '../core/readStatements';
import { FigureTotals, netOf, summaryOf, TENDER_METHODS, type RollupAmounts, type SummaryFigures } from './figures';
import { MODIFIER_SEPARATOR, type RollupDim } from './rollupFacts';
import {
  bucketKey,
  dayLabel,
  hourBucketKey,
  hoursOfBusinessDay,
  monthLabel,
  periodsOf,
  weekLabel,
  addDays,
} from './reportPeriods';
import { UNCATEGORISED } from './salesRecords';

export interface SalesReportArgs {
  from: string;
  to: string;
  bucket?: ReportBucket;
  /** The shop's, from main's settings (the worker reads no settings). */
  timezone: string;
  currency: Currency;
  businessDayStartMinutes: number;
}

/** The dimensions the headline figures need (summaryOf). */
const SUMMARY_DIMS = `('total', 'pricing', 'rate', 'tender', 'refundKind')`;

/**
 * Every query of a report: each seeks one range of the rollups' primary key (the bench prints their
 * plans). What a year needs is summed in SQLite, so a few hundred rows cross into JavaScript.
 */
export const REPORT_SQL = {
  period: `select dim, key, sum(n), sum(qty), sum(gross), sum(discounts), sum(refunds), sum(tax) from sales_rollups
            where business_day between ? and ? group by dim, key`,
  previous: `select dim, key, sum(n), sum(qty), sum(gross), sum(discounts), sum(refunds), sum(tax) from sales_rollups
              where business_day between ? and ? and dim in ${SUMMARY_DIMS} group by dim, key`,
  /** Each day's total row: the day, week and month buckets. */
  days: `select business_day, n, gross, discounts, refunds from sales_rollups where business_day between ? and ? and dim = 'total'`,
  /** Each day's hours: hour buckets (at most 31 days). */
  hours: `select business_day, key, n, gross, discounts, refunds from sales_rollups where business_day between ? and ? and dim = 'hour'`,
  /** Hour × weekday of the business day (Monday = 0), summed in SQLite: at most 168 rows whatever the period. */
  heatmap: `select (cast(strftime('%w', business_day) as integer) + 6) % 7, key, sum(n), sum(gross - discounts - refunds) from sales_rollups
             where business_day between ? and ? and dim = 'hour' group by 1, 2`,
  item: `select m.name, c.name from menu_items m left join categories c on c.id = m.category_id where m.id = ?`,
} as const;

type SumRow = [dim: RollupDim, key: string, n: number, qty: number, gross: Minor, discounts: Minor, refunds: Minor, tax: Minor];
type DayRow = [day: string, n: number, gross: Minor, discounts: Minor, refunds: Minor];
type HourRow = [day: string, key: string, n: number, gross: Minor, discounts: Minor, refunds: Minor];
type HeatRow = [weekday: number, key: string, orders: number, net: Minor];

function totalsOf(db: ReadDb, sql: string, from: string, to: string): FigureTotals {
  const totals = new FigureTotals();
  for (const [dim, key, n, qty, gross, discounts, refunds, tax] of prepared<[string, string], SumRow>(db, sql).raw().all(from, to)) {
    totals.add('', dim, key, n, qty, gross, discounts, refunds, tax);
  }
  return totals;
}

/** (current − previous) ÷ |previous| in basis points, rounded half away from zero; null when previous is 0. */
export function changeBp(current: number, previous: number): number | null {
  if (previous === 0) return null;
  const diff = current - previous;
  const bp = mulDivRoundHalfUp(Math.abs(diff), 10_000, Math.abs(previous));
  return diff < 0 ? 0 - bp : bp; // 0 − bp: a fall too small to show is 0, not −0
}

const byNetThen = <T extends { net: Minor; quantity: number; name: string }>(a: T, b: T) => b.net - a.net || b.quantity - a.quantity || a.name.localeCompare(b.name);
const NO_REASON = 'No reason given';

export function salesReport(db: ReadDb, args: SalesReportArgs): SalesReport {
  const { period, previous } = periodsOf(args.from, args.to);
  if (period.days < 1) throw invalid('The end date is before the start date', { to: 'The end date is before the start date' });
  const bucket = args.bucket ?? defaultBucket(period.days);
  if (bucket === 'hour' && period.days > MAX_HOUR_BUCKET_DAYS) {
    throw invalid(`Hours can be shown for at most ${MAX_HOUR_BUCKET_DAYS} days: choose days, weeks or months`, { bucket: 'Choose days, weeks or months for a longer period' });
  }

  const totals = totalsOf(db, REPORT_SQL.period, period.from, period.to);
  const summary: SummaryFigures = summaryOf(totals);
  const previousSummary = summaryOf(totalsOf(db, REPORT_SQL.previous, previous.from, previous.to));

  const cellOf = (n: number, gross: Minor, discounts: Minor, refunds: Minor): Cell => ({ orders: n, gross, net: gross - discounts - refunds });
  const days = new Map<string, Cell>();
  const hours = new Map<string, Cell>();
  if (bucket === 'hour') {
    for (const [day, key, n, gross, discounts, refunds] of prepared<[string, string], HourRow>(db, REPORT_SQL.hours).raw().all(period.from, period.to)) {
      hours.set(hourBucketKey(day, key), cellOf(n, gross, discounts, refunds));
    }
  } else {
    for (const [day, n, gross, discounts, refunds] of prepared<[string, string], DayRow>(db, REPORT_SQL.days).raw().all(period.from, period.to)) {
      days.set(day, cellOf(n, gross, discounts, refunds));
    }
  }
  const heatmap = prepared<[string, string], HeatRow>(db, REPORT_SQL.heatmap)
    .raw()
    .all(period.from, period.to)
    .map(([weekday, key, orders, net]) => ({ weekday, hour: Number(key), orders, net }))
    .filter((c) => c.orders !== 0 || c.net !== 0)
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);

  return {
    currency: args.currency,
    timezone: args.timezone,
    period,
    previous,
    summary,
    previousSummary,
    change: {
      gross: changeBp(summary.gross, previousSummary.gross),
      discounts: changeBp(summary.discounts, previousSummary.discounts),
      refunds: changeBp(summary.refunds, previousSummary.refunds),
      net: changeBp(summary.net, previousSummary.net),
      tax: changeBp(summary.tax, previousSummary.tax),
      collected: changeBp(summary.collected, previousSummary.collected),
      ordersCount: changeBp(summary.ordersCount, previousSummary.ordersCount),
      averageOrder: changeBp(summary.averageOrder, previousSummary.averageOrder),
    },
    bucket,
    series: seriesOf(period.from, period.to, bucket, args.businessDayStartMinutes, days, hours),
    heatmap,
    ...itemsOf(db, totals),
    modifiers: [...totals.of('modifier')]
      .map(([key, a]) => {
        const cut = key.indexOf(MODIFIER_SEPARATOR);
        return { group: key.slice(0, cut), name: key.slice(cut + 1), quantity: a.qty, revenue: a.gross };
      })
      .sort((a, b) => b.quantity - a.quantity || b.revenue - a.revenue || a.group.localeCompare(b.group) || a.name.localeCompare(b.name)),
    staff: [...totals.of('staff')]
      .map(([name, a]) => ({ name, orders: a.n, net: netOf(a) }))
      .sort((a, b) => b.net - a.net || b.orders - a.orders || a.name.localeCompare(b.name)),
    tenders: TENDER_METHODS.map((method) => ({ method, a: totals.get('tender', method) }))
      .filter(({ a }) => a.n !== 0 || a.gross !== 0 || a.refunds !== 0)
      .map(({ method, a }) => ({ method, count: a.n, sales: a.gross, refunded: a.refunds, collected: a.gross - a.refunds })),
    discounts: reasons(totals.of('discountReason'), (a) => a.discounts),
    refunds: reasons(totals.of('refundReason'), (a) => a.refunds),
  };
}

function reasons(rows: ReadonlyMap<string, RollupAmounts>, amountOf: (a: RollupAmounts) => Minor): { reason: string; count: number; amount: Minor }[] {
  const merged = new Map<string, { reason: string; count: number; amount: Minor }>();
  for (const [key, a] of rows) {
    const reason = key.trim() === '' ? NO_REASON : key;
    const at = merged.get(reason) ?? { reason, count: 0, amount: 0 };
    at.count += a.n;
    at.amount += amountOf(a);
    merged.set(reason, at);
  }
  return [...merged.values()].sort((a, b) => b.amount - a.amount || b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Best sellers (named and categorised by today's menu: a deleted item is Uncategorised) and their categories. */
function itemsOf(db: ReadDb, totals: FigureTotals): Pick<SalesReport, 'items' | 'categories'> {
  const lookup = prepared<[string], [string, string | null]>(db, REPORT_SQL.item).raw();
  const items: SalesReport['items'] = [];
  const categories = new Map<string, { name: string; quantity: number; net: Minor }>();
  for (const [itemId, a] of totals.of('item')) {
    const [name, category] = lookup.get(itemId) ?? ['Unknown item', null];
    const item = { itemId, name, category: category ?? UNCATEGORISED, quantity: a.qty, net: netOf(a) };
    items.push(item);
    const c = categories.get(item.category) ?? { name: item.category, quantity: 0, net: 0 };
    c.quantity += item.quantity;
    c.net += item.net;
    categories.set(item.category, c);
  }
  return { items: items.sort((a, b) => byNetThen(a, b) || a.itemId.localeCompare(b.itemId)), categories: [...categories.values()].sort(byNetThen) };
}

type Cell = { orders: number; gross: Minor; net: Minor };

/** Every bucket of the period in order, empty ones included. */
function seriesOf(from: string, to: string, bucket: ReportBucket, dayStartMinutes: number, days: Map<string, Cell>, hours: Map<string, Cell>): SalesReport['series'] {
  const out: SalesReport['series'] = [];
  const oneDay = from === to;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (bucket === 'hour') {
      for (const h of hoursOfBusinessDay(dayStartMinutes)) {
        const hh = String(h).padStart(2, '0');
        const key = hourBucketKey(day, hh);
        const cell = hours.get(key);
        out.push({ key, label: oneDay ? `${hh}:00` : `${dayLabel(day)} ${hh}:00`, orders: cell?.orders ?? 0, gross: cell?.gross ?? 0, net: cell?.net ?? 0 });
      }
      continue;
    }
    const key = bucketKey(day, bucket);
    let last = out.at(-1);
    if (last?.key !== key) {
      last = { key, label: bucket === 'day' ? dayLabel(day) : bucket === 'week' ? weekLabel(day) : monthLabel(day), orders: 0, gross: 0, net: 0 };
      out.push(last);
    }
    const cell = days.get(day);
    if (cell) {
      last.orders += cell.orders;
      last.gross += cell.gross;
      last.net += cell.net;
    }
  }
  return out;
}

export const reportJobs = {
  'reports.sales': ((db, args) => salesReport(db, args)) as ReadJob<SalesReportArgs, SalesReport>,
};
