import { useState } from 'react';
import type { RefundView } from '../../../../electron/shared/contract';
import { formatMoney, type Currency, type Minor } from '../../../../electron/shared/money';
import { formatDateTime } from '../../format';
import type { ReceiptOutcome } from '../../receipts';
import { printRefundReceipt, tenderSplit } from '../../stores/refundStore';
import { Icon } from '../Icon';
import { ReceiptOutcomeLine } from '../ReceiptOutcomeLine';

interface RefundListProps {
  refunds: readonly RefundView[];
  /** What the order came to, for "₱165.00 of ₱495.00 handed back". */
  total: Minor;
  refunded: Minor;
  currency: Currency;
  timeZone: string | undefined;
}

/** An order's refunds (a cancel is one too), oldest first, each with its refund receipt. */
export function RefundList({ refunds, total, refunded, currency, timeZone }: RefundListProps) {
  const money = (m: Minor) => formatMoney(m, currency);
  const [printing, setPrinting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ id: string; outcome: ReceiptOutcome | null } | null>(null);

  async function print(id: string) {
    if (printing) return;
    setPrinting(id);
    setOutcome(null);
    const next = await printRefundReceipt(id);
    setPrinting(null);
    setOutcome({ id, outcome: next });
  }

  if (refunds.length === 0) return null;
  return (
    <section className="order-refunds" aria-labelledby="order-refunds-title">
      <h3 className="order-pay-title" id="order-refunds-title">
        Refunds <span className="order-refunds-sum">{money(refunded)} of {money(total)} handed back</span>
      </h3>
      <ul className="refund-cards" aria-label="Refunds">
        {refunds.map((r) => {
          // An amount refund is spread over the lines with no quantity: it lists no items.
          const items = r.lines.filter((l) => l.quantity > 0);
          return (
            <li key={r.id} className="refund-card" aria-label={`Refund ${r.number}`}>
              <div className="refund-card-head">
                <span className="refund-card-number">{r.number}</span>
                <span className="refund-card-kind">{r.kind === 'cancel' ? 'Order cancelled' : 'Refund'}</span>
                <span className="refund-card-amount">−{money(r.amount)}</span>
              </div>
              <p className="refund-card-meta">
                {formatDateTime(r.at, timeZone)} · by {r.by}
                {r.approvedBy ? ` · approved by ${r.approvedBy}` : ''}
              </p>
              <p className="refund-card-reason">“{r.reason}”</p>
              {items.length > 0 ? (
                <ul className="refund-card-lines" aria-label={`Items refunded in ${r.number}`}>
                  {items.map((l) => (
                    <li key={l.lineId}>
                      <span>
                        {l.quantity} × {l.name}
                      </span>
                      <span className="refund-money">{money(l.amount)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="refund-card-meta">An amount, not particular items.</p>
              )}
              <p className="refund-card-tenders">
                {r.tenders.length > 0 ? `${tenderSplit(r.tenders, currency)} · includes ${money(r.tax)} tax` : 'Nothing was left to hand back.'}
              </p>
              <div className="refund-card-foot">
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  aria-label={`Print refund receipt ${r.number}`}
                  onClick={() => void print(r.id)}
                  disabled={printing !== null}
                  aria-busy={printing === r.id || undefined}
                >
                  <Icon name="printer" />
                  Print refund receipt
                </button>
              </div>
              {outcome?.id === r.id && <ReceiptOutcomeLine outcome={outcome.outcome} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
