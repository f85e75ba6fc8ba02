import { Dialog } from '../Dialog';

interface PriceConfirmProps {
  name: string;
  /** null for a new item (nothing to keep but the form). */
  oldPrice: string | null;
  newPrice: string;
  kind: 'free' | 'big';
  busy?: boolean;
  onYes(): void;
  onNo(): void;
}

/** "Make Latte free?" / "Change Latte from ₱130.00 to ₱13.00?": a slipped digit is caught before it sells. */
export function PriceConfirm({ name, oldPrice, newPrice, kind, busy = false, onYes, onNo }: PriceConfirmProps) {
  const title = kind === 'free' || oldPrice === null ? `Make ${name} free?` : `Change ${name} from ${oldPrice} to ${newPrice}?`;
  return (
    <Dialog label={title} onClose={onNo} busy={busy}>
      <h2 className="dialog-title">{title}</h2>
      {oldPrice !== null && (
        <p className="price-confirm-change">
          <span className="price-confirm-old">{oldPrice}</span> → <span className="price-confirm-new">{newPrice}</span>
        </p>
      )}
      <p className="muted">
        {kind === 'free'
          ? `Customers will pay nothing for ${name} until you change the price again.`
          : 'That is a change of more than half the price. Check for a missing or extra digit.'}
      </p>
      <div className="dialog-buttons">
        <button type="button" className="btn btn--secondary btn--large" onClick={onNo} disabled={busy} data-autofocus>
          {oldPrice === null ? 'Change the price' : `Keep ${oldPrice}`}
        </button>
        <button type="button" className="btn btn--primary btn--large" onClick={onYes} disabled={busy}>
          {kind === 'free' ? 'Make it free' : `Save ${newPrice}`}
        </button>
      </div>
    </Dialog>
  );
}

/** A price that needs a second look before it is saved: free, or moved by more than half (main checks too). */
export function priceCheck(oldPrice: number, newPrice: number): 'free' | 'big' | null {
  if (newPrice === oldPrice) return null;
  if (newPrice === 0) return 'free';
  // More than 50% either way (integer math); any price for a free item counts as big.
  return Math.abs(newPrice - oldPrice) * 2 > oldPrice ? 'big' : null;
}
