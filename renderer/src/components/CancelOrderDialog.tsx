import { useState, type FormEvent } from 'react';
import type { OrderDetail, RefundPreview } from '../../../electron/shared/contract';
import { formatMoney } from '../format';
import { useFormRequest } from '../hooks/useFormRequest';
import { useLoaded } from '../hooks/useLoaded';
import { useOrdersStore } from '../stores/ordersStore';
import { handBackWords, previewRefund } from '../stores/refundStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { FormButtons } from './FormButtons';
import { ManagerApproval } from './ManagerApproval';
import { TextField } from './TextField';

/**
 * What cancelling hands back, from main's preview of refunding everything left to the original
 * payment: "Cancelling refunds ₱150.00 (₱50.00 in cash from the drawer)."
 */
function handBackSentence(order: OrderDetail, preview: RefundPreview | null): string {
  const money = (m: number) => formatMoney(m, order.currency);
  const left = order.total - order.refunded;
  if (!preview && left > 0) return `${money(order.total)} paid. Cancelling gives back what is left of it, the way it was paid.`;
  if (!preview || preview.amount === 0) return 'Nothing is left to refund: cancelling only marks the order as cancelled.';
  const before = order.refunded > 0 ? ` (${money(order.refunded)} was refunded before)` : '';
  const how = handBackWords(preview.tenders, order.currency);
  return `Cancelling refunds ${money(preview.amount)}${how ? ` (${how})` : ''}${before}.`;
}

/**
 * "Cancel order": a reason, then orders.cancel (main refunds everything left, then cancels). Managers cancel straight away; for a barista main
 * answers FORBIDDEN and a manager approves in place with their PIN, then the same cancel is sent
 * again with the approval.
 */
export function CancelOrderDialog({ order, onClose }: { order: OrderDetail; onClose(): void }) {
  const cancel = useOrdersStore((s) => s.cancel);
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, top, send, showError } = useFormRequest<'reason'>();
  const [step, setStep] = useState<'reason' | 'approve'>('reason');
  const [whyManager, setWhyManager] = useState<string | null>(null);
  const loaded = useLoaded(() => previewRefund({ orderId: order.id, what: { kind: 'all' }, tender: 'original' }), [order.id]);
  const preview = loaded?.ok ? loaded.value : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (reason.trim().length < 3) {
      setErrors({ reason: 'Say why, in a few words' });
      return;
    }
    const result = await send(() => cancel({ orderId: order.id, reason: reason.trim() }));
    if (result.ok) {
      onClose();
      return;
    }
    if (result.error.code === 'FORBIDDEN') {
      setWhyManager(result.error.message);
      setStep('approve');
      return;
    }
    showError(result.error, { fields: { reason: 'reason' }, fieldsOnly: true });
  }

  if (step === 'approve') {
    return (
      <ManagerApproval
        label="Cancel order"
        kicker={`Cancel order ${order.shortNumber} · ${formatMoney(order.total, order.currency)}`}
        question={`Approve cancelling order ${order.shortNumber} (${formatMoney(order.total, order.currency)})?`}
        whyManager={whyManager}
        request={{ action: 'order.cancelPaid', params: { orderId: order.id } }}
        retry={(approvalId) => cancel({ orderId: order.id, reason: reason.trim(), approvalId })}
        onDone={onClose}
        onBack={() => setStep('reason')}
        onClose={onClose}
      />
    );
  }

  return (
    <Dialog label="Cancel order" onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-head">
          <h2 className="dialog-title">Cancel order {order.shortNumber}</h2>
          <p className="lead cancel-hand-back" aria-live="polite">
            {loaded ? handBackSentence(order, preview) : 'Working out what cancelling hands back…'}
          </p>
          <p className="muted">The order stays in the history as cancelled, with the refund under it.</p>
        </div>
        <TextField
          label="Reason"
          value={reason}
          onChange={setReason}
          maxLength={200}
          autoComplete="off"
          hint="For example: customer changed their mind, wrong order rung up"
          error={errors.reason}
          disabled={busy}
        />
        <ErrorMessage message={top} />
        <FormButtons submitLabel="Cancel order" variant="danger" cancelLabel="Keep order" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
