import type { RefundReceiptView } from '../shared/contract';
import { formatMoney } from '../shared/money';
import { escape, METHOD, receiptPage, receiptTime, row } from '../receipts/receiptHtml';

/** The printable refund receipt, on the same 80 mm page as a sale's receipt. */
export function refundReceiptHtml(r: RefundReceiptView): string {
  const money = (m: number) => formatMoney(m, r.currency);
  const f = r.refund;
  const lines = f.lines
    .map((l) => row(`${l.quantity > 0 ? `${l.quantity} × ` : ''}${escape(l.name)}${l.quantity > 0 ? '' : '<div class="sub">part of the amount</div>'}`, money(l.amount)))
    .join('');
  const tenders = f.tenders.map((t) => row(`Back to ${METHOD[t.method] ?? t.method}`, money(t.amount))).join('');
  return receiptPage(
    `Refund ${f.number}`,
    `<h1>${escape(r.shopName)}</h1>
<div class="cancelled">${f.kind === 'cancel' ? 'CANCELLED — REFUND' : 'REFUND'}</div>
<div class="center">Refund ${escape(f.number)}</div>
<div class="center">of order ${escape(r.orderNumber)}</div>
<div class="center">${escape(receiptTime(f.at, r.timezone))}</div>
<div class="center">By ${escape(f.by)}${f.approvedBy ? `, approved by ${escape(f.approvedBy)}` : ''}</div>
<hr>
<table>${lines}</table>
<hr>
<table>
${row('Tax included', money(f.tax))}
${row('Refunded', money(f.amount), 'total')}
</table>
<hr>
<table>${tenders}</table>
${f.reason ? `<hr><div>Reason: ${escape(f.reason)}</div>` : ''}
${r.footer ? `<hr><div class="center">${escape(r.footer)}</div>` : ''}
`,
  );
}
