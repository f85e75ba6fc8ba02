import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OrderDetail, RefundPreview, RefundResult, RefundTender, RefundWhat } from '../../../../electron/shared/contract';
import { formatMoney, parseMoney, type Minor } from '../../../../electron/shared/money';
import { call, newRequestId } from '../../api';
import { splitErrors } from '../../formErrors';
import { isAuthLoss } from '../../stores/cartStore';
import { issueRefund, tenderWords } from '../../stores/refundStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { SubmitButton } from '../FormButtons';
import { ManagerApproval } from '../ManagerApproval';
import { RefundDone } from './RefundDone';
import { RefundReasonField } from './RefundReasonField';
import { RefundToPicker } from './RefundToPicker';
import { RefundNotes, RefundTotal } from './RefundTotal';
import { RefundWhatPicker, type RefundMode } from './RefundWhatPicker';
import { useRefundPreview } from './useRefundPreview';

/** A refund as it was sent, frozen with the preview it was approved against. */
interface Pending {
  input: { requestId: string; orderId: string; what: RefundWhat; tender: RefundTender; reason: string };
  preview: RefundPreview;
}

interface Choice {
  what: RefundWhat | null;
  /** Why there is nothing to refund yet, in words. */
  prompt: string | null;
  amountError?: string;
}

/** The person's choice as main's `what`, or what is missing. Lines with 0 are left out; no lines, no `what`. */
function choiceOf(mode: RefundMode, quantities: Record<string, number>, amountText: string, refundable: Minor, money: (m: Minor) => string): Choice {
  if (mode === 'all') return { what: { kind: 'all' }, prompt: null };
  if (mode === 'lines') {
    const lines = Object.entries(quantities)
      .filter(([, n]) => n > 0)
      .map(([lineId, quantity]) => ({ lineId, quantity }));
    return lines.length > 0 ? { what: { kind: 'lines', lines }, prompt: null } : { what: null, prompt: 'Tap + on the items to refund' };
  }
  const text = amountText.trim();
  if (!text) return { what: null, prompt: 'Type the amount to refund' };
  const amount = parseMoney(text);
  if (amount === null) return { what: null, prompt: null, amountError: 'Type an amount like 50 or 25.50' };
  if (amount === 0) return { what: null, prompt: null, amountError: 'Enter more than 0' };
  if (amount > refundable) return { what: null, prompt: null, amountError: `At most ${money(refundable)} is left to refund` };
  return { what: { kind: 'amount', amount }, prompt: null };
}

/** Whether this till has no open shift (cash refunds come out of its drawer); null when unknown. */
function useNoOpenShift(): boolean | null {
  const [none, setNone] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void call('shifts.current', {}).then((r) => {
      if (live && r.ok) setNone(r.value.cashNeedsShift && r.value.shift === null);
    });
    return () => {
      live = false;
    };
  }, []);
  return none;
}

/**
 * "Refund": the whole order, items and quantities, or an amount; to the original payment or
 * another tender; a reason. Main previews it live (debounced) and says whose approval it needs;
 * one request id per dialog, so a double tap (or a retry after a lost answer) refunds once.
 */
