import { useState, type FormEvent } from 'react';
import type { CartView } from '../../../electron/shared/contract';
import type { Currency } from '../../../electron/shared/money';
import { formatMoney, itemCountLabel } from '../format';
import { useFormRequest } from '../hooks/useFormRequest';
import { useCartStore } from '../stores/cartStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { FormButtons } from './FormButtons';
import { TextField } from './TextField';

/** "Park order": put the current order aside under a name; the counter starts a fresh one. */
export function ParkDialog({ cart, currency, onClose }: { cart: CartView; currency: Currency; onClose(): void }) {
  const park = useCartStore((s) => s.park);
  const [name, setName] = useState(cart.contactName);
  const { busy, errors, setErrors, top, send, showError } = useFormRequest<'name'>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setErrors({ name: 'Give the ticket a name' });
      return;
    }
    const result = await send(() => park(name.trim()));
    if (result.ok) onClose();
    else showError(result.error, { fields: { name: 'name' }, fieldsOnly: true });
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
          error={errors.name}
          disabled={busy}
        />
        <ErrorMessage message={top} />
        <FormButtons submitLabel="Park order" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
