// Display helpers. Money arrives as integer minor units from main; here it is only formatted.
import type { OrderStatus, PaymentMethod } from '../../electron/shared/contract';
import { formatMoney, formatRate, type Currency } from '../../electron/shared/money';

export { formatMoney, formatRate } from '../../electron/shared/money';

/** "Tax (12%, included)" or "Tax (12%)". */
export function taxLabel(rateBp: number, pricesIncludeTax: boolean): string {
  return `Tax (${formatRate(rateBp)}${pricesIncludeTax ? ', included' : ''})`;
}

function safeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** "09:30" in the shop's time zone (24-hour). */
export function formatTime(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: safeZone(timeZone) }).format(
    new Date(epochMs),
  );
}

/** "Mon 23 Nov 2026, 09:30". */
export function formatDateTime(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: safeZone(timeZone),
  }).format(new Date(epochMs));
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  preparing: 'Preparing',
  ready: 'Ready',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function itemCountLabel(n: number): string {
  return n === 0 ? 'No items' : n === 1 ? '1 item' : `${n} items`;
}

/** "10" or "7.5" (percent, up to two decimals) → basis points (1000, 750), integer math only; null if not a percent. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 750 → "7.5": the plain form a person would type (parsePercentBp's inverse). */
export function toPercentInput(bp: number): string {
  return formatRate(bp).replace('%', '');
}

/** True while a lockout (epoch ms) is still running. */
export function isLockedNow(lockedUntil: number | null, now = Date.now()): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/** Shorten long text for a table cell, with an ellipsis. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function brief(v: unknown): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * An audit entry's old → new values in one short line: for two objects only the keys that
 * changed ("price: 16500 → 17000"), otherwise both values compacted.
 */
export function describeChange(oldValue: string | null, newValue: string | null): string {
  if (oldValue === null && newValue === null) return '';
  const before = parseJson(oldValue);
  const after = parseJson(newValue);
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (keys.length === 0) return 'no change';
    return keys.map((k) => `${k}: ${brief(before[k])} → ${brief(after[k])}`).join(', ');
  }
  if (oldValue === null) return brief(after);
  if (newValue === null) return `${brief(before)} → (removed)`;
  return `${brief(before)} → ${brief(after)}`;
}

/** "23 Nov 2026". */
export function formatDate(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: safeZone(timeZone) }).format(
    new Date(epochMs),
  );
}

/** A modifier's price change as a shopper reads it: "+₱30.00", "−₱10.00", or "" when it costs nothing extra. */
export function formatDelta(delta: number, currency: Currency): string {
  if (delta === 0) return '';
  return delta > 0 ? `+${formatMoney(delta, currency)}` : `−${formatMoney(-delta, currency)}`;
}

/** "Large · Oat · Extra shot". */
export function optionsSummary(names: readonly string[]): string {
  return names.join(' · ');
}

/** "Just now", "1 min", "12 min", "1 h 05 min" since an epoch ms. */
export function waitingLabel(sinceMs: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - sinceMs) / 60_000));
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const PAYMENT_LABELS: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

const AUDIT_ACTIONS: Record<string, string> = {
  'shop.setup': 'Shop set up',
  'staff.create': 'Person added',
  'staff.update': 'Person edited',
  'staff.role.change': 'Role changed',
  'staff.deactivate': 'Person deactivated',
  'staff.reactivate': 'Person reactivated',
  'staff.pin.reset': 'PIN reset',
  'staff.password.reset': 'Password reset',
  'staff.pin.change': 'Own PIN changed',
  'staff.password.change': 'Own password changed',
  'staff.unlock': 'Account unlocked',
  'menu.item.price': 'Price changed',
  'menu.item.update': 'Menu item changed',
  'cart.discount': 'Order discount',
  'cart.discount.remove': 'Order discount removed',
  'cart.line.discount': 'Line discount',
  'cart.line.discount.remove': 'Line discount removed',
  'order.checkout': 'Sale',
  'order.cancel': 'Order cancelled',
  'settings.shop.update': 'Shop settings changed',
  'settings.security.update': 'Security settings changed',
};

/** "Price changed" for "menu.item.price"; unknown actions show their code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}
