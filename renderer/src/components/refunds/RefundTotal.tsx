import { useEffect, useRef } from 'react';
import type { RefundPreview } from '../../../../electron/shared/contract';
import { formatMoney, type Currency } from '../../../../electron/shared/money';
import { ErrorMessage } from '../ErrorMessage';

interface RefundTotalProps {
  preview: RefundPreview | null;
  pending: boolean;
  /** Why there is nothing to show yet ("Tap + on the items to refund"). */
  prompt: string | null;
  currency: Currency;
}

/** The money to hand back, large, with the tax in it (beside the Refund button, always in view). */
export function RefundTotal({ preview, pending, prompt, currency }: RefundTotalProps) {
  const money = (m: number) => formatMoney(m, currency);
  return (
    <div className={`refund-total${preview ? '' : ' refund-total--idle'}`} aria-live="polite">
      <span className="refund-total-label">To hand back</span>
      {preview ? (
        <>
          <span className="refund-total-amount">{money(preview.amount)}</span>
          <span className="refund-total-tax">includes {money(preview.tax)} tax</span>
        </>
      ) : (
        <span className="refund-total-prompt">{prompt ?? (pending ? 'Working it out…' : '')}</span>
      )}
    </div>
  );
}

interface RefundNotesProps {
  preview: RefundPreview | null;
  /** Main refused this choice in the preview. */
  error: string | null;
  /** Main refused the refund itself (its sentence replaces the shift warning, which says the same before). */
  refused: string | null;
  /** No shift is open on this till (null: not known, then main's needsOpenShift decides). */
  noOpenShift: boolean | null;
  /** Who must approve, when someone must. */
  whoApproves: string | null;
}

/** What stands in the way: main's refusal, no open shift for cash, whose approval it needs. Brought into view when main refuses. */
export function RefundNotes({ preview, error, refused, noOpenShift, whoApproves }: RefundNotesProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [refused]);
  const shiftWarning = !refused && preview?.needsOpenShift && noOpenShift !== false;
  if (!error && !refused && !shiftWarning && !preview?.needsApproval) return null;
  return (
    <div className="refund-notes" ref={ref}>
      <ErrorMessage message={refused ?? error} />
      {shiftWarning && (
        <p className="refund-warning" role="note">
          No shift is open on this till: cash cannot come out of the drawer. Open one in Drawer, or refund to card.
        </p>
      )}
      {preview?.needsApproval && whoApproves && <p className="refund-approval-note">{whoApproves}</p>}
    </div>
  );
}
