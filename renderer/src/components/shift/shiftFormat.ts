// Words and small display helpers for the shift, drawer and Z report screens.
import type { DrawerMovementKind, DrawerMovementView } from '../../../../electron/shared/contract';
import { formatMoney, type Currency, type Minor } from '../../../../electron/shared/money';

export const MOVEMENT_LABELS: Record<DrawerMovementKind, string> = {
  pay_in: 'Pay in',
  pay_out: 'Pay out',
  safe_drop: 'Safe drop',
  no_sale: 'No sale',
};

/** Pay-out categories offered (free text is allowed by main; these are the usual ones). */
export const PAY_OUT_CATEGORIES = ['Supplies', 'Delivery', 'Wages', 'Other'] as const;

const KIND_SIGN: Record<DrawerMovementKind, number> = { pay_in: 1, pay_out: -1, safe_drop: -1, no_sale: 0 };

/** What a movement did to the cash in the drawer: +₱500.00 for a pay-in, −₱200.00 for a pay-out, 0 for a no-sale. */
export function drawerEffect(m: Pick<DrawerMovementView, 'kind' | 'amount'>): Minor {
  return KIND_SIGN[m.kind] * m.amount;
}

/** "+₱500.00", "−₱200.00", or "—" when nothing moved. */
export function signedMoney(amount: Minor, currency: Currency): string {
  if (amount === 0) return '—';
  return amount > 0 ? `+${formatMoney(amount, currency)}` : `−${formatMoney(-amount, currency)}`;
}

/** A note or coin as it is called: "₱1,000", "₱20", "₱0.25". */
export function denominationLabel(value: Minor, currency: Currency): string {
  const text = formatMoney(value, currency);
  return value % 100 === 0 ? text.replace(/\.00$/, '') : text;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayFormatYear = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A business day ("2026-11-30") as "Mon 30 Nov" (with the year when it is not `today`'s year). */
export function formatBusinessDay(day: string, today?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const sameYear = !today || today.slice(0, 4) === day.slice(0, 4);
  return (sameYear ? dayFormat : dayFormatYear).format(date).replace(',', '');
}

/** A variance in words: "Short ₱20.00", "Over ₱5.00" or "Exact". */
export function varianceWords(variance: Minor, currency: Currency): string {
  if (variance === 0) return 'Exact';
  return variance < 0 ? `Short ${formatMoney(-variance, currency)}` : `Over ${formatMoney(variance, currency)}`;
}

/** The first characters of a hash, grouped for reading aloud: "3f9a 12c0 …". */
export function shortHash(hash: string): string {
  const head = hash.slice(0, 16);
  return head.replace(/(.{4})(?=.)/g, '$1 ');
}

/** "Wed 2 Dec, 07:36" in the shop's time zone: a report's opened/closed times. */
export function shortDateTime(epochMs: number, timeZone?: string): string {
  let zone: string | undefined = timeZone;
  try {
    if (zone) new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    zone = undefined;
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`;
}
