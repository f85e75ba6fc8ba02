import { useEffect, useRef, useState, type ComponentProps, type FormEvent } from 'react';
import type { PaymentInput, PaymentMethod } from '../../../electron/shared/contract';
import { LARGEST_NOTE, maxCashTender, parseMoney, quickTenders, toMoneyInput, type Currency, type Minor } from '../../../electron/shared/money';
import { newRequestId } from '../api';
import { PAYMENT_LABELS, formatMoney } from '../format';
import { useFormRequest } from '../hooks/useFormRequest';
import { useCartStore } from '../stores/cartStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { FormButtons } from './FormButtons';
import { OpenShiftButton, refusedForNoShift, usePaymentScreen } from './shift/paymentShift';
import { TextField } from './TextField';

interface PaymentDialogProps {
  total: Minor;
  currency: Currency;
  onClose(): void;
}

interface Tender {
  key: number;
  method: PaymentMethod;
  /** Cash: what was handed over (may be more than due). Card/other: the amount charged. */
  amount: Minor;
  reference: string;
}

type Pending =
  | { ok: true; tender: Omit<Tender, 'key'> }
  | { ok: false; empty: boolean; message: string; /** Over the cash cap: said under the field, where the digits are. */ tooMuch?: boolean };

const METHODS: PaymentMethod[] = ['cash', 'card', 'other'];

/** An amount of money typed at the till: big figures, decimal keypad. */
function AmountField(props: ComponentProps<typeof TextField>) {
  return <TextField className="field--tender" inputMode="decimal" autoComplete="off" maxLength={14} {...props} />;
}

function toInput(t: Omit<Tender, 'key'>): PaymentInput {
  if (t.method === 'cash') return { method: 'cash', tendered: t.amount };
  const ref = t.reference.trim();
  return ref ? { method: t.method, amount: t.amount, reference: ref } : { method: t.method, amount: t.amount };
}

/** "₱1,000" on a quick-amount button: whole notes need no centavos, and five must fit in a row. */
function quickLabel(amount: Minor, currency: Currency): string {
  const text = formatMoney(amount, currency);
  return amount % 100 === 0 ? text.replace(/\.00$/, '') : text;
}

/** Cash quick amounts: exact, the next round notes, and the currency's large note (₱1,000) when it is more. */
function cashQuickAmounts(due: Minor, currency: Currency): Minor[] {
  const amounts = quickTenders(due);
  const note = LARGEST_NOTE[currency];
  return note > due && !amounts.includes(note) ? [...amounts, note] : amounts;
}

/**
 * "Payment": cash, card or other, or split across them — or, when the order comes to nothing,
 * just Complete sale. One request id per opening: a retry after an error reuses it, so a sale is
 * never charged twice.
 */
export function PaymentDialog(props: PaymentDialogProps) {
  usePaymentScreen();
  return props.total === 0 ? <NothingToPayDialog {...props} /> : <TenderDialog {...props} />;
}

/** A free item or a full discount: no tender to take (main refuses one on a zero total). */
function NothingToPayDialog({ currency, onClose }: PaymentDialogProps) {
  const checkout = useCartStore((s) => s.checkout);
  const [requestId] = useState(newRequestId);
  const { busy, top: error, send, showError } = useFormRequest();
  const sending = useRef(false);

  async function complete(e: FormEvent) {
    e.preventDefault();
    if (busy || sending.current) return;
    sending.current = true;
    const result = await send(() => checkout(requestId, []));
    sending.current = false;
    if (result.ok) onClose();
    else showError(result.error);
  }

  return (
    <Dialog label="Payment" onClose={onClose} busy={busy}>
      <form className="pay-nothing" onSubmit={complete} noValidate>
        <h2 className="dialog-title">Payment</h2>
        <div className="due">
          <span className="due-label">Total due</span>
          <span className="due-amount">{formatMoney(0, currency)}</span>
        </div>
        <div className="pay-still pay-still--done" role="status">
          <span>Nothing to pay</span>
        </div>
        <p className="muted">This order comes to nothing (a free item or a full discount). Complete the sale without taking any money.</p>
        <ErrorMessage message={error} />
        <FormButtons submitLabel="Complete sale" variant="charge" busy={busy} onCancel={onClose} autoFocus />
      </form>
    </Dialog>
  );
}

/**
 * Cash, card or other, or split across them. The amount being typed counts as a payment, so a
 * plain cash sale is: type what was handed over, Complete sale.
 */