export function RefundDialog({ order, onClose }: { order: OrderDetail; onClose(): void }) {
  const currency = order.currency;
  const money = (m: Minor) => formatMoney(m, currency);
  const [requestId] = useState(newRequestId);
  const [mode, setMode] = useState<RefundMode>('lines');
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [amountText, setAmountText] = useState('');
  const [tender, setTender] = useState<RefundTender>('original');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [top, setTop] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<'choose' | 'approve' | 'done'>('choose');
  const [pending, setPending] = useState<Pending | null>(null);
  const [whyManager, setWhyManager] = useState<string | null>(null);
  const [result, setResult] = useState<RefundResult | null>(null);
  // A second tap before the first answer re-renders the button disabled (main would replay it anyway).
  const sending = useRef(false);
  const noOpenShift = useNoOpenShift();

  // What the order on screen says is left, until main's figure is in (then checked again against it).
  const leftBefore = order.total - order.refunded;
  const choice = choiceOf(mode, quantities, amountText, leftBefore, money);
  const live = useRefundPreview(order.id, choice.what, tender);
  const refundable = live.base?.refundable ?? leftBefore;
  const checked = live.base ? choiceOf(mode, quantities, amountText, refundable, money) : choice;
  const preview = checked.what ? live.preview : null;
  const choiceKey = JSON.stringify([checked.what, tender]);
  // Main's refusal was about the last choice: a new choice clears it.
  useEffect(() => setTop(null), [choiceKey]);

  function approvalWords(p: RefundPreview): string | null {
    if (!p.needsApproval) return null;
    return p.needsApproval.ownerOnly
      ? `Over the ${money(p.needsApproval.limit)} refund limit: the owner approves it with their PIN.`
      : 'A manager approves it with their PIN.';
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || sending.current || !checked.what || !preview) return;
    if (reason.trim().length < 3) {
      setReasonError('Say why, in a few words');
      return;
    }
    setReasonError(undefined);
    const next: Pending = { input: { requestId, orderId: order.id, what: checked.what, tender, reason: reason.trim() }, preview };
    if (preview.needsApproval) {
      setPending(next);
      setWhyManager(approvalWords(preview));
      setStep('approve');
      return;
    }
    sending.current = true;
    setBusy(true);
    setTop(null);
    const r = await issueRefund(next.input);
    sending.current = false;
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      setStep('done');
      return;
    }
    if (r.error.code === 'FORBIDDEN') {
      setPending(next);
      setWhyManager(r.error.message);
      setStep('approve');
      return;
    }
    if (isAuthLoss(r.error)) return;
    const split = splitErrors(r.error, { reason: 'reason' });
    setReasonError(split.fields.reason);
    setTop(split.fields.reason ? null : split.top);
  }

  if (step === 'done' && result) return <RefundDone result={result} currency={currency} onClose={onClose} />;

  if (step === 'approve' && pending) {
    const { amount, tenders } = pending.preview;
    return (
      <ManagerApproval
        label="Refund"
        kicker={`Refund · order ${order.shortNumber} · ${money(amount)}`}
        question={`Approve refunding ${money(amount)} ${tenderWords(pending.input.tender, tenders)}?`}
        whyManager={whyManager}
        request={{ action: 'order.refund', params: { orderId: order.id, amount, tender: pending.input.tender } }}
        approverRoles={pending.preview.needsApproval?.ownerOnly ? ['owner'] : undefined}
        retry={async (approvalId) => {
          const r = await issueRefund({ ...pending.input, approvalId });
          if (r.ok) setResult(r.value);
          return r;
        }}
        onDone={() => setStep('done')}
        onBack={() => setStep('choose')}
        onClose={onClose}
      />
    );
  }

  const lines = live.base?.lines ?? [];
  return (
    <Dialog label="Refund" onClose={onClose} busy={busy} wide>
      <form className="refund-form" onSubmit={submit} noValidate>
        <div className="dialog-head">
          <p className="dialog-kicker">
            Order {order.shortNumber} · paid {money(order.total)}
          </p>
          <h2 className="dialog-title">Refund order {order.shortNumber}</h2>
          <p className="muted">
            {order.refunded > 0 ? `${money(order.refunded)} refunded before · ` : ''}
            {money(refundable)} can still be refunded.
          </p>
        </div>
        <ErrorMessage message={live.baseError} />
        <div className="refund-columns">
          <div className="refund-col">
            {!live.base && !live.baseError ? (
              <p className="muted">Loading the order…</p>
            ) : (
              <RefundWhatPicker
                mode={mode}
                onMode={setMode}
                lines={lines}
                quantities={quantities}
                onQuantity={(lineId, n) => setQuantities((q) => ({ ...q, [lineId]: Math.max(0, n) }))}
                amountText={amountText}
                onAmountText={setAmountText}
                amountError={checked.amountError}
                refundable={refundable}
                currency={currency}
                preview={preview}
                disabled={busy}
              />
            )}
          </div>
          <div className="refund-col">
            <RefundToPicker
              tender={tender}
              onTender={setTender}
              paidWith={order.payments.map((p) => p.method)}
              preview={preview}
              currency={currency}
              disabled={busy}
            />
            <RefundNotes
              preview={preview}
              error={checked.what ? live.error : null}
              refused={top}
              noOpenShift={noOpenShift}
              whoApproves={preview ? approvalWords(preview) : null}
            />
            <RefundReasonField value={reason} onChange={setReason} error={reasonError} disabled={busy} />
          </div>
        </div>
        <div className="dialog-buttons dialog-buttons--sticky refund-foot">
          <RefundTotal
            preview={preview}
            pending={live.pending}
            prompt={checked.what ? null : (checked.prompt ?? checked.amountError ?? null)}
            currency={currency}
          />
          <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <SubmitButton label={preview ? `Refund ${money(preview.amount)}` : 'Refund'} busy={busy} disabled={!preview} />
        </div>
      </form>
    </Dialog>
  );
}
