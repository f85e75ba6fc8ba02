import type { PaymentMethod, RefundPreview, RefundTender } from '../../../../electron/shared/contract';
import type { Currency } from '../../../../electron/shared/money';
import { PAYMENT_LABELS } from '../../format';
import { handBackWords, tenderSplit } from '../../stores/refundStore';

const TENDERS: { tender: RefundTender; label: string }[] = [
  { tender: 'original', label: 'Original payment' },
  { tender: 'cash', label: 'Cash' },
  { tender: 'card', label: 'Card' },
  { tender: 'other', label: 'Other' },
];

interface RefundToPickerProps {
  tender: RefundTender;
  onTender(tender: RefundTender): void;
  /** How the order was paid, for "Original payment" before a preview is in. */
  paidWith: readonly PaymentMethod[];
  preview: RefundPreview | null;
  currency: Currency;
  disabled: boolean;
}

/** "Refund to": the original payment (split as it was paid) by default, or cash, card, other. */
export function RefundToPicker({ tender, onTender, paidWith, preview, currency, disabled }: RefundToPickerProps) {
  const split = preview && preview.tenders.length > 0 ? tenderSplit(preview.tenders, currency) : null;
  const detail =
    tender === 'original'
      ? (split ?? `As it was paid: ${[...new Set(paidWith)].map((m) => PAYMENT_LABELS[m]).join(' · ')}`)
      : preview
        ? `${handBackWords(preview.tenders, currency)}.`
        : tender === 'cash'
          ? 'In cash from the drawer.'
          : tender === 'card'
            ? 'Back to a card.'
            : 'As another payment (voucher, transfer…).';
  return (
    <section className="refund-to" aria-labelledby="refund-to-title">
      <h3 id="refund-to-title" className="refund-section-title">
        Refund to
      </h3>
      <div className="segmented refund-tenders" role="group" aria-label="Refund to">
        {TENDERS.map((t) => (
          <button
            key={t.tender}
            type="button"
            className={`segmented-option${tender === t.tender ? ' segmented-option--on' : ''}`}
            aria-pressed={tender === t.tender}
            onClick={() => onTender(t.tender)}
            disabled={disabled}
          >
            {t.label}
          </button>
        ))}
      </div>
      <p className="refund-to-detail">{detail}</p>
    </section>
  );
}
