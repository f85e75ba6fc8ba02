import { useState, type FormEvent } from 'react';
import type { ShiftState } from '../../../../electron/shared/contract';
import { formatMoney, toMoneyInput } from '../../../../electron/shared/money';
import { newRequestId } from '../../api';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useShiftStore } from '../../stores/shiftStore';
import { ErrorMessage } from '../ErrorMessage';
import { SubmitButton } from '../FormButtons';
import { CashCount, emptyCount, parseCount, type CashCountDraft } from './CashCount';

/**
 * No shift open on this till: count the opening float (by note and coin, or one amount) and open
 * one. The last close's "left in drawer" is offered as the float. One request id per form, so a
 * double tap or a retry opens one shift.
 */
export function OpenShiftForm({ state }: { state: ShiftState }) {
  const open = useShiftStore((s) => s.open);
  const load = useShiftStore((s) => s.load);
  const [requestId] = useState(newRequestId);
  const [draft, setDraft] = useState<CashCountDraft>(() => emptyCount());
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [amountError, setAmountError] = useState<string | undefined>();
  const { busy, top, send, showError } = useFormRequest();
  const money = (m: number) => formatMoney(m, state.currency);

  function change(next: CashCountDraft) {
    setDraft(next);
    setRowErrors({});
    setAmountError(undefined);
  }

  function takeSuggested() {
    change({ ...draft, mode: 'amount', amount: toMoneyInput(state.suggestedFloat) });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = parseCount(draft, state.denominations);
    if (!parsed.ok) {
      setRowErrors(parsed.rows);
      setAmountError(parsed.amount);
      return;
    }
    const result = await send(() => open({ requestId, float: parsed.input }));
    if (result.ok) return;
    showError(result.error, { showAuthLoss: true });
    // Someone opened a shift on this till meanwhile (another window): show it.
    if (result.error.code === 'CONFLICT') void load();
  }

  return (
    <form className="shift-card open-shift" onSubmit={submit} noValidate aria-labelledby="open-shift-title">
      <div className="shift-card-head">
        <h3 id="open-shift-title" className="shift-card-title">
          Open a shift on {state.terminalName}
        </h3>
        <p className="muted">
          Count the cash in the drawer before the first sale: this is the opening float.
          {state.cashNeedsShift ? ' Cash sales need an open shift; card sales work without one.' : ''}
        </p>
      </div>

      {state.suggestedFloat > 0 && (
        <div className="suggest-float">
          <span>
            Last close left <strong>{money(state.suggestedFloat)}</strong> in the drawer.
          </span>
          <button type="button" className="btn btn--secondary" onClick={takeSuggested} disabled={busy}>
            Use this
          </button>
        </div>
      )}

      <CashCount
        draft={draft}
        onChange={change}
        denominations={state.denominations}
        currency={state.currency}
        amountLabel="Opening float"
        rowErrors={rowErrors}
        amountError={amountError}
        disabled={busy}
        footer={
          <div className="shift-card-actions">
            <SubmitButton label="Open shift" busy={busy} />
          </div>
        }
      />
      <ErrorMessage message={top} />
    </form>
  );
}
