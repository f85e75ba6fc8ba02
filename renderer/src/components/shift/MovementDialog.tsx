import { useState, type FormEvent } from 'react';
import type { DrawerMovementKind, DrawerMovementView } from '../../../../electron/shared/contract';
import { formatMoney, parseMoney, type Currency } from '../../../../electron/shared/money';
import { newRequestId } from '../../api';
import { formatTime } from '../../format';
import type { FieldErrors } from '../../formErrors';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useShiftStore } from '../../stores/shiftStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { FormButtons } from '../FormButtons';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { MOVEMENT_LABELS, PAY_OUT_CATEGORIES } from './shiftFormat';

const HELP: Record<DrawerMovementKind, { lead: string; reasonHint: string; submit: string }> = {
  pay_in: {
    lead: 'Cash put into the drawer, for example more change from the bank.',
    reasonHint: 'For example: change from the bank',
    submit: 'Record pay in',
  },
  pay_out: {
    lead: 'Cash taken out of the drawer to pay for something, for example milk from the shop next door.',
    reasonHint: 'For example: 4 litres of milk',
    submit: 'Record pay out',
  },
  safe_drop: {
    lead: 'Cash moved from the drawer to the safe, so less is kept at the counter.',
    reasonHint: 'For example: too many large notes',
    submit: 'Record safe drop',
  },
  no_sale: {
    lead: 'Open the drawer without a sale, for example to break a note. Nothing is paid in or out; it is recorded with your name.',
    reasonHint: 'For example: change for a ₱1,000 note',
    submit: 'Record no sale',
  },
};

type Key = 'amount' | 'category' | 'reason';
const FIELDS: Record<string, Key> = { amount: 'amount', category: 'category', reason: 'reason' };

/** Pay in, pay out (with a category), safe drop or no sale: an amount (none for no sale) and a reason. */
export function MovementDialog({ kind, onClose }: { kind: DrawerMovementKind; onClose(): void }) {
  const move = useShiftStore((s) => s.move);
  const [requestId] = useState(newRequestId);
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<string>(PAY_OUT_CATEGORIES[0]);
  const [reason, setReason] = useState('');
  const { busy, errors, top, rejectLocal, send, showError } = useFormRequest<Key>();
  const help = HELP[kind];
  const label = MOVEMENT_LABELS[kind];
  const hasAmount = kind !== 'no_sale';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<Key> = {};
    const value = hasAmount ? parseMoney(amount.trim()) : 0;
    if (hasAmount && amount.trim() === '') local.amount = 'Enter the amount';
    else if (value === null) local.amount = 'Type an amount like 200 or 200.50';
    else if (hasAmount && value === 0) local.amount = 'Enter more than 0';
    if (reason.trim().length < 3) local.reason = 'Say why, in a few words';
    if (rejectLocal(local) || value === null) return;
    const result = await send(() =>
      move({
        requestId,
        kind,
        amount: value,
        reason: reason.trim(),
        ...(kind === 'pay_out' ? { category } : {}),
      }),
    );
    if (result.ok) onClose();
    else showError(result.error, { fields: FIELDS });
  }

  return (
    <Dialog label={label} onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-head">
          <h2 className="dialog-title">{label}</h2>
          <p className="muted">{help.lead}</p>
        </div>
        {hasAmount && (
          <TextField
            label="Amount"
            className="field--tender"
            inputMode="decimal"
            autoComplete="off"
            maxLength={14}
            value={amount}
            onChange={setAmount}
            error={errors.amount}
            disabled={busy}
          />
        )}
        {kind === 'pay_out' && (
          <SelectField label="Category" value={category} onChange={setCategory} error={errors.category} disabled={busy}>
            {PAY_OUT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label="Reason"
          value={reason}
          onChange={setReason}
          maxLength={200}
          autoComplete="off"
          hint={help.reasonHint}
          error={errors.reason}
          disabled={busy}
        />
        <ErrorMessage message={top} />
        <FormButtons submitLabel={help.submit} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** A manager voids a wrong movement: main records a counter-movement; the original stays, struck through. */
export function VoidMovementDialog({ movement, currency, timeZone, onClose }: { movement: DrawerMovementView; currency: Currency; timeZone?: string; onClose(): void }) {
  const voidMovement = useShiftStore((s) => s.voidMovement);
  const [requestId] = useState(newRequestId);
  const [reason, setReason] = useState('');
  const { busy, errors, top, rejectLocal, send, showError } = useFormRequest<'reason'>();
  const what = `${MOVEMENT_LABELS[movement.kind]} ${formatMoney(movement.amount, currency)}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (rejectLocal(reason.trim().length < 3 ? { reason: 'Say why, in a few words' } : {})) return;
    const result = await send(() => voidMovement({ requestId, movementId: movement.id, reason: reason.trim() }));
    if (result.ok) onClose();
    else showError(result.error, { fields: { reason: 'reason' } });
  }

  return (
    <Dialog label="Void movement" onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-head">
          <p className="dialog-kicker">Void movement</p>
          <h2 className="dialog-title">Void {what}?</h2>
          <p className="muted">
            Recorded at {formatTime(movement.at, timeZone)} by {movement.by}
            {movement.reason ? ` (“${movement.reason}”)` : ''}. It stays in the list, struck through, and a counter-movement
            undoes it in the expected cash.
          </p>
        </div>
        <TextField
          label="Reason"
          value={reason}
          onChange={setReason}
          maxLength={200}
          autoComplete="off"
          hint="For example: typed 2,000 instead of 200"
          error={errors.reason}
          disabled={busy}
        />
        <ErrorMessage message={top} />
        <FormButtons submitLabel="Void movement" variant="danger" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
