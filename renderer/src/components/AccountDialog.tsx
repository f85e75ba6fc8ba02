import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../electron/shared/contract';
import { ROLE_LABELS } from '../../../electron/shared/permissions';
import { call } from '../api';
import { digitsOnly, splitErrors, type FieldErrors } from '../formErrors';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';

/** "My account": change your own PIN and (managers and owners, who sign in with one) your password. */
export function AccountDialog({ session, onClose }: { session: SessionInfo; onClose(): void }) {
  const hasPassword = session.role !== 'barista';
  const [busy, setBusy] = useState(false);
  return (
    <Dialog label="My account" onClose={onClose} busy={busy} wide={hasPassword}>
      <div className="dialog-body">
        <div className="dialog-head">
          <h2 className="dialog-title">My account</h2>
          <p className="muted">
            {session.displayName} · {session.username} · {ROLE_LABELS[session.role]}
          </p>
        </div>
        <div className={hasPassword ? 'account-columns' : undefined}>
          <PinForm onBusy={setBusy} />
          {hasPassword && <PasswordForm onBusy={setBusy} />}
        </div>
        <div className="dialog-foot">
          <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busy}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}

type PinKey = 'currentPin' | 'newPin' | 'confirmPin';
const PIN_FIELDS: Record<string, PinKey> = { currentPin: 'currentPin', newPin: 'newPin', pin: 'newPin' };

function PinForm({ onBusy }: { onBusy(busy: boolean): void }) {
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  const [errors, setErrors] = useState<FieldErrors<PinKey>>({});
  const [top, setTop] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(false);
    const local: FieldErrors<PinKey> = {};
    if (!currentPin) local.currentPin = 'Enter your current PIN';
    if (!newPin) local.newPin = 'Enter a new PIN';
    else if (confirmPin !== newPin) local.confirmPin = "The PINs don't match";
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setTop(null);
      return;
    }
    setBusy(true);
    onBusy(true);
    const result = await call('auth.changePin', { currentPin, newPin });
    setBusy(false);
    onBusy(false);
    if (result.ok) {
      setErrors({});
      setTop(null);
      setCurrentPin('');
      setNewPin('');
      setConfirmPin('');
      setDone(true);
      return;
    }
    const split = splitErrors(result.error, PIN_FIELDS);
    setErrors(split.fields);
    setTop(split.top);
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby="account-pin-title">
      <h3 id="account-pin-title" className="section-title">
        Your PIN
      </h3>
      <TextField
        label="Current PIN"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={currentPin}
        onChange={(v) => setCurrentPin(digitsOnly(v))}
        error={errors.currentPin}
        disabled={busy}
      />
      <TextField
        label="New PIN"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={newPin}
        onChange={(v) => setNewPin(digitsOnly(v))}
        error={errors.newPin}
        hint="6 to 12 digits; not 123456 or 111111"
        disabled={busy}
      />
      <TextField
        label="Confirm new PIN"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={confirmPin}
        onChange={(v) => setConfirmPin(digitsOnly(v))}
        error={errors.confirmPin}
        disabled={busy}
      />
      <ErrorMessage message={top} />
      {done && (
        <p className="success" role="status">
          Your PIN has been changed.
        </p>
      )}
      <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-busy={busy || undefined}>
        Change PIN
      </button>
    </form>
  );
}

type PasswordKey = 'currentPassword' | 'newPassword' | 'confirmPassword';
const PASSWORD_FIELDS: Record<string, PasswordKey> = { currentPassword: 'currentPassword', newPassword: 'newPassword', password: 'newPassword' };

function PasswordForm({ onBusy }: { onBusy(busy: boolean): void }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<PasswordKey>>({});
  const [top, setTop] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(false);
    const local: FieldErrors<PasswordKey> = {};
    if (!currentPassword) local.currentPassword = 'Enter your current password';
    if (!newPassword) local.newPassword = 'Enter a new password';
    else if (confirmPassword !== newPassword) local.confirmPassword = "The passwords don't match";
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setTop(null);
      return;
    }
    setBusy(true);
    onBusy(true);
    const result = await call('auth.changePassword', { currentPassword, newPassword });
    setBusy(false);
    onBusy(false);
    if (result.ok) {
      setErrors({});
      setTop(null);
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      setDone(true);
      return;
    }
    const split = splitErrors(result.error, PASSWORD_FIELDS);
    setErrors(split.fields);
    setTop(split.top);
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby="account-password-title">
      <h3 id="account-password-title" className="section-title">
        Your password
      </h3>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        maxLength={256}
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.currentPassword}
        disabled={busy}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        maxLength={256}
        value={newPassword}
        onChange={setNewPassword}
        error={errors.newPassword}
        hint="At least 12 characters; not one of your last 5"
        disabled={busy}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        maxLength={256}
        value={confirmPassword}
        onChange={setConfirmPassword}
        error={errors.confirmPassword}
        disabled={busy}
      />
      <ErrorMessage message={top} />
      {done && (
        <p className="success" role="status">
          Your password has been changed.
        </p>
      )}
      <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-busy={busy || undefined}>
        Change password
      </button>
    </form>
  );
}
