import { useEffect, useRef, useState } from 'react';
import type { ApprovalRequest, Role } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';
import { call } from '../api';
import { isAuthLoss } from '../stores/cartStore';
import { useSessionStore } from '../stores/sessionStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { PinPad } from './PinPad';
import { SelectField } from './SelectField';

const APPROVER_ROLES: readonly Role[] = ['manager', 'owner'];

interface ManagerApprovalProps {
  /** The dialog's accessible name (the same as the step before, e.g. "Order discount"). */
  label: string;
  /** Small line above the title: what is being approved ("Order discount · 10% off"). */
  kicker: string;
  /** What exactly the manager approves, as a question: "Approve 10% off the order?". */
  question: string;
  /** Main's explanation of why a manager is needed. */
  whyManager: string | null;
  /** The action with its parameters: main binds the approval to them and refuses it for anything else. */
  request: ApprovalRequest;
  /** Send the original request again with the approval; its error (if any) is shown here. */
  retry(approvalId: string): Promise<Result<unknown>>;
  /** The retried request went through. */
  onDone(): void;
  onBack(): void;
  onClose(): void;
  /** Who can approve it (default: managers and owners; a refund over the limit: owners only). */
  approverRoles?: readonly Role[];
}

/**
 * Manager override in place: a manager (or owner) picks their name and types their PIN; main
 * hands back a single-use approval and the original request is sent again with it.
 */
export function ManagerApproval({ label, kicker, question, whyManager, request, retry, onDone, onBack, onClose, approverRoles = APPROVER_ROLES }: ManagerApprovalProps) {
  const users = useSessionStore((s) => s.users);
  const refreshUsers = useSessionStore((s) => s.refreshUsers);
  const managers = users.filter((u) => approverRoles.includes(u.role));
  const [username, setUsername] = useState(managers[0]?.username ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void refreshUsers();
    // Focus the heading (not the select) so typed digits go to the PIN pad.
    headingRef.current?.focus();
  }, [refreshUsers]);

  useEffect(() => {
    if (!managers.some((m) => m.username === username) && managers[0]) setUsername(managers[0].username);
  }, [managers, username]);

  async function approve() {
    if (busy || !username || !pin) return;
    setBusy(true);
    setError(null);
    const approval = await call('override.approve', { username, pin, ...request });
    if (!approval.ok) {
      setBusy(false);
      setPin('');
      setError(approval.error.message);
      return;
    }
    const result = await retry(approval.value.approvalId);
    setBusy(false);
    if (result.ok) {
      onDone();
      return;
    }
    setPin('');
    if (!isAuthLoss(result.error)) setError(result.error.message);
  }

  return (
    <Dialog label={label} onClose={onClose} busy={busy} wide>
      <div className="approval">
        <div className="approval-info">
          <p className="dialog-kicker">{kicker}</p>
          <h2 className="dialog-title" ref={headingRef} tabIndex={-1} data-autofocus>
            Manager approval
          </h2>
          <p className="lead">{question}</p>
          <p className="muted">The approval is for this only, once, within 2 minutes.</p>
          {whyManager && <p className="muted approval-why">{whyManager}</p>}
          {managers.length > 0 ? (
            <SelectField label="Manager" value={username} onChange={setUsername} disabled={busy}>
              {managers.map((m) => (
                <option key={m.username} value={m.username}>
                  {m.displayName}
                </option>
              ))}
            </SelectField>
          ) : (
            <p className="alert">No manager or owner can sign in on this till right now.</p>
          )}
          <ErrorMessage message={error} />
          <div className="approval-buttons">
            <button type="button" className="btn btn--secondary btn--large" onClick={onBack} disabled={busy}>
              Back
            </button>
            <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
        <div className="approval-pin">
          <PinPad
            value={pin}
            onChange={setPin}
            onSubmit={() => void approve()}
            busy={busy}
            disabled={!username}
            submitLabel="Approve"
          />
        </div>
      </div>
    </Dialog>
  );
}
