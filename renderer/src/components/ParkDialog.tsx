import { useState, type FormEvent } from 'react';
import type { CartView } from '../../../electron/shared/contract';
import type { Currency } from '../../../electron/shared/money';
import { formatMoney, itemCountLabel } from '../format';
import { isAuthLoss, useCartStore } from '../stores/cartStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

/** "Park order": put the current order aside under a name; the counter starts a fresh one. */
export function ParkDialog({ cart, currency, onClose }: { cart: CartView; currency: Currency; onClose(): void }) {
  const park = useCartStore((s) => s.park);
  const [name, setName] = useState(cart.contactName);
  const [error, setError] = useState<string | undefined>();
  const [top, setTop] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError('Give the ticket a name');
      return;
    }
    setBusy(true);
    setError(undefined);
    setTop(null);
    const result = await park(name.trim());
    setBusy(false);
    if (result.ok) {
      onClose();
      return;
    }
    if (isAuthLoss(result.error)) return;
    if (result.error.fields?.name) setError(result.error.fields.name);
    else setTop(result.error.message);
  }

  return (
    <Dialog label="Park order" onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-head">
          <h2 className="dialog-title">Park order</h2>
          <p className="muted">
            {itemCountLabel(cart.itemCount)} · {formatMoney(cart.totals.total, currency)}. Find it again under Parked.
          </p>
        </div>
        <TextField
          label="Ticket name"
          value={name}
          onChange={setName}
          maxLength={60}
          autoComplete="off"
          placeholder="e.g. Ana, table 4"
          error={error}
          disabled={busy}
        />
        <ErrorMessage message={top} />
        <div className="dialog-buttons">
          <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-busy={busy || undefined}>
            Park order
          </button>
        </div>
      </form>
    </Dialog>
  );
}
