import type { DrawerMovementKind, ZReportView } from '../shared/contract';
import { formatMoney, formatRate } from '../shared/money';
import { TENDER_METHODS } from '../reports/figures';
import { escape, METHOD, receiptPage, REPORT_SLIP_CSS, row } from '../receipts/receiptHtml';

const KIND: Record<DrawerMovementKind, string> = { pay_in: 'Pay in', pay_out: 'Pay out', safe_drop: 'Safe drop', no_sale: 'No sale' };

/**
 * The printable Z report: a standalone page for 80 mm paper like the receipt (no script, a CSP
 * that allows only its inline style). Every figure is read from the stored content; a copy
 * printed or saved before is marked REPRINT, and a report whose text no longer matches its hash
 * says so.
 */
export function zReportHtml(z: ZReportView, reprint: boolean): string {
  const money = (m: number) => formatMoney(m, z.currency);
  const minus = (m: number) => (m === 0 ? money(0) : `−${money(m)}`);
  const at = (ms: number) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: z.timezone }).format(new Date(ms));
  const time = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: z.timezone }).format(new Date(ms));
  const section = (title: string, rows: string) => `<h2>${title}</h2><table>${rows}</table>`;
  const f = z.figures;
  const c = z.cash;
  const variance = c.variance === 0 ? money(0) : c.variance < 0 ? `Short ${money(-c.variance)}` : `Over ${money(c.variance)}`;

  const tenders = TENDER_METHODS.map((m) => {
    const t = f.tenders[m];
    const label = METHOD[m] ?? m;
    return row(label, money(t.collected), 'strong') + (t.refunded ? row(`&nbsp; sales / refunded`, `${money(t.sales)} / ${minus(t.refunded)}`, 'sub') : '');
  }).join('');
  const taxRows = f.taxByRate.map((r) => row(`&nbsp; at ${formatRate(r.rateBp)}`, money(r.tax), 'sub')).join('');
  const named = (list: { name: string; net: number }[]) => list.map((x) => row(escape(x.name), money(x.net))).join('') || row('None', '');
  const counted = c.counted.counts.map((d) => row(`&nbsp; ${d.count} × ${money(d.value)}`, money(d.value * d.count), 'sub')).join('');
  const movements =
    z.movements
      .map((m) => {
        const what = `${time(m.at)} ${KIND[m.kind]}${m.category ? ` (${escape(m.category)})` : ''}${m.voidsId ? ' VOID' : ''}${m.voidedById ? ' (voided)' : ''}`;
        return row(`${what}<div class="sub">${escape(m.reason)} · ${escape(m.by)}</div>`, m.kind === 'no_sale' ? '' : money(m.amount));
      })
      .join('') || row('None', '');

  return receiptPage(`Z report ${z.number}`, `${reprint ? '<div class="banner">REPRINT</div>' : ''}
${z.intact ? '' : '<div class="banner">ALTERED: this report no longer matches its seal</div>'}
<h1>${escape(z.shopName)}</h1>
<div class="center">Z REPORT No. ${z.number}</div>
<div class="center">${escape(z.terminalName)} · business day ${escape(z.businessDay)}</div>
<table>
${row('Opened', `${escape(at(z.openedAt))}`)}${row('&nbsp; by', escape(z.openedBy), 'sub')}
${row('Closed', `${escape(at(z.closedAt))}`)}${row('&nbsp; by', escape(z.closedBy), 'sub')}
${row('First order', escape(z.firstOrderNumber ?? '—'))}
${row('Last order', escape(z.lastOrderNumber ?? '—'))}
</table>
${section(
  'Sales',
  row('Gross sales', money(f.gross)) +
    row('Discounts', minus(f.discounts)) +
    row('Refunds', minus(f.refunds)) +
    row('Net sales', money(f.net), 'strong') +
    (f.taxAdded ? row('Tax added', money(f.taxAdded)) : '') +
    row(f.taxAdded ? 'Tax' : 'Tax (included)', money(f.tax)) +
    taxRows +
    row('Orders', String(f.ordersCount)) +
    row('Refunds issued', String(f.refundsCount)) +
    row('Cancellations', String(z.cancellations)) +
    row('Average order', money(f.averageOrder)),
)}
${section('Collected by tender', tenders + row('Total collected', money(f.collected), 'strong'))}
${section(
  'Cash drawer',
  row('Opening float', money(c.openingFloat)) +
    row('Cash sales', money(f.drawer.cashSales)) +
    row('Cash refunds', minus(f.drawer.cashRefunds)) +
    row('Pay-ins', money(f.drawer.payIns)) +
    row('Pay-outs', minus(f.drawer.payOuts)) +
    row('Safe drops', minus(f.drawer.safeDrops)) +
    row('Expected', money(c.expected), 'strong') +
    row('Counted', money(c.counted.total), 'strong') +
    counted +
    row('Variance', variance, 'strong') +
    (c.varianceReason ? row(`&nbsp; ${escape(c.varianceReason)}`, '', 'sub') : '') +
    (c.approvedBy ? row('&nbsp; approved by', escape(c.approvedBy), 'sub') : '') +
    row('Counts made', String(c.counts)) +
    row('Left in drawer', money(c.leftInDrawer)),
)}
${section('Drawer movements', movements)}
${section('Sales by category', named(f.byCategory))}
${section('Sales by staff', named(f.byStaff))}
<hr>
<div class="hash">Content SHA-256 ${escape(z.contentHash)}</div>
<div class="hash">Audit head ${escape(z.auditHead)}</div>
`, Z_CSS);
}

/** The Z report's own rules on top of a report slip's: the REPRINT / ALTERED banner and the seal's hashes. */
const Z_CSS = `${REPORT_SLIP_CSS}  .banner { text-align: center; font-weight: bold; border: 2px solid #000; margin: 6px 0; }
  .hash { font-size: 9px; word-break: break-all; }
`;
