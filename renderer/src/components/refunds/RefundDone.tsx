import { useState } from 'react';
import type { RefundResult } from '../../../../electron/shared/contract';
import { formatMoney, type Currency } from '../../../../electron/shared/money';
import type { ReceiptOutcome } from '../../receipts';
import { handBackWords, printRefundReceipt } from '../../stores/refundStore';
import { Dialog } from '../Dialog';
import { Icon } from '../Icon';
import { ReceiptOutcomeLine } from '../ReceiptOutcomeLine';

/** The refund went through: how much, its number, how to give the money back; print and Done. */
export function RefundDone({ result, currency, onClose }: { result: RefundResult; currency: Currency; onClose(): void }) {
  const { refund } = result;
  // An amount refund is spread over the lines with no quantity: it lists no items.
  const items = refund.lines.filter((l) => l.quantity > 0);
  const money = (m: number) => formatMoney(m, currency);
  const [printing, setPrinting] = useState(false);
  const [outcome, setOutcome] = useState<ReceiptOutcome | null>(null);

  async function print() {
    if (printing) return;
    setPrinting(true);
    setOutcome(null);
    const next = await printRefundReceipt(refund.id);
    setPrinting(false);
    setOutcome(next);
  }

  return (
    <Dialog label="Refund" onClose={onClose} busy={printing}>
      <div className="dialog-body refund-done">
        <p className="dialog-kicker">Refund done</p>
        <h2 className="dialog-title refund-done-title">
          Refunded {money(refund.amount)} — {refund.number}
        </h2>
        {result.replayed && <p className="muted">This refund had already gone through; nothing new was recorded.</p>}
        <p className="lead refund-done-hand">Hand it back: {handBackWords(refund.tenders, currency)}.</p>
        {items.length > 0 && (
          <ul className="refund-done-lines" aria-label="Refunded items">
            {items.map((l) => (
              <li key={l.lineId}>
                <span>
                  {l.quantity} × {l.name}
                </span>
                <span className="refund-money">{money(l.amount)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          Includes {money(refund.tax)} tax · Reason: “{refund.reason}”{refund.approvedBy ? ` · Approved by ${refund.approvedBy}` : ''}
        </p>
        <ReceiptOutcomeLine outcome={outcome} />
        <div className="dialog-buttons">
          <button type="button" className="btn btn--secondary btn--large" onClick={() => void print()} disabled={printing} aria-busy={printing || undefined}>
            <Icon name="printer" />
            Print refund receipt
          </button>
          <button type="button" className="btn btn--primary btn--large" onClick={onClose} disabled={printing} data-autofocus>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
