import { useState, type FormEvent } from 'react';
import type { CountResult, ShiftState, ShiftView } from '../../../../electron/shared/contract';
import { formatMoney, parseMoney, toMoneyInput, type Currency, type Minor } from '../../../../electron/shared/money';
import type { FieldErrors } from '../../formErrors';
import { useFormRequest } from '../../hooks/useFormRequest';
import { hasPermission, useSessionStore } from '../../stores/sessionStore';
import { useShiftStore } from '../../stores/shiftStore';
import { ErrorMessage } from '../ErrorMessage';
import { SubmitButton } from '../FormButtons';
import { ManagerApproval } from '../ManagerApproval';
import { TextField } from '../TextField';
import { CashCount, emptyCount, parseCount, type CashCountDraft } from './CashCount';
import { varianceWords } from './shiftFormat';

interface CloseShiftFlowProps {
  state: ShiftState;
  shift: ShiftView;
  /** Back to the shift without closing. */
  onCancel(): void;
}

/**
 * Closing the shift. First the BLIND count: the cashier counts by note and coin and nothing on
 * this step shows what the drawer should hold. Main records the count and only then answers with
 * the expected cash and the variance. Then what stays in the drawer for the next shift, a reason
 * when the variance is over the tolerance, a manager's approval when the person closing may not
 * approve it themselves — and main stores the Z report.
 */
export function CloseShiftFlow({ state, shift, onCancel }: CloseShiftFlowProps) {
  const [counted, setCounted] = useState<CountResult | null>(null);
  return counted ? (
    <CountOutcome state={state} shift={shift} result={counted} onRecount={() => setCounted(null)} onCancel={onCancel} />
  ) : (
    <BlindCount state={state} shift={shift} onCounted={setCounted} onCancel={onCancel} />
  );
}

function BlindCount({ state, shift, onCounted, onCancel }: { state: ShiftState; shift: ShiftView; onCounted(r: CountResult): void; onCancel(): void }) {
  const count = useShiftStore((s) => s.count);
  const [draft, setDraft] = useState<CashCountDraft>(() => emptyCount());
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [amountError, setAmountError] = useState<string | undefined>();
  const { busy, top, send, showError } = useFormRequest();

  function change(next: CashCountDraft) {
    setDraft(next);
    setRowErrors({});
    setAmountError(undefined);
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
    const result = await send(() => count({ shiftId: shift.id, count: parsed.input }));
    if (result.ok) onCounted(result.value);
    else showError(result.error, { showAuthLoss: true });
  }

  return (
    <form className="shift-card close-shift" onSubmit={submit} noValidate aria-labelledby="count-title">
      <div className="shift-card-head">
        <p className="dialog-kicker">Close shift · step 1 of 2</p>
        <h3 id="count-title" className="shift-card-title">
          Count the drawer
        </h3>
        <p className="muted">
          Count every note and coin in the drawer and type how many of each. The figure the drawer should hold is shown only after
          the count is in.
        </p>
      </div>
      <CashCount
        draft={draft}
        onChange={change}
        denominations={state.denominations}
        currency={state.currency}
        amountLabel="Cash in the drawer"
        rowErrors={rowErrors}
        amountError={amountError}
        disabled={busy}
        footer={
          <div className="shift-card-actions">
            <button type="button" className="btn btn--secondary btn--large" onClick={onCancel} disabled={busy}>
              Back to the shift
            </button>
            <SubmitButton label="Submit count" busy={busy} />
          </div>
        }
      />
      <ErrorMessage message={top} />
    </form>
  );
}

type Key = 'leftInDrawer' | 'varianceReason';
const FIELDS: Record<string, Key> = { leftInDrawer: 'leftInDrawer', varianceReason: 'varianceReason' };

interface CountOutcomeProps {
  state: ShiftState;
  shift: ShiftView;
  result: CountResult;
  onRecount(): void;
  onCancel(): void;
}

/** Step 2: expected, counted and the variance; what stays in the drawer; reason and approval when needed; close. */
/** "A difference of more than ₱20.00", or "Any difference" when the shop allows none. */
function toleranceWords(tolerance: Minor, currency: Currency): string {
  return tolerance === 0 ? 'Any difference' : `A difference of more than ${formatMoney(tolerance, currency)}`;
}

