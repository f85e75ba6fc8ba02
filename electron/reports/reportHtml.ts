import type { SalesReport } from '../shared/contract';
import { formatMoney, formatRate } from '../shared/money';
import { escape, METHOD, receiptPage, receiptTime, REPORT_SLIP_CSS, row } from '../receipts/receiptHtml';
import { TENDER_METHODS } from './figures';

/** Items, options… listed on paper: the best ones (the CSV has them all). */
const TOP = 10;

/** "+12.5%", "−3%", "—" (nothing to compare with). */
export function changeText(bp: number | null): string {
  if (bp === null) return '—';
  if (bp === 0) return '0%';
  return `${bp < 0 ? '−' : '+'}${formatRate(Math.abs(bp))}`;
}

/**
 * The printable sales summary of a period: a standalone page for 80 mm paper like the Z report (the
 * shop's one printer is its receipt printer; "Save as PDF" makes the same page), with no script
 * and a CSP that allows only its inline style. Every figure is the report's.
 */
export function reportHtml(r: SalesReport, shop: { name: string; generatedAt: number }): string {
  const money = (m: number) => formatMoney(m, r.currency);
  const minus = (m: number) => (m === 0 ? money(0) : `−${money(m)}`);
  const section = (title: string, rows: string) => `<h2>${title}</h2><table>${rows}</table>`;
  const s = r.summary;
  const vs = (label: string, value: string, bp: number | null, cls = '') => row(label, value, cls) + row(`&nbsp; vs previous`, changeText(bp), 'sub');
  const listed = <T>(list: readonly T[], line: (x: T) => string) =>
    list.length === 0 ? row('None', '') : list.slice(0, TOP).map(line).join('') + (list.length > TOP ? row(`&nbsp; and ${list.length - TOP} more (see the CSV)`, '', 'sub') : '');
  const period = r.period.days === 1 ? r.period.from : `${r.period.from} to ${r.period.to}`;

  const tenders = TENDER_METHODS.map((m) => {
    const t = s.tenders[m];
    if (!t.sales && !t.refunded) return '';
    return row(METHOD[m] ?? m, money(t.collected), 'strong') + (t.refunded ? row(`&nbsp; sales / refunded`, `${money(t.sales)} / ${minus(t.refunded)}`, 'sub') : '');
  }).join('');

  return receiptPage(`Sales report ${period}`, `<h1>${escape(shop.name)}</h1>
<div class="center">SALES REPORT</div>
<div class="center">${escape(period)} (${r.period.days} business day${r.period.days === 1 ? '' : 's'})</div>
<div class="center sub">compared with ${escape(r.previous.from)} to ${escape(r.previous.to)}</div>
<div class="center sub">printed ${escape(receiptTime(shop.generatedAt, r.timezone))}</div>
${section(
  'Sales',
  vs('Gross sales', money(s.gross), r.change.gross) +
    row('Discounts', minus(s.discounts)) +
    vs('Refunds', minus(s.refunds), r.change.refunds) +
    vs('Net sales', money(s.net), r.change.net, 'strong') +
    (s.taxAdded ? row('Tax added', money(s.taxAdded)) : '') +
    row(s.taxAdded ? 'Tax' : 'Tax (included)', money(s.tax)) +
    s.taxByRate.map((x) => row(`&nbsp; at ${formatRate(x.rateBp)}`, money(x.tax), 'sub')).join('') +
    vs('Orders', String(s.ordersCount), r.change.ordersCount) +
    vs('Average order', money(s.averageOrder), r.change.averageOrder) +
    row('Refunds issued', String(s.refundsCount)) +
    row('Cancellations', String(s.cancellations)),
)}
${section('Collected by tender', tenders + vs('Total collected', money(s.collected), r.change.collected, 'strong'))}
${section('Best sellers', listed(r.items, (i) => row(`${escape(i.name)} × ${i.quantity}`, money(i.net))))}
${section('By category', listed(r.categories, (c) => row(`${escape(c.name)} × ${c.quantity}`, money(c.net))))}
${section('Options', listed(r.modifiers, (m) => row(`${escape(m.name)} (${escape(m.group)}) × ${m.quantity}`, money(m.revenue))))}
${section('By staff', listed(r.staff, (x) => row(`${escape(x.name)} · ${x.orders} order${x.orders === 1 ? '' : 's'}`, money(x.net))))}
${section('Discounts', listed(r.discounts, (d) => row(`${escape(d.reason)} × ${d.count}`, minus(d.amount))))}
${section('Refunds', listed(r.refunds, (x) => row(`${escape(x.reason)} × ${x.count}`, minus(x.amount))))}
`, REPORT_SLIP_CSS);
}
