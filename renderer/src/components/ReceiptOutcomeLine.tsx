import type { ReceiptOutcome } from '../receipts';
import { ErrorMessage } from './ErrorMessage';

/** What happened to the last Print / Save as PDF: a calm status line, or an alert on failure. */
export function ReceiptOutcomeLine({ outcome }: { outcome: ReceiptOutcome | null }) {
  if (!outcome) return <p className="visually-hidden receipt-outcome-idle" role="status" />;
  if (outcome.tone === 'error') return <ErrorMessage message={outcome.message} />;
  return (
    <p className={outcome.tone === 'ok' ? 'success receipt-outcome' : 'info-line receipt-outcome'} role="status">
      {outcome.message}
    </p>
  );
}
