import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Role } from '../../../electron/shared/contract';
import { ROLE_LABELS } from '../../../electron/shared/permissions';
import { ErrorMessage } from '../components/ErrorMessage';
import { PinPad } from '../components/PinPad';
import { TextField } from '../components/TextField';
import { useSessionStore } from '../stores/sessionStore';
import { Icon } from '../components/Icon';

interface Person {
  username: string;
  displayName: string;
  role?: Role;
}

type Step = { kind: 'choose' } | { kind: 'type' } | { kind: 'secret'; person: Person };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length >= 2 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function SignInScreen() {
  const shop = useSessionStore((s) => s.shop);
  const users = useSessionStore((s) => s.users);
  const session = useSessionStore((s) => s.session);
  const refreshUsers = useSessionStore((s) => s.refreshUsers);
  const login = useSessionStore((s) => s.login);

  // Who the till is locked for (captured when this screen opens; "Switch user" leaves it).
  const [lockedFor] = useState<Person | null>(() =>
    session?.locked ? { username: session.username, displayName: session.displayName, role: session.role } : null,
  );
  const [step, setStep] = useState<Step>(() => (lockedFor ? { kind: 'secret', person: lockedFor } : { kind: 'choose' }));
  const [method, setMethod] = useState<'pin' | 'password'>('pin');
  const [pin, setPin] = useState('');
  const [password, setPassword] = useState('');
  const [typedName, setTypedName] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** main said LOCKED: too many wrong tries. Entry stays off until "Try again". */
  const [lockout, setLockout] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void refreshUsers();
  }, [refreshUsers]);

  useEffect(() => {
    if (step.kind === 'secret' && method === 'password') passwordRef.current?.focus();
    if (step.kind === 'type') usernameRef.current?.focus();
  }, [step, method]);

  const isLockedStep = step.kind === 'secret' && lockedFor !== null && step.person.username === lockedFor.username;
  // Only people with a password (managers, owners) are offered it: for anyone else it is a dead end that costs a try.
  const hasPassword =
    step.kind === 'secret' && users.some((u) => u.hasPassword && u.username.toLowerCase() === step.person.username.toLowerCase());

  function go(next: Step) {
    setStep(next);
    setPin('');
    setPassword('');
    setError(null);
    setLockout(null);
    setMethod('pin');
  }

  function tryAgain() {
    setLockout(null);
    setError(null);
    setPin('');
    setPassword('');
    if (method === 'password') requestAnimationFrame(() => passwordRef.current?.focus());
  }

  async function submitSecret() {
    if (step.kind !== 'secret' || busy || lockout) return;
    const secret = method === 'pin' ? pin : password;
    if (!secret) return;
    setBusy(true);
    setError(null);
    const failure = await login(step.person.username, secret, method);
    // On success this screen goes away; on failure clear the secret and say why.
    if (failure) {
      setBusy(false);
      setPin('');
      setPassword('');
      if (failure.code === 'LOCKED') {
        setError(null);
        setLockout(failure.message);
        return;
      }
      setError(failure.message);
      if (method === 'password') passwordRef.current?.focus();
    }
  }

  function submitUsername(e: FormEvent) {
    e.preventDefault();
    const name = typedName.trim();
    if (!name) {
      setError('Type your username first.');
      return;
    }
    const known = users.find((u) => u.username.toLowerCase() === name.toLowerCase());
    go({ kind: 'secret', person: known ?? { username: name, displayName: name } });
  }

  return (
    <main className="signin-screen">
      <div className="signin-brand">
        <p className="brand-mark" aria-hidden="true">
          <Icon name="cup" />
        </p>
        <p className="signin-shop">{shop?.name ?? 'Brewline'}</p>
      </div>

      {step.kind === 'choose' && (
        <section className="signin-card signin-card--wide" aria-labelledby="signin-title">
          <h1 id="signin-title">Sign in</h1>
          <p className="lead">Tap your name.</p>
          <ErrorMessage message={error} />
          {users.length > 0 ? (
            <ul className="staff-grid" aria-label="Staff">
              {users.map((u) => (
                <li key={u.username}>
                  <button type="button" className="staff-tile" onClick={() => go({ kind: 'secret', person: u })}>
                    <span className="staff-avatar" aria-hidden="true">
                      {initials(u.displayName)}
                    </span>
                    <span className="staff-name">{u.displayName}</span>{' '}
                    <span className="staff-role">{ROLE_LABELS[u.role]}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No staff to show. Type your username instead.</p>
          )}
          <button type="button" className="btn btn--secondary btn--block" onClick={() => go({ kind: 'type' })}>
            Type a username
          </button>
        </section>
      )}

      {step.kind === 'type' && (
        <section className="signin-card" aria-labelledby="signin-title">
          <h1 id="signin-title">Sign in</h1>
          <form onSubmit={submitUsername} className="stack" noValidate>
            <TextField
              label="Username"
              value={typedName}
              onChange={setTypedName}
              inputRef={usernameRef}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={150}
            />
            <ErrorMessage message={error} />
            <button type="submit" className="btn btn--primary btn--large btn--block">
              Next
            </button>
            <button type="button" className="btn btn--ghost btn--block" onClick={() => go({ kind: 'choose' })}>
              Back
            </button>
          </form>
        </section>
      )}

      {step.kind === 'secret' && (
        <section className="signin-card signin-card--pin" aria-labelledby="signin-title">
          <div className="signin-info">
            {isLockedStep ? (
              <>
                <p className="locked-badge">
                  <Icon name="lock" /> Till locked
                </p>
                <h1 id="signin-title" className="signin-locked-title">
                  Locked — {step.person.displayName}, enter your PIN to continue
                </h1>
              </>
            ) : (
              <>
                <h1 id="signin-title">Sign in</h1>
                <p className="signin-person">
                  <span className="staff-avatar staff-avatar--small" aria-hidden="true">
                    {initials(step.person.displayName)}
                  </span>
                  <span className="signin-person-text">
                    <span className="signin-person-name">{step.person.displayName}</span>
                    {step.person.role && <span className="staff-role"> {ROLE_LABELS[step.person.role]}</span>}
                  </span>
                </p>
                <p className="lead">{method === 'pin' ? 'Enter your PIN.' : 'Enter your password.'}</p>
              </>
            )}

            {lockout ? (
              <div className="alert alert--lockout" role="alert">
                <span className="alert-icon" aria-hidden="true">
                  <Icon name="lock" />
                </span>
                <span className="alert-text">{lockout}</span>
                <button type="button" className="btn btn--secondary btn--small" onClick={tryAgain}>
                  Try again
                </button>
              </div>
            ) : (
              <ErrorMessage message={error} />
            )}

            <div className="signin-links">
              {(hasPassword || method === 'password') && (
                <button
                  type="button"
                  className="btn btn--ghost"
                  onClick={() => {
                    setMethod(method === 'pin' ? 'password' : 'pin');
                    setPin('');
                    setPassword('');
                    setError(null);
                  }}
                  disabled={busy}
                >
                  {method === 'pin' ? 'Use password instead' : 'Use PIN instead'}
                </button>
              )}
              <button type="button" className="btn btn--ghost" onClick={() => go({ kind: 'choose' })} disabled={busy}>
                {lockedFor ? 'Switch user' : 'Choose someone else'}
              </button>
            </div>
          </div>

          <div className="signin-entry">
            {method === 'pin' ? (
              <PinPad value={pin} onChange={setPin} onSubmit={() => void submitSecret()} busy={busy} disabled={!!lockout} />
            ) : (
              <form
                className="stack"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void submitSecret();
                }}
              >
                <TextField
                  label="Password"
                  type="password"
                  value={password}
                  onChange={setPassword}
                  inputRef={passwordRef}
                  autoComplete="current-password"
                  maxLength={256}
                  disabled={!!lockout}
                />
                <button
                  type="submit"
                  className="btn btn--primary btn--large btn--block"
                  disabled={busy || !!lockout || password.length === 0}
                  aria-busy={busy || undefined}
                >
                  Sign in
                </button>
              </form>
            )}
          </div>
        </section>
      )}
    </main>
  );
}
