import { useState, type FormEvent } from 'react';
import type { CartView } from '../../../electron/shared/contract';
import type { FieldErrors } from '../formErrors';
import { useFormRequest } from '../hooks/useFormRequest';
import { useCartStore } from '../stores/cartStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { FormButtons } from './FormButtons';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

type Key = 'contactName' | 'contactPhone' | 'specialInstructions';
const FIELDS: Record<string, Key> = { contactName: 'contactName', contactPhone: 'contactPhone', specialInstructions: 'specialInstructions' };

/** "Customer": the name to call out, a phone number and special instructions for this order. */
export function CustomerDialog({ cart, onClose }: { cart: CartView; onClose(): void }) {
  const setDetails = useCartStore((s) => s.setDetails);
  const [name, setName] = useState(cart.contactName);
  const [phone, setPhone] = useState(cart.contactPhone);
  const [instructions, setInstructions] = useState(cart.specialInstructions);
  const { busy, errors, top, rejectLocal, send, showError } = useFormRequest<Key>();

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<Key> = {};
    if (!/^[0-9+()\-\s]*$/.test(phone.trim())) local.contactPhone = 'Digits, spaces, + ( ) - only';
    if (rejectLocal(local)) return;
    const result = await send(() => setDetails({ contactName: name.trim(), contactPhone: phone.trim(), specialInstructions: instructions.trim() }));
    if (result.ok) onClose();
    else showError(result.error, { fields: FIELDS });
  }

  return (
    <Dialog label="Customer" onClose={onClose} busy={busy}>
      <form onSubmit={save} noValidate>
        <div className="dialog-head">
          <h2 className="dialog-title">Customer</h2>
          <p className="muted">The name is called out at the bar and printed on the receipt.</p>
        </div>
        <TextField label="Customer name" value={name} onChange={setName} maxLength={120} autoComplete="off" error={errors.contactName} disabled={busy} />
        <TextField
          label="Phone"
          type="tel"
          inputMode="tel"
          value={phone}
          onChange={setPhone}
          maxLength={20}
          autoComplete="off"
          hint="Optional, for when the order is ready"
          error={errors.contactPhone}
          disabled={busy}
        />
        <TextAreaField
          label="Special instructions"
          value={instructions}
          onChange={setInstructions}
          maxLength={500}
          rows={3}
          placeholder="e.g. allergic to nuts, bring to table 4"
          error={errors.specialInstructions}
          disabled={busy}
        />
        <ErrorMessage message={top} />
        <FormButtons submitLabel="Save" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
