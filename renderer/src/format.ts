// Display helpers. Money arrives as integer minor units from main; here it is only formatted.
import type { OrderStatus } from '../../electron/shared/contract';
import { formatRate } from '../../electron/shared/money';

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
