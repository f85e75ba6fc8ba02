import { useState, type FormEvent } from 'react';
import type { CartLineView } from '../../../electron/shared/contract';
import type { Currency } from '../../../electron/shared/money';
import { formatMoney, formatRate, optionsSummary } from '../format';
import { useFormRequest } from '../hooks/useFormRequest';
import { useCartStore } from '../stores/cartStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { FormButtons } from './FormButtons';
import { TextField } from './TextField';

interface LineDialogProps {
  line: CartLineView;
  currency: Currency;
  /** Opens the discount dialog for this line; left out when the person may not give discounts. */
  onDiscount?: () => void;
  /** Opens the option chooser on this line's options; left out when the item has none to choose. */
  onEditOptions?: () => void;
  onClose(): void;
}

/** "Edit Latte": the line's options and note ("extra hot"), and a way to its discount. */
export function LineDialog({ line, currency, onDiscount, onEditOptions, onClose }: LineDialogProps) {
  const setLineNote = useCartStore((s) => s.setLineNote);
  const [note, setNote] = useState(line.note);
  const { busy, errors, top, send, showError } = useFormRequest<'note'>();
  const money = (m: number) => formatMoney(m, currency);
  const discount = line.discount;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (note.trim() === line.note) {
      onClose();
      return;
    }
    const result = await send(() => setLineNote(line.id, note.trim()));
    if (result.ok) onClose();
    else showError(result.error, { fields: { note: 'note' }, fieldsOnly: true });
  }

  return (
    <Dialog label={`Edit ${line.name}`} onClose={onClose} busy={busy}>
      <form onSubmit={save} noValidate>
        <div className="dialog-head">
          <h2 className="dialog-title">{line.name}</h2>
          <p className="muted">
            {line.quantity} × {money(line.unitPrice)} = {money(line.lineTotal)}
          </p>
        </div>

        {(onEditOptions || line.options.length > 0) && (
          <div className="line-edit-row">
            <div>
              <p className="line-edit-row-title">Options</p>
              <p className="line-edit-options">{line.options.length > 0 ? optionsSummary(line.options.map((o) => o.name)) : 'None'}</p>
            </div>
            {onEditOptions && (
              <button type="button" className="btn btn--secondary" onClick={onEditOptions} disabled={busy}>
                Edit options
              </button>
            )}
          </div>
        )}

        <TextField
          label="Note"
          value={note}
          onChange={setNote}
          maxLength={140}
          placeholder="e.g. extra hot"
          hint="Printed on the order for the bar"
          autoComplete="off"
          error={errors.note}
          disabled={busy}
        />

        {onDiscount && (
          <div className="line-edit-discount">
            <div>
              <p className="line-edit-discount-title">Discount on this item</p>
              <p className="muted">
                {discount
                  ? `${discount.kind === 'percent' ? formatRate(discount.value) : money(discount.value)} off · −${money(line.lineDiscount)}${discount.reason ? ` · ${discount.reason}` : ''}`
                  : 'None'}
              </p>
            </div>
            <button type="button" className="btn btn--secondary" onClick={onDiscount} disabled={busy}>
              {discount ? 'Change discount' : 'Give a discount'}
            </button>
          </div>
        )}

        <ErrorMessage message={top} />

        <FormButtons submitLabel="Save note" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
