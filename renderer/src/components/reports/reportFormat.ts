// Words and numbers for the Reports screen (money itself is formatted by shared/money).
import type { Currency } from '../../../../electron/shared/money';
import { formatMoney } from '../../format';

/** 1250 → "12.5%" (basis points, one decimal, no sign). */
export function percentWords(bp: number): string {
  const tenths = Math.round(Math.abs(bp) / 10);
  return `${Math.floor(tenths / 10).toLocaleString('en-US')}.${tenths % 10}%`;
}

/** "₱1,200" for a chart axis: whole units only, so the ticks stay short. */
export function axisMoney(major: number, currency: Currency): string {
  return formatMoney(Math.round(major) * 100, currency).replace(/\.00$/, '');
}

export function countWords(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
