// The history screen's filter form, and how it becomes the contract's OrderFilters. Days are
// counted from main's business day (`today` from the last page), never the browser's clock.
import type { OrderFilters, PaymentMethod, HistoryStatus } from '../../../../electron/shared/contract';
import { parseMoney } from '../../../../electron/shared/money';

export type DatePreset = 'all' | 'today' | 'yesterday' | 'week' | 'month' | 'custom';

export const DATE_PRESETS: { value: DatePreset; label: string }[] = [
  { value: 'all', label: 'All dates' },
  { value: 'today', label: 'Today' },
  { value: 'yesterday', label: 'Yesterday' },
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'custom', label: 'Custom' },
];

/** What the person has set on the filter bar (text as typed). */
export interface HistoryForm {
  /** Order number, or part of a customer's name or phone. */
  query: string;
  preset: DatePreset;
  customFrom: string;
  customTo: string;
  staffId: string;
  tender: PaymentMethod | '';
  status: HistoryStatus | '';
  item: string;
  minTotal: string;
  maxTotal: string;
}

export const EMPTY_FORM: HistoryForm = {
  query: '',
  preset: 'all',
  customFrom: '',
  customTo: '',
  staffId: '',
  tender: '',
  status: '',
  item: '',
  minTotal: '',
  maxTotal: '',
};

// ---------- days (YYYY-MM-DD arithmetic in UTC, so no zone of this computer gets in) ----------

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number): string => toDay(ms(day) + n * DAY_MS);
/** The Monday of the week `day` is in. */
export const mondayOf = (day: string): string => addDays(day, -((new Date(ms(day)).getUTCDay() + 6) % 7));
export const firstOfMonth = (day: string): string => `${day.slice(0, 8)}01`;

/** The business days a preset means, counted from main's `today`. */
export function presetDays(preset: DatePreset, today: string, custom: { from: string; to: string } = { from: '', to: '' }): { from?: string; to?: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'week':
      return { from: mondayOf(today), to: today };
    case 'month':
      return { from: firstOfMonth(today), to: today };
    case 'custom':
      return { ...(custom.from && { from: custom.from }), ...(custom.to && { to: custom.to }) };
    default:
      return {};
  }
}

// ---------- the search box ----------

const SHORT_NUMBER = /^#\d{1,4}$|^\d{1,3}$/;
const FULL_NUMBER = /^[A-Za-z0-9]{1,12}-[A-Za-z0-9]{1,12}-\d{8}-\d{1,6}$/;

/**
 * One box for the order number and the customer: "#42", "42" (up to three digits: today's
 * numbers) or the full number from the receipt search numbers; anything else (a name, or a phone
 * of four digits or more) searches customers.
 */
export function readQuery(query: string): { number?: string; customer?: string } {
  const q = query.trim();
  if (!q) return {};
  if (SHORT_NUMBER.test(q) || FULL_NUMBER.test(q)) return { number: q };
  return { customer: q.slice(0, 60) };
}

/** What the box is searching, in words, under it. */
export function queryHint(query: string): string {
  const read = readQuery(query);
  if (read.number) return `Order number ${read.number.startsWith('#') || read.number.includes('-') ? read.number : `#${read.number}`}`;
  if (read.customer) return /^[\d\s()+.-]+$/.test(read.customer) ? 'Customer phone' : 'Customer name or phone';
  return '#42 for an order, or a name or phone';
}

/** The filters to send, or the field errors to show instead. */
export function toFilters(form: HistoryForm, today: string | null): { filters: OrderFilters } | { errors: Partial<Record<keyof HistoryForm, string>> } {
  const errors: Partial<Record<keyof HistoryForm, string>> = {};
  const minTotal = form.minTotal.trim() ? parseMoney(form.minTotal) : undefined;
  const maxTotal = form.maxTotal.trim() ? parseMoney(form.maxTotal) : undefined;
  if (minTotal === null) errors.minTotal = 'Enter an amount like 150 or 150.50';
  if (maxTotal === null) errors.maxTotal = 'Enter an amount like 150 or 150.50';
  if (typeof minTotal === 'number' && typeof maxTotal === 'number' && minTotal > maxTotal) errors.maxTotal = 'The smallest total is more than the largest';
  if (form.preset === 'custom' && form.customFrom && form.customTo && form.customFrom > form.customTo) errors.customTo = 'The end date is before the start date';
  if (Object.keys(errors).length) return { errors };
  // Baristas are offered no dates (main holds them to today whatever is sent): their preset stays 'all'.
  const custom = { from: form.customFrom, to: form.customTo };
  const days = form.preset === 'custom' || today ? presetDays(form.preset, today ?? '', custom) : {};
  const item = form.item.trim().slice(0, 60);
  return {
    filters: {
      ...readQuery(form.query),
      ...days,
      ...(form.staffId && { staffId: form.staffId }),
      ...(form.tender && { tender: form.tender }),
      ...(form.status && { status: form.status }),
      ...(item && { item }),
      ...(typeof minTotal === 'number' && { minTotal }),
      ...(typeof maxTotal === 'number' && { maxTotal }),
    },
  };
}

/** How many of the "More" filters are set (shown on the button). */
export const moreCount = (form: HistoryForm): number => [form.item, form.minTotal, form.maxTotal].filter((v) => v.trim()).length;

/** Nothing narrows the list (what "Clear" would give). */
export const isEmptyForm = (form: HistoryForm): boolean =>
  !form.query.trim() && form.preset === 'all' && !form.staffId && !form.tender && !form.status && moreCount(form) === 0;
