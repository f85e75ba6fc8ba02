// Contract, reports: the back office's sales reports (manager and owner). Every money figure comes
// from reports/figures.ts over the daily rollups (the same definitions as the X/Z reports).
import { z } from 'zod';
import type { Currency, Minor } from '../money';
import { day } from '../schemas';
import { channel } from './channel';
import type { PaymentMethod } from './orders';

export type ReportBucket = 'hour' | 'day' | 'week' | 'month';
export const REPORT_BUCKETS: readonly ReportBucket[] = ['hour', 'day', 'week', 'month'];
/** The longest period one report covers (about three years). */
export const MAX_REPORT_DAYS = 1100;

/** Hour bars beyond two weeks (336 of them) are too thin to read or tap: main refuses them. */
export const MAX_HOUR_BUCKET_DAYS = 14;

/** The buckets a report uses when none is chosen: hours for a day or two, days up to about six weeks, weeks up to half a year, then months. */
export function defaultBucket(days: number): ReportBucket {
  return days <= 2 ? 'hour' : days <= 45 ? 'day' : days <= 190 ? 'week' : 'month';
}

/** Business days, inclusive. */
export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
}

/** The headline figures of a period (definitions: README "Money figures"). */
export interface SummaryFigures {
  gross: Minor;
  discounts: Minor;
  refunds: Minor;
  net: Minor;
  tax: Minor;
  /** Tax charged on top of prices (tax-exclusive shops); 0 when prices include tax. */
  taxAdded: Minor;
  taxByRate: { rateBp: number; tax: Minor }[];
  tenders: Record<PaymentMethod, { sales: Minor; refunded: Minor; collected: Minor }>;
  collected: Minor;
  ordersCount: number;
  refundsCount: number;
  cancellations: number;
  averageOrder: Minor;
}

/** Change against the previous period of the same length, in basis points (1250 = +12.5%); null when the previous figure is 0. */
export type SummaryChange = Record<'gross' | 'discounts' | 'refunds' | 'net' | 'tax' | 'collected' | 'ordersCount' | 'averageOrder', number | null>;

export interface SalesReport {
  currency: Currency;
  timezone: string;
  period: ReportPeriod;
  /** The same number of days just before `period`. */
  previous: ReportPeriod;
  summary: SummaryFigures;
  previousSummary: SummaryFigures;
  change: SummaryChange;
  bucket: ReportBucket;
  /**
   * Sales over time, every bucket of the period in order (empty buckets included, so a chart has
   * no gaps). key: '2026-11-30T08' (hour), '2026-11-30' (day), '2026-W48' (ISO week of the
   * business day), '2026-11' (month).
   */
  series: { key: string; label: string; orders: number; gross: Minor; net: Minor }[];
  /** Hour × weekday of the business day (weekday 0 = Monday; hour 0–23 local): only cells with sales. */
  heatmap: { weekday: number; hour: number; orders: number; net: Minor }[];
  /** Best sellers by net, then quantity; an item's category is today's menu's. */
  items: { itemId: string; name: string; category: string; quantity: number; net: Minor }[];
  categories: { name: string; quantity: number; net: Minor }[];
  /** Options chosen ("how many oat milks"): quantity sold and what they added to prices. */
  modifiers: { group: string; name: string; quantity: number; revenue: Minor }[];
  staff: { name: string; orders: number; net: Minor }[];
  tenders: { method: PaymentMethod; count: number; sales: Minor; refunded: Minor; collected: Minor }[];
  /** Discounts given, by the reason typed at the till (several reasons on one order read "a; b"). */
  discounts: { reason: string; count: number; amount: Minor }[];
  /** Refunds issued in the period, by reason; cancels included. */
  refunds: { reason: string; count: number; amount: Minor }[];
}

/** Business days from..to: a real order, at most MAX_REPORT_DAYS long. */
function periodOf<T extends z.ZodObject<{ from: typeof day; to: typeof day }>>(shape: T) {
  return shape
    .refine((p) => p.from <= p.to, { message: 'The end date is before the start date', path: ['to'] })
    .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < MAX_REPORT_DAYS, { message: 'Choose at most three years', path: ['to'] });
}
const period = periodOf(z.strictObject({ from: day, to: day }));
const reportInput = periodOf(z.strictObject({ from: day, to: day, bucket: z.enum(['hour', 'day', 'week', 'month'], 'Choose hour, day, week or month').optional() }));

export const reportChannels = {
  'reports.sales': channel<SalesReport>()({
    input: reportInput,
    permission: 'reports.view',
    summary: 'The sales report of business days from..to: summary vs the previous period, sales over time, heatmap, best sellers, staff, tenders, discounts and refunds.',
  }),
  'reports.exportCsv': channel<{ saved: boolean; path: string | null; rows: number }>()({
    input: reportInput,
    permission: 'reports.view',
    summary: 'Save the report of from..to as CSV (asks where): one section per table of the report.',
  }),
  'reports.print': channel<{ printer: string }>()({
    input: period,
    permission: 'reports.view',
    summary: 'Print the sales summary of from..to.',
  }),
  'reports.savePdf': channel<{ saved: boolean; path: string | null }>()({
    input: period,
    permission: 'reports.view',
    summary: 'Save the sales summary of from..to as a PDF (asks where).',
  }),
};
