import { useState, type FormEvent } from 'react';
import type { CartDiscountView, CartView, DiscountKind } from '../../../electron/shared/contract';
import { parseMoney, toMoneyInput, type Currency } from '../../../electron/shared/money';
import type { Result } from '../../../electron/shared/result';
import { formatMoney, formatRate, parsePercentBp, toPercentInput } from '../format';
import { splitErrors, type FieldErrors } from '../formErrors';
import { useCartStore } from '../stores/cartStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { ManagerApproval } from './ManagerApproval';
import { TextField } from './TextField';

interface DiscountDialogProps {
  cart: CartView;
  currency: Currency;
  /** A discount on this one line (cart.setLineDiscount) instead of the whole order. */
  lineId?: string;
  onClose(): void;
}

type FieldKey = 'value' | 'reason';
const FIELDS: Record<string, FieldKey> = {
  'discount.value': 'value',
  'discount.kind': 'value',
  discount: 'value',
  value: 'value',
  reason: 'reason',
};

interface Pending {
  discount: { kind: DiscountKind; value: number };
  reason: string;
}

/**
 * "Order discount" (or "Line discount" for one item): percent or amount with a reason. Main
 * decides whether it is within the limit; when it says FORBIDDEN the dialog asks a manager to
 * approve with their PIN, then sends the same discount again with the approval.
 */
export function DiscountDialog({ cart, currency, lineId, onClose }: DiscountDialogProps) {
  const setOrderDiscount = useCartStore((s) => s.setDiscount);
  const setLineDiscount = useCartStore((s) => s.setLineDiscount);
  const line = lineId ? cart.lines.find((l) => l.id === lineId) : undefined;
  const label = lineId ? 'Line discount' : 'Order discount';
  const current: CartDiscountView | null = lineId ? (line?.discount ?? null) : cart.discount;
  const send = (input: { discount: Pending['discount'] | null; reason?: string; approvalId?: string }): Promise<Result<CartView>> =>
    lineId ? setLineDiscount({ lineId, ...input }) : setOrderDiscount(input);
  const [step, setStep] = useState<'edit' | 'approve'>('edit');
  const [kind, setKind] = useState<DiscountKind>(current?.kind ?? 'percent');
  const [valueText, setValueText] = useState(
    current ? (current.kind === 'percent' ? toPercentInput(current.value) : toMoneyInput(current.value)) : '',
  );
  const [reason, setReason] = useState(current?.reason ?? '');
  const [errors, setErrors] = useState<FieldErrors<FieldKey>>({});
  const [top, setTop] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [whyManager, setWhyManager] = useState<string | null>(null);
  const money = (m: number) => formatMoney(m, currency);

  function parseValue(): { value: number } | { error: string } {
    const text = valueText.trim();
    if (!text) return { error: 'Enter the discount' };
    if (kind === 'percent') {
      const bp = parsePercentBp(text);
      if (bp === null) return { error: 'Type a percent like 10 or 7.5' };
      if (bp === 0) return { error: 'Enter more than 0' };
      if (bp > 10_000) return { error: 'At most 100%' };
      return { value: bp };
    }
    const amount = parseMoney(text);
    if (amount === null) return { error: 'Type an amount like 50 or 25.50' };
    if (amount === 0) return { error: 'Enter more than 0' };
    return { value: amount };
  }

  async function apply(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const parsed = parseValue();
    if ('error' in parsed) {
      setErrors({ value: parsed.error });
      setTop(null);
      return;
    }
    const next: Pending = { discount: { kind, value: parsed.value }, reason: reason.trim() };
    setBusy(true);
    setErrors({});
    setTop(null);
    const result = await send(next);
    setBusy(false);
    if (result.ok) {
      onClose();
      return;
    }
    if (result.error.code === 'FORBIDDEN') {
      setPending(next);
      setWhyManager(result.error.message);
      setStep('approve');
      return;
    }
    if (result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED') return;
    const split = splitErrors(result.error, FIELDS);
    setErrors(split.fields);
    setTop(split.top);
  }

  async function remove() {
    if (busy) return;
    setBusy(true);
    setTop(null);
    const result = await send({ discount: null });
    setBusy(false);
    if (result.ok) onClose();
    else if (result.error.code !== 'LOCKED' && result.error.code !== 'UNAUTHENTICATED') setTop(result.error.message);
  }

  if (step === 'approve' && pending) {
    return (
      <ManagerApproval
        label={label}
        kicker={`${line ? `Discount on ${line.name}` : 'Order discount'} · ${describe(pending, currency)}`}
        question={`Approve ${describe(pending, currency)} ${line ? line.name : 'the order'}?`}
        whyManager={whyManager}
        request={{
          action: 'discount.overLimit',
          params: lineId ? { scope: 'line', lineId, ...pending.discount } : { scope: 'order', ...pending.discount },
        }}
        retry={(approvalId) => send({ ...pending, approvalId })}
        onDone={onClose}
        onBack={() => {
          setStep('edit');
          setTop(null);
        }}
        onClose={onClose}
      />
    );
  }

  return (
    <Dialog label={label} onClose={onClose} busy={busy}>
      <form onSubmit={apply} noValidate>
        <div className="dialog-head">
          {line ? (
            <>
              <h2 className="dialog-title">Discount on {line.name}</h2>
              <p className="muted">
                {line.quantity} × {money(line.unitPrice)} = {money(line.lineTotal)}
              </p>
            </>
          ) : (
            <>
              <h2 className="dialog-title">Order discount</h2>
              <p className="muted">Order subtotal {money(cart.totals.subtotal)}</p>
            </>
          )}
        </div>

        <div className="segmented" role="group" aria-label="Percent or amount">
          {(['percent', 'amount'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={`segmented-option${kind === k ? ' segmented-option--on' : ''}`}
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                setErrors({});
              }}
              disabled={busy}
            >
              {k === 'percent' ? 'Percent' : 'Amount'}
            </button>
          ))}
        </div>

        <TextField
          label="Discount"
          className="field--discount"
          inputMode="decimal"
          autoComplete="off"
          maxLength={kind === 'percent' ? 6 : 14}
          value={valueText}
          onChange={setValueText}
          error={errors.value}
          hint={
            kind === 'percent'
              ? `Percent off ${line ? 'this item' : 'the order'}, like 10 or 7.5`
              : `Amount off ${line ? 'this item' : 'the order'}, like 50 or 25.50`
          }
          disabled={busy}
        />
        <TextField
          label="Reason"
          value={reason}
          onChange={setReason}
          error={errors.reason}
          maxLength={200}
          hint="For example: staff drink, loyalty card, spilled drink"
          disabled={busy}
        />

        <ErrorMessage message={top} />

        <div className={`dialog-buttons${current ? ' dialog-buttons--three' : ''}`}>
          <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          {current && (
            <button type="button" className="btn btn--danger-outline btn--large" onClick={() => void remove()} disabled={busy}>
              Remove discount
            </button>
          )}
          <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-busy={busy || undefined}>
            Apply discount
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function describe(pending: Pending, currency: Currency): string {
  const { kind, value } = pending.discount;
  return kind === 'percent' ? `${formatRate(value)} off` : `${formatMoney(value, currency)} off`;
}
