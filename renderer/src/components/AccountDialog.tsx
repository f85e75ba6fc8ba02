import { useState } from 'react';
import type { SessionInfo } from '../../../electron/shared/contract';
import { ROLE_LABELS } from '../../../electron/shared/permissions';
import { call } from '../api';
import { Dialog } from './Dialog';
import { SecretChangeForm } from './SecretChangeForm';
import { NEW_PIN_HINT, SECRET_NOUN, type SecretKind } from './SecretFields';

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
          <OwnSecretForm kind="pin" onBusy={setBusy} />
          {hasPassword && <OwnSecretForm kind="password" onBusy={setBusy} />}
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

/** Change your own PIN or password (the current one is required). */
function OwnSecretForm({ kind, onBusy }: { kind: SecretKind; onBusy(busy: boolean): void }) {
  const noun = SECRET_NOUN[kind];
  const titleId = `account-${kind}-title`;
  return (
    <SecretChangeForm
      kind={kind}
      askCurrent
      className="account-form"
      labelledBy={titleId}
      head={
        <h3 id={titleId} className="section-title">
          Your {noun}
        </h3>
      }
      hint={kind === 'pin' ? NEW_PIN_HINT : 'At least 12 characters; not one of your last 5'}
      save={(current, next) =>
        kind === 'pin'
          ? call('auth.changePin', { currentPin: current, newPin: next })
          : call('auth.changePassword', { currentPassword: current, newPassword: next })
      }
      savedMessage={`Your ${noun} has been changed.`}
      submitLabel={`Change ${noun}`}
      onBusy={onBusy}
    />
  );
}