function CountOutcome({ state, shift, result, onRecount, onCancel }: CountOutcomeProps) {
  const close = useShiftStore((s) => s.close);
  const canApprove = useSessionStore((s) => hasPermission(s.session, 'shifts.manage'));
  const currency = state.currency;
  const money = (m: Minor) => formatMoney(m, currency);
  const countedTotal = result.counted.total;
  const [left, setLeft] = useState(() => toMoneyInput(Math.min(shift.openingFloat.total, countedTotal)));
  const [reason, setReason] = useState('');
  const [approving, setApproving] = useState<{ leftInDrawer: Minor; why: string | null } | null>(null);
  const { busy, errors, top, rejectLocal, send, showError } = useFormRequest<Key>();
  const variance = result.variance;

  const input = (leftInDrawer: Minor, approvalId?: string) => ({
    shiftId: shift.id,
    leftInDrawer,
    ...(reason.trim() ? { varianceReason: reason.trim() } : {}),
    ...(approvalId ? { approvalId } : {}),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<Key> = {};
    const leftText = left.trim();
    const leftInDrawer = leftText === '' ? null : parseMoney(leftText);
    if (leftInDrawer === null) local.leftInDrawer = leftText === '' ? 'Enter what stays in the drawer (0 if nothing)' : 'Type an amount like 2000 or 2,000.00';
    else if (leftInDrawer > countedTotal) local.leftInDrawer = `At most the cash counted (${money(countedTotal)})`;
    if (result.needsApproval && reason.trim().length < 3) local.varianceReason = 'Say why the drawer is off, in a few words';
    if (rejectLocal(local) || leftInDrawer === null) return;
    if (result.needsApproval && !canApprove) {
      setApproving({ leftInDrawer, why: `${toleranceWords(result.tolerance, currency)} needs a manager's approval.` });
      return;
    }
    const closed = await send(() => close(input(leftInDrawer)));
    if (closed.ok) return; // the store now holds the Z report; the screen shows it
    if (closed.error.code === 'FORBIDDEN') {
      setApproving({ leftInDrawer, why: closed.error.message });
      return;
    }
    showError(closed.error, { fields: FIELDS, showAuthLoss: true });
  }

  if (approving) {
    return (
      <ManagerApproval
        label="Close shift"
        kicker={`Close shift · ${varianceWords(variance, currency)}`}
        question={`Approve closing ${state.terminalName} ${variance < 0 ? 'short' : 'over'} by ${money(Math.abs(variance))}?`}
        whyManager={approving.why}
        request={{ action: 'shift.variance', params: { shiftId: shift.id, variance } }}
        retry={(approvalId) => close(input(approving.leftInDrawer, approvalId))}
        onDone={() => setApproving(null)}
        onBack={() => setApproving(null)}
        onClose={() => setApproving(null)}
      />
    );
  }

  const tone = variance === 0 ? 'exact' : result.needsApproval ? 'bad' : 'small';
  return (
    <form className="shift-card close-shift" onSubmit={submit} noValidate aria-labelledby="outcome-title">
      <div className="shift-card-head">
        <p className="dialog-kicker">Close shift · step 2 of 2{result.countNumber > 1 ? ` · count ${result.countNumber}` : ''}</p>
        <h3 id="outcome-title" className="shift-card-title">
          The count is in
        </h3>
      </div>

      <dl className="count-outcome">
        <div>
          <dt>Expected in the drawer</dt>
          <dd>{money(result.expected)}</dd>
        </div>
        <div>
          <dt>Counted</dt>
          <dd>{money(countedTotal)}</dd>
        </div>
        <div className={`count-variance count-variance--${tone}`}>
          <dt>Difference</dt>
          <dd>{varianceWords(variance, currency)}</dd>
        </div>
      </dl>

      {result.needsApproval ? (
        <p className="alert" role="status">
          <span className="alert-text">
            {toleranceWords(result.tolerance, currency)} needs a reason{canApprove ? '' : ' and a manager’s approval'}: count again if you are
            not sure.
          </span>
        </p>
      ) : (
        variance !== 0 && <p className="muted">Within the {money(result.tolerance)} the shop allows: no approval needed.</p>
      )}

      <div className="settings-grid">
        <TextField
          label="Left in drawer for the next shift"
          inputMode="decimal"
          autoComplete="off"
          maxLength={14}
          value={left}
          onChange={setLeft}
          hint={`The next shift's float; take the rest to the safe. At most ${money(countedTotal)}.`}
          error={errors.leftInDrawer}
          disabled={busy}
        />
        {(result.needsApproval || variance !== 0) && (
          <TextField
            label={result.needsApproval ? 'Reason for the difference' : 'Reason for the difference (optional)'}
            value={reason}
            onChange={setReason}
            maxLength={200}
            autoComplete="off"
            hint="For example: gave change for ₱1,000 as for ₱500"
            error={errors.varianceReason}
            disabled={busy}
          />
        )}
      </div>

      <ErrorMessage message={top} />
      <div className="shift-card-actions">
        <button type="button" className="btn btn--secondary btn--large" onClick={onCancel} disabled={busy}>
          Back to the shift
        </button>
        <button type="button" className="btn btn--secondary btn--large" onClick={onRecount} disabled={busy}>
          Count again
        </button>
        <SubmitButton label={result.needsApproval && !canApprove ? 'Close shift (manager approves)' : 'Close shift'} busy={busy} />
      </div>
    </form>
  );
}
