import type { ReceiptView } from '../shared/contract';
import { formatMoney, formatRate } from '../shared/money';

export const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const METHOD: Record<string, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** "23 Nov 2026, 09:30" in the shop's time zone. */
export const receiptTime = (at: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));

/** A table row: label left, amount right. */
export const row = (label: string, value: string, cls = ''): string => `<tr class="${cls}"><td>${label}</td><td class="amt">${value}</td></tr>`;

/** The rules a report slip (the Z report, the sales summary) adds: section headings, small sub-rows, bold totals. */
export const REPORT_SLIP_CSS = `  h2 { font-size: 12px; margin: 8px 0 2px; text-transform: uppercase; border-bottom: 1px dashed #000; }
  .sub, .sub td { font-size: 11px; padding-left: 0; }
  .strong td { font-weight: bold; }
`;

/**
 * A printable page sized for 80 mm paper, with no script and a CSP that allows nothing but its
 * own inline style (it is printed from a hidden window in main). `body` is trusted HTML; `css`
 * adds to (and overrides) the slip's own rules, for the Z report and the sales summary.
 */
export function receiptPage(title: string, body: string, css = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  body { font: 12px/1.35 ui-monospace, "DejaVu Sans Mono", monospace; color: #000; margin: 0; }
  h1 { font-size: 16px; text-align: center; margin: 0 0 2px; }
  .center { text-align: center; }
  table { width: 100%; border-collapse: collapse; }
  td { vertical-align: top; padding: 1px 0; }
  .amt { text-align: right; white-space: nowrap; padding-left: 8px; }
  .sub { font-size: 11px; padding-left: 10px; }
  .total td { font-weight: bold; font-size: 14px; border-top: 1px dashed #000; padding-top: 3px; }
  hr { border: 0; border-top: 1px dashed #000; margin: 6px 0; }
  .cancelled { text-align: center; font-weight: bold; border: 2px solid #000; margin: 6px 0; }
${css}</style></head>
<body>
${body}</body></html>`;
}

/**
 * The printable receipt: a standalone HTML page sized for 80 mm paper, with no script and a CSP
 * that allows nothing but its own inline style (it is printed from a hidden window in main).
 */
export function receiptHtml(r: ReceiptView): string {
  const money = (m: number) => formatMoney(m, r.currency);
  const when = receiptTime(r.createdAt, r.timezone);
  const lines = r.lines
    .map((l) => {
      const extras = [
        l.modifiers.length ? `<div class="sub">${escape(l.modifiers.join(' · '))}</div>` : '',
        l.note ? `<div class="sub">“${escape(l.note)}”</div>` : '',
        l.lineDiscount ? `<div class="sub">Discount −${money(l.lineDiscount)}</div>` : '',
      ].join('');
      return `<tr><td>${l.quantity} × ${escape(l.name)}${extras}</td><td class="amt">${money(l.unitPrice * l.quantity)}</td></tr>`;
    })
    .join('');
  const payments = r.payments
    .map((p) => row(`${METHOD[p.method] ?? p.method}${p.reference ? ` (${escape(p.reference)})` : ''}`, money(p.tendered)))
    .join('');
  return receiptPage(`Receipt ${r.shortNumber}`, `<h1>${escape(r.shopName)}</h1>
<div class="center">Order ${escape(r.shortNumber)}</div>
<div class="center">${escape(r.orderNumber)}</div>
<div class="center">${escape(when)}</div>
<div class="center">Served by ${escape(r.staffName)}</div>
${r.contactName ? `<div class="center">For ${escape(r.contactName)}</div>` : ''}
${r.status === 'cancelled' ? '<div class="cancelled">CANCELLED</div>' : ''}
<hr>
<table>${lines}</table>
<hr>
<table>
${row('Subtotal', money(r.subtotal))}
${r.discountTotal ? row('Discount', `−${money(r.discountTotal)}`) : ''}
${row(`Tax (${formatRate(r.taxRateBp)}${r.pricesIncludeTax ? ', included' : ''})`, money(r.taxTotal))}
${row('Total', money(r.total), 'total')}
</table>
<hr>
<table>${payments}${row('Change', money(r.change))}</table>
${r.footer ? `<hr><div class="center">${escape(r.footer)}</div>` : ''}
`);
}
