import { useState } from 'react';
import type { PaymentView, ReceiptView } from '../../../electron/shared/contract';
import { call } from '../api';
import { useLoaded } from '../hooks/useLoaded';
import { PAYMENT_LABELS, formatDateTime, formatMoney, optionsSummary, taxLabel } from '../format';
import { printReceipt, saveReceiptPdf, type ReceiptOutcome } from '../receipts';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { ReceiptOutcomeLine } from './ReceiptOutcomeLine';

/** "Receipt": what the printed receipt of an order says, with Print and Save as PDF. */
export function ReceiptDialog({ orderId, onClose }: { orderId: string; onClose(): void }) {
  const loaded = useLoaded(() => call('receipts.get', { orderId }), [orderId]);
  const receipt = loaded?.ok ? loaded.value : null;
  const loadError = loaded && !loaded.ok ? loaded.error.message : null;
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [outcome, setOutcome] = useState<ReceiptOutcome | null>(null);

  async function run(kind: 'print' | 'pdf') {
    if (busy) return;
    setBusy(kind);
    setOutcome(null);
    const next = kind === 'print' ? await printReceipt(orderId) : await saveReceiptPdf(orderId);
    setBusy(null);
    setOutcome(next);
  }

  return (
    <Dialog label="Receipt" onClose={onClose} busy={busy !== null}>
      <div className="dialog-body receipt-dialog">
        <h2 className="visually-hidden">Receipt</h2>
        {loadError && <ErrorMessage message={loadError} />}
        {!receipt && !loadError && <p className="muted">Loading the receipt…</p>}
        {receipt && <ReceiptPaper receipt={receipt} />}
        <ReceiptOutcomeLine outcome={outcome} />
        <div className="dialog-buttons receipt-buttons">
          <button type="button" className="btn btn--secondary btn--large" onClick={() => void run('pdf')} disabled={!receipt || busy !== null} aria-busy={busy === 'pdf' || undefined}>
            Save as PDF
          </button>
          <button type="button" className="btn btn--secondary btn--large" onClick={() => void run('print')} disabled={!receipt || busy !== null} aria-busy={busy === 'print' || undefined}>
            Print
          </button>
          <button type="button" className="btn btn--primary btn--large" onClick={onClose} disabled={busy !== null} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function paymentLine(p: PaymentView, money: (m: number) => string): { label: string; amount: string } {
  if (p.method === 'cash') return { label: 'Cash tendered', amount: money(p.tendered) };
  return { label: `${PAYMENT_LABELS[p.method]}${p.reference ? ` · Ref ${p.reference}` : ''}`, amount: money(p.amount) };
}

/** The receipt as it prints: narrow, monospaced figures, one column. */
function ReceiptPaper({ receipt }: { receipt: ReceiptView }) {
  const money = (m: number) => formatMoney(m, receipt.currency);
  return (
    <article className="receipt-paper" aria-label={`Receipt for order ${receipt.shortNumber}`}>
      <header className="receipt-top">
        <p className="receipt-shop">{receipt.shopName}</p>
        <p className="receipt-number">Order {receipt.shortNumber}</p>
        <p className="receipt-small mono">{receipt.orderNumber}</p>
        <p className="receipt-small">{formatDateTime(receipt.createdAt, receipt.timezone)}</p>
        <p className="receipt-small">Served by {receipt.staffName}</p>
        {receipt.contactName && <p className="receipt-customer">Customer: {receipt.contactName}</p>}
        {receipt.status === 'cancelled' && <p className="receipt-cancelled">Cancelled</p>}
      </header>

      <ul className="receipt-lines" aria-label="Items">
        {receipt.lines.map((l, i) => (
          <li key={i} className="receipt-line">
            <div className="receipt-row">
              <span>
                {l.quantity} × {l.name}
              </span>
              {/* Before discounts, as on the printed receipt: the lines add up to the subtotal. */}
              <span className="receipt-amount">{money(l.unitPrice * l.quantity)}</span>
            </div>
            {l.modifiers.length > 0 && <p className="receipt-sub">{optionsSummary(l.modifiers)}</p>}
            {l.quantity > 1 && <p className="receipt-sub">{money(l.unitPrice)} each</p>}
            {l.note && <p className="receipt-sub receipt-note">“{l.note}”</p>}
            {l.lineDiscount > 0 && (
              <div className="receipt-row receipt-sub">
                <span>Discount</span>
                <span className="receipt-amount">−{money(l.lineDiscount)}</span>
              </div>
            )}
          </li>
        ))}
      </ul>

      <dl className="receipt-totals">
        <div className="receipt-row">
          <dt>Subtotal</dt>
          <dd className="receipt-amount">{money(receipt.subtotal)}</dd>
        </div>
        {receipt.discountTotal > 0 && (
          <div className="receipt-row">
            <dt>Discount</dt>
            <dd className="receipt-amount">−{money(receipt.discountTotal)}</dd>
          </div>
        )}
        <div className="receipt-row">
          <dt>{taxLabel(receipt.taxRateBp, receipt.pricesIncludeTax)}</dt>
          <dd className="receipt-amount">{money(receipt.taxTotal)}</dd>
        </div>
        <div className="receipt-row receipt-row--total">
          <dt>Total</dt>
          <dd className="receipt-amount">{money(receipt.total)}</dd>
        </div>
      </dl>

      {receipt.payments.length > 0 && (
        <dl className="receipt-totals receipt-payments">
          {receipt.payments.map((p, i) => {
            const line = paymentLine(p, money);
            return (
              <div className="receipt-row" key={i}>
                <dt>{line.label}</dt>
                <dd className="receipt-amount">{line.amount}</dd>
              </div>
            );
          })}
          <div className="receipt-row">
            <dt>Change</dt>
            <dd className="receipt-amount">{money(receipt.change)}</dd>
          </div>
        </dl>
      )}

      {receipt.footer && <p className="receipt-footer">{receipt.footer}</p>}
    </article>
  );
}
