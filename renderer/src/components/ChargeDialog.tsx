import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { changeDue, parseMoney, quickTenders, toMoneyInput, type Currency, type Minor } from '../../../electron/shared/money';
import { newRequestId } from '../api';
import { formatMoney } from '../format';
import { useCartStore } from '../stores/cartStore';
import { ErrorMessage } from './ErrorMessage';

interface ChargeDialogProps {
  total: Minor;
  currency: Currency;
  onClose(): void;
}

/** Cash payment: what was handed over, the change, and one idempotent checkout request. */
export function ChargeDialog({ total, currency, onClose }: ChargeDialogProps) {
  const checkout = useCartStore((s) => s.checkout);
  // One id per opened dialog: retrying after an error reuses it, so a sale is never charged twice.
  const [requestId] = useState(newRequestId);
  const [tenderedText, setTenderedText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  const tendered = tenderedText.trim() === '' ? null : parseMoney(tenderedText);
  const change = tendered === null ? null : changeDue(total, tendered);
  const enough = change !== null;
  const money = (m: Minor) => formatMoney(m, currency);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  async function complete(e?: FormEvent) {
    e?.preventDefault();
    if (busy || tendered === null || !enough) return;
    setBusy(true);
    setError(null);
    const result = await checkout(requestId, tendered);
    if (result.ok) {
      onClose();
      return;
    }
    setBusy(false);
    if (result.error.code !== 'LOCKED' && result.error.code !== 'UNAUTHENTICATED') setError(result.error.message);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    // Keep focus inside the dialog.
    const focusable = dialogRef.current?.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled])');
    if (!focusable || focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  let changeText: string;
  let changeClass = 'change-line';
  if (tendered === null && tenderedText.trim() !== '') {
    changeText = 'Type an amount like 500 or 500.00';
    changeClass += ' change-line--bad';
  } else if (tendered === null) {
    changeText = 'Enter the cash received';
    changeClass += ' change-line--idle';
  } else if (change === null) {
    changeText = 'Not enough';
    changeClass += ' change-line--bad';
  } else {
    changeText = money(change);
    changeClass += ' change-line--ok';
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Cash payment"
        ref={dialogRef}
        onKeyDown={onKeyDown}
      >
        <form onSubmit={complete} noValidate>
          <h2 className="dialog-title">Cash payment</h2>
          <div className="due">
            <span className="due-label">Total due</span>
            <span className="due-amount">{money(total)}</span>
          </div>

          <div className="field field--tender">
            <label htmlFor="tendered">Amount tendered</label>
            <input
              id="tendered"
              ref={inputRef}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={tenderedText}
              onChange={(e) => setTenderedText(e.target.value)}
              aria-describedby="change-due"
              disabled={busy}
            />
          </div>

          <div className="quick-tenders" role="group" aria-label="Quick amounts">
            {quickTenders(total).map((amount, i) => (
              <button
                key={amount}
                type="button"
                className="btn btn--secondary btn--quick"
                onClick={() => {
                  setTenderedText(toMoneyInput(amount));
                  setError(null);
                }}
                disabled={busy}
              >
                {i === 0 ? 'Exact' : money(amount)}
              </button>
            ))}
          </div>

          <div className={changeClass} id="change-due" aria-live="polite">
            <span className="change-label">Change due</span>
            <span className="change-amount">{changeText}</span>
          </div>

          <ErrorMessage message={error} />

          <div className="dialog-actions">
            <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="btn btn--charge btn--large" disabled={busy || !enough} aria-busy={busy || undefined}>
              Complete sale
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