function TenderDialog({ total, currency, onClose }: PaymentDialogProps) {
  const checkout = useCartStore((s) => s.checkout);
  const [requestId] = useState(newRequestId);
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [cashText, setCashText] = useState('');
  /** null: follow what is still due. */
  const [amountText, setAmountText] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const { busy, top: error, setTop: setError, send, showError } = useFormRequest();
  /** Main refused cash because no shift is open on this till: offer the way to the Drawer. */
  const [noShift, setNoShift] = useState(false);
  const nextKey = useRef(1);
  const sending = useRef(false); // a double tap lands before React re-renders
  const cashRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const completeRef = useRef<HTMLButtonElement>(null);
  const money = (m: Minor) => formatMoney(m, currency);

  const paid = tenders.reduce((sum, t) => sum + t.amount, 0);
  const stillDue = Math.max(0, total - paid);
  const amountShown = amountText ?? toMoneyInput(stillDue);

  // What is typed right now, as a payment.
  let pending: Pending;
  if (method === 'cash') {
    const text = cashText.trim();
    const value = text === '' ? null : parseMoney(text);
    if (text === '') pending = { ok: false, empty: true, message: 'Enter the cash received' };
    else if (value === null) pending = { ok: false, empty: false, message: 'Type an amount like 500 or 500.00' };
    else if (value === 0) pending = { ok: false, empty: false, message: 'Enter more than 0' };
    else if (stillDue > 0 && value > maxCashTender(stillDue, currency))
      // The same cap main applies: an extra zero, not a customer with a suitcase of notes.
      pending = {
        ok: false,
        empty: false,
        tooMuch: true,
        message: `${money(value)} is far more cash than this sale needs — check the amount (at most ${money(maxCashTender(stillDue, currency))})`,
      };
    else pending = { ok: true, tender: { method, amount: value, reference: '' } };
  } else {
    const text = amountShown.trim();
    const value = text === '' ? null : parseMoney(text);
    if (text === '') pending = { ok: false, empty: true, message: 'Enter the amount' };
    else if (value === null) pending = { ok: false, empty: false, message: 'Type an amount like 150 or 150.50' };
    else if (value === 0) pending = { ok: false, empty: stillDue === 0, message: 'Enter more than 0' };
    else if (value > stillDue)
      pending = { ok: false, empty: false, message: `Only cash can be more than what is still due (${money(stillDue)})` };
    else pending = { ok: true, tender: { method, amount: value, reference } };
  }
  const pendingCounts = pending.ok && stillDue > 0;
  const effective = pendingCounts && pending.ok ? [...tenders, { ...pending.tender, key: 0 }] : tenders;
  const effectivePaid = effective.reduce((sum, t) => sum + t.amount, 0);
  const nonCash = effective.filter((t) => t.method !== 'cash').reduce((sum, t) => sum + t.amount, 0);
  const covered = effective.length > 0 && effectivePaid >= total && nonCash <= total;
  const change = covered ? effectivePaid - total : null;
  /** What is left after everything added and the amount being typed: agrees with Change due. */
  const remaining = Math.max(0, total - effectivePaid);
  const anyCash = method === 'cash' || effective.some((t) => t.method === 'cash');

  const latest = useRef({ stillDue, busy });
  latest.current = { stillDue, busy };

  // F8: exact cash for what is still due.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'F8') return;
      e.preventDefault();
      if (latest.current.busy) return;
      exactCash(latest.current.stillDue);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** A typed amount clears the last error. */
  const typed = (setText: (text: string) => void) => (text: string) => {
    setText(text);
    setError(null);
  };

  function exactCash(amount: Minor) {
    setMethod('cash');
    setCashText(toMoneyInput(amount));
    setError(null);
  }

  function pickMethod(next: PaymentMethod) {
    setMethod(next);
    setAmountText(null);
    setError(null);
    // Focus the amount for the chosen method once it is on screen.
    requestAnimationFrame(() => (next === 'cash' ? cashRef.current : amountRef.current)?.select());
  }

  function addPayment() {
    if (busy || !pending.ok || stillDue === 0) return;
    setTenders((list) => [...list, { ...pending.tender, key: nextKey.current++ }]);
    setCashText('');
    setAmountText(null);
    setReference('');
    setError(null);
    const nowDue = stillDue - pending.tender.amount;
    requestAnimationFrame(() => {
      if (nowDue <= 0) completeRef.current?.focus();
      else (method === 'cash' ? cashRef.current : amountRef.current)?.focus();
    });
  }

  function removePayment(key: number) {
    setTenders((list) => list.filter((t) => t.key !== key));
    setAmountText(null);
    setError(null);
  }

  async function complete(e?: FormEvent) {
    e?.preventDefault();
    if (busy || sending.current) return;
    if (!covered) {
      // Enter with a part payment typed: add it to the list.
      if (pending.ok && stillDue > 0) addPayment();
      return;
    }
    sending.current = true;
    setNoShift(false);
    const result = await send(() => checkout(requestId, effective.map(toInput)));
    sending.current = false;
    if (result.ok) onClose();
    else {
      showError(result.error);
      setNoShift(await refusedForNoShift(result.error, effective.some((t) => t.method === 'cash')));
    }
  }

  let changeText: string;
  let changeClass = 'change-line';
  if (!pending.ok && pending.tooMuch) {
    changeText = 'Check the amount';
    changeClass += ' change-line--bad';
  } else if (!pending.ok && !pending.empty && method === 'cash') {
    changeText = pending.message;
    changeClass += ' change-line--bad';
  } else if (change !== null) {
    changeText = money(change);
    changeClass += ' change-line--ok';
  } else if (method === 'cash' && pending.ok) {
    changeText = `Not enough — ${money(remaining)} more`;
    changeClass += ' change-line--bad';
  } else {
    changeText = method === 'cash' ? 'Enter the cash received' : '—';
    changeClass += ' change-line--idle';
  }

  const fieldError = !pending.ok && !pending.empty && method !== 'cash' ? pending.message : undefined;
  const cashError = !pending.ok && pending.tooMuch ? pending.message : undefined;

  return (
    <Dialog label="Payment" onClose={onClose} busy={busy} wide>
      <form className="pay" onSubmit={complete} noValidate>
        <div className="pay-summary">
          <h2 className="dialog-title">Payment</h2>
          <div className="due">
            <span className="due-label">Total due</span>
            <span className="due-amount">{money(total)}</span>
          </div>
          <div className={`pay-still${remaining === 0 ? ' pay-still--done' : ''}`} aria-live="polite">
            <span>Still due</span>
            <span className="pay-still-amount">{money(remaining)}</span>
          </div>

          {tenders.length > 0 ? (
            <ul className="pay-rows" aria-label="Payments added">
              {tenders.map((t) => (
                <li key={t.key} className="pay-row">
                  <span className="pay-row-method">{PAYMENT_LABELS[t.method]}</span>
                  <span className="pay-row-ref">{t.reference ? `Ref ${t.reference}` : ''}</span>
                  <span className="pay-row-amount">{money(t.amount)}</span>
                  <button
                    type="button"
                    className="remove-btn"
                    aria-label={`Remove ${PAYMENT_LABELS[t.method]} payment`}
                    onClick={() => removePayment(t.key)}
                    disabled={busy}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted pay-hint">Paying with more than one method? Add each part with Add payment.</p>
          )}

          {anyCash && (
            <div className={changeClass} id="change-due" aria-live="polite">
              <span className="change-label">Change due</span>
              <span className="change-amount">{changeText}</span>
            </div>
          )}
        </div>

        <div className="pay-entry">
          <div className="segmented segmented--three" role="group" aria-label="Payment method">
            {METHODS.map((m) => (
              <button
                key={m}
                type="button"
                className={`segmented-option${method === m ? ' segmented-option--on' : ''}`}
                aria-pressed={method === m}
                onClick={() => pickMethod(m)}
                disabled={busy}
              >
                {PAYMENT_LABELS[m]}
              </button>
            ))}
          </div>

          {method === 'cash' ? (
            <>
              <AmountField
                label="Amount tendered"
                inputRef={cashRef}
                value={cashText}
                onChange={typed(setCashText)}
                error={cashError}
                disabled={busy}
                data-autofocus
              />
              <div className="quick-tenders" role="group" aria-label="Quick amounts">
                {cashQuickAmounts(stillDue, currency).map((amount, i) => (
                  <button
                    key={amount}
                    type="button"
                    className="btn btn--secondary btn--quick"
                    onClick={() => exactCash(amount)}
                    disabled={busy || stillDue === 0}
                    title={i === 0 ? 'F8' : undefined}
                  >
                    {i === 0 ? 'Exact' : quickLabel(amount, currency)}
                  </button>
                ))}
              </div>
            </>
          ) : (
            <div className="pay-card-fields">
              <AmountField
                label="Amount"
                inputRef={amountRef}
                value={amountShown}
                onChange={typed(setAmountText)}
                error={fieldError}
                hint={`Up to ${money(stillDue)}`}
                disabled={busy || stillDue === 0}
              />
              <TextField
                label="Reference (optional)"
                autoComplete="off"
                maxLength={60}
                value={reference}
                onChange={setReference}
                placeholder={method === 'card' ? 'e.g. last 4 digits or approval code' : 'e.g. GCash ref no.'}
                disabled={busy || stillDue === 0}
              />
            </div>
          )}

          <button
            type="button"
            className="btn btn--secondary btn--large btn--block"
            onClick={addPayment}
            disabled={busy || !pending.ok || stillDue === 0}
          >
            Add payment
          </button>

          <ErrorMessage message={error} />
          {noShift && error && <OpenShiftButton onLeave={onClose} />}

          <FormButtons
            className="dialog-actions"
            submitLabel="Complete sale"
            variant="charge"
            disabled={!covered}
            buttonRef={completeRef}
            busy={busy}
            onCancel={onClose}
          />
        </div>
      </form>
    </Dialog>
  );
}
