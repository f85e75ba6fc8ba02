import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelInput, Role, StaffView } from '../../../electron/shared/contract';
import { ROLE_LABELS, manageableRoles } from '../../../electron/shared/permissions';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormButtons } from '../components/FormButtons';
import { SecretChangeForm } from '../components/SecretChangeForm';
import { NEW_PIN_HINT, NO_SECRET, NewSecretFields, SECRET_NOUN, checkNewSecret, type NewSecret, type SecretKeys, type SecretKind } from '../components/SecretFields';
import { SelectField } from '../components/SelectField';
import { useNow } from '../hooks/useNow';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { formatDate, formatDateTime, formatTime, isLockedNow } from '../format';
import { FIX_FIELDS, splitErrors, type FieldErrors } from '../formErrors';
import { hasPermission, useSessionStore } from '../stores/sessionStore';
import { useStaffStore } from '../stores/staffStore';

/** After errors show up in a long form, put the cursor in the first marked field. */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export const EMAIL_UNREADABLE = "Email can't be read on this computer (the key is missing)";

function needsPassword(role: Role): boolean {
  return role === 'manager' || role === 'owner';
}

type Panel =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; person: StaffView }
  | { kind: 'reset'; secret: SecretKind; person: StaffView }
  | { kind: 'setActive'; person: StaffView; active: boolean };

export function StaffScreen() {
  const session = useSessionStore((s) => s.session);
  const people = useStaffStore((s) => s.people);
  const loading = useStaffStore((s) => s.loading);
  const loaded = useStaffStore((s) => s.loaded);
  const error = useStaffStore((s) => s.error);
  const selectedId = useStaffStore((s) => s.selectedId);
  const load = useStaffStore((s) => s.load);
  const select = useStaffStore((s) => s.select);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [flash, setFlash] = useState<string | null>(null);
  const now = useNow();

  useEffect(() => {
    void load();
  }, [load]);

  const canManage = hasPermission(session, 'staff.manage');
  const selected = people.find((p) => p.id === selectedId) ?? null;
  const close = () => setPanel({ kind: 'none' });
  const done = (message: string) => {
    setPanel({ kind: 'none' });
    setFlash(message);
  };

  return (
    <main className="staff-screen">
      <section className="list-panel" aria-labelledby="staff-title">
        <div className="panel-head">
          <h2 id="staff-title">Staff</h2>
          <div className="panel-head-actions">
            <button type="button" className="btn btn--ghost btn--small" onClick={() => void load()} disabled={loading}>
              Refresh
            </button>
            {canManage && (
              <button type="button" className="btn btn--primary btn--small" onClick={() => setPanel({ kind: 'create' })}>
                Add person
              </button>
            )}
          </div>
        </div>
        <ErrorMessage message={error} />
        {!loaded && loading && <p className="muted list-empty">Loading staff…</p>}
        {loaded && people.length === 0 && <p className="muted list-empty">No one yet.</p>}
        {people.length > 0 && (
          <ul className="people-list" role="list" aria-label="Staff members">
            {people.map((p) => {
              const locked = isLockedNow(p.lockedUntil, now);
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className={`person-row${p.id === selectedId ? ' person-row--selected' : ''}${p.isActive ? '' : ' person-row--inactive'}`}
                    aria-current={p.id === selectedId ? 'true' : undefined}
                    onClick={() => {
                      select(p.id);
                      setFlash(null);
                    }}
                  >
                    <span className="person-row-name">{p.displayName}</span>{' '}
                    <span className="person-row-username">{p.username}</span>{' '}
                    <span className="person-row-badges">
                      <span className={`badge badge--${p.role}`}>{ROLE_LABELS[p.role]}</span>
                      {!p.isActive && (
                        <>
                          {' '}
                          <span className="badge badge--inactive">Inactive</span>
                        </>
                      )}
                      {locked && (
                        <>
                          {' '}
                          <span className="badge badge--locked">Locked</span>
                        </>
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <PersonDetail person={selected} now={now} flash={flash} onFlash={setFlash} onOpen={setPanel} />

      {panel.kind === 'create' && <PersonForm mode={{ kind: 'create' }} onClose={close} onDone={done} />}
      {panel.kind === 'edit' && <PersonForm mode={{ kind: 'edit', person: panel.person }} onClose={close} onDone={done} />}
      {panel.kind === 'reset' && <ResetSecretDialog kind={panel.secret} person={panel.person} onClose={close} onDone={done} />}
      {panel.kind === 'setActive' && (
        <SetActiveDialog person={panel.person} active={panel.active} onClose={close} onDone={done} />
      )}
    </main>
  );
}

interface PersonDetailProps {
  person: StaffView | null;
  now: number;
  flash: string | null;
  onFlash(message: string | null): void;
  onOpen(panel: Panel): void;
}

function PersonDetail({ person, now, flash, onFlash, onOpen }: PersonDetailProps) {
  const session = useSessionStore((s) => s.session);
  const timeZone = useSessionStore((s) => s.shop?.timezone);
  const unlock = useStaffStore((s) => s.unlock);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setError(null), [person?.id]);

  if (!person) {
    return (
      <section className="detail-panel detail-panel--empty" aria-label="Person details">
        <p className="muted">Tap a person to see their details.</p>
      </section>
    );
  }

  const myRole = session?.role ?? 'barista';
  const isMe = session?.userId === person.id;
  const manageable = hasPermission(session, 'staff.manage') && manageableRoles(myRole).includes(person.role);
  const mayUnlock = hasPermission(session, 'staff.unlock') && manageableRoles(myRole).includes(person.role);
  const locked = isLockedNow(person.lockedUntil, now);
  const fullName = [person.firstName, person.lastName].filter(Boolean).join(' ');

  async function doUnlock() {
    if (!person || busy) return;
    setBusy(true);
    setError(null);
    onFlash(null);
    const result = await unlock(person.id);
    setBusy(false);
    if (result.ok) onFlash(`${result.value.displayName} can sign in again.`);
    else setError(result.error.message);
  }

  return (
    <section className="detail-panel" aria-labelledby="person-title">
      <div className="detail-head">
        <h2 id="person-title">{person.displayName}</h2>
        <span className={`badge badge--${person.role}`}>{ROLE_LABELS[person.role]}</span>
        {!person.isActive && <span className="badge badge--inactive">Inactive</span>}
        {locked && <span className="badge badge--locked">Locked</span>}
      </div>

      {flash && (
        <p className="success" role="status">
          {flash}
        </p>
      )}
      <ErrorMessage message={error} />

      {locked && person.lockedUntil !== null && (
        <div className="notice-box">
          <p>
            Too many wrong tries: locked until {formatTime(person.lockedUntil, timeZone)}.
            {mayUnlock ? ' Unlock to let them try again now.' : ''}
          </p>
          {mayUnlock && (
            <button type="button" className="btn btn--primary btn--small" onClick={() => void doUnlock()} disabled={busy}>
              Unlock
            </button>
          )}
        </div>
      )}

      <div className="person-actions" role="group" aria-label={`Actions for ${person.displayName}`}>
        <button type="button" className="btn btn--secondary" disabled={!manageable || busy} onClick={() => onOpen({ kind: 'edit', person })}>
          Edit
        </button>
        <button type="button" className="btn btn--secondary" disabled={!manageable || busy} onClick={() => onOpen({ kind: 'reset', secret: 'pin', person })}>
          Reset PIN
        </button>
        {needsPassword(person.role) && (
          <button
            type="button"
            className="btn btn--secondary"
            disabled={!manageable || busy}
            onClick={() => onOpen({ kind: 'reset', secret: 'password', person })}
          >
            Reset password
          </button>
        )}
        {person.isActive ? (
          <button
            type="button"
            className="btn btn--danger-outline"
            disabled={!manageable || isMe || busy}
            onClick={() => onOpen({ kind: 'setActive', person, active: false })}
          >
            Deactivate
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--secondary"
            disabled={!manageable || busy}
            onClick={() => onOpen({ kind: 'setActive', person, active: true })}
          >
            Reactivate
          </button>
        )}
      </div>
      {!manageable && hasPermission(session, 'staff.manage') && (
        <p className="muted small">Only an owner can change this account.</p>
      )}
      {manageable && isMe && <p className="muted small">You can't deactivate yourself. Use My account to change your own PIN or password.</p>}

      <dl className="facts">
        <div>
          <dt>Username</dt>
          <dd className="mono">{person.username}</dd>
        </div>
        <div>
          <dt>Name</dt>
          <dd>{fullName || '—'}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{person.emailUnreadable ? <span className="warning-text">{EMAIL_UNREADABLE}</span> : person.email || '—'}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{person.profile.phoneNumber || '—'}</dd>
        </div>
        <div>
          <dt>Favourite drink</dt>
          <dd>{person.profile.favoriteDrink || '—'}</dd>
        </div>
        <div>
          <dt>Joined</dt>
          <dd>{formatDate(person.dateJoined, timeZone)}</dd>
        </div>
        <div>
          <dt>Last sign-in</dt>
          <dd>{person.lastLogin ? formatDateTime(person.lastLogin, timeZone) : 'Never'}</dd>
        </div>
        <div>
          <dt>Wrong tries</dt>
          <dd>{person.failedLoginAttempts}</dd>
        </div>
        <div>
          <dt>Signs in with</dt>
          <dd>{person.hasPassword ? 'PIN or password' : 'PIN'}</dd>
        </div>
        {person.profile.bio && (
          <div className="facts-wide">
            <dt>Bio</dt>
            <dd>{person.profile.bio}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

// ---------- add / edit ----------

type FormKey =
  | 'username'
  | 'firstName'
  | 'lastName'
  | 'role'
  | 'pin'
  | 'confirmPin'
  | 'password'
  | 'confirmPassword'
  | 'email'
  | 'displayName'
  | 'phoneNumber'
  | 'favoriteDrink'
  | 'bio';

const FORM_FIELDS: Record<string, FormKey> = {
  username: 'username',
  firstName: 'firstName',
  lastName: 'lastName',
  role: 'role',
  pin: 'pin',
  password: 'password',
  email: 'email',
  displayName: 'displayName',
  'profile.displayName': 'displayName',
  'profile.phoneNumber': 'phoneNumber',
  phoneNumber: 'phoneNumber',
  'profile.favoriteDrink': 'favoriteDrink',
  favoriteDrink: 'favoriteDrink',
  'profile.bio': 'bio',
  bio: 'bio',
};

interface NewPersonSecret {
  labels: readonly [label: string, confirmLabel: string];
  hint: string;
  keys: SecretKeys<FormKey>;
  /** The message when it is left empty. */
  missing: string;
}

/** What a new person signs in with: a PIN, and a password too for managers and owners. */
const NEW_PERSON_SECRETS: Record<SecretKind, NewPersonSecret> = {
  pin: { labels: ['PIN', 'Confirm PIN'], hint: '6 to 12 digits', keys: { value: 'pin', confirm: 'confirmPin' }, missing: 'Enter a PIN' },
  password: {
    labels: ['Password', 'Confirm password'],
    hint: 'At least 12 characters',
    keys: { value: 'password', confirm: 'confirmPassword' },
    missing: 'Managers and owners need a password',
  },
};

type FormMode = { kind: 'create' } | { kind: 'edit'; person: StaffView };

interface PersonFormProps {
  mode: FormMode;
  onClose(): void;
  onDone(message: string): void;
}

function PersonForm({ mode, onClose, onDone }: PersonFormProps) {
  const session = useSessionStore((s) => s.session);
  const create = useStaffStore((s) => s.create);
  const update = useStaffStore((s) => s.update);
  const person = mode.kind === 'edit' ? mode.person : null;
  const roles = manageableRoles(session?.role ?? 'barista');
  const initialEmail = person?.email ?? '';

  const [username, setUsername] = useState('');
  const [firstName, setFirstName] = useState(person?.firstName ?? '');
  const [lastName, setLastName] = useState(person?.lastName ?? '');
  const [role, setRole] = useState<Role>(person?.role ?? roles[0] ?? 'barista');
  const [secrets, setSecrets] = useState<Record<SecretKind, NewSecret>>({ pin: NO_SECRET, password: NO_SECRET });
  const [email, setEmail] = useState(initialEmail);
  const [displayName, setDisplayName] = useState(person?.profile.displayName ?? '');
  const [phoneNumber, setPhoneNumber] = useState(person?.profile.phoneNumber ?? '');
  const [favoriteDrink, setFavoriteDrink] = useState(person?.profile.favoriteDrink ?? '');
  const [bio, setBio] = useState(person?.profile.bio ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<FormKey>>({});
  const [top, setTop] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const creating = mode.kind === 'create';
  const wantsPassword = creating && needsPassword(role);
  const secretKinds: SecretKind[] = !creating ? [] : wantsPassword ? ['pin', 'password'] : ['pin'];
  const title = creating ? 'Add person' : `Edit ${person?.displayName ?? ''}`;
  const roleOptions = person && !roles.includes(person.role) ? [person.role, ...roles] : roles;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<FormKey> = {};
    if (!firstName.trim()) local.firstName = 'Enter a first name';
    if (creating) {
      if (!username.trim()) local.username = 'Enter a username';
      for (const kind of secretKinds) {
        const { keys, missing } = NEW_PERSON_SECRETS[kind];
        Object.assign(local, checkNewSecret(kind, secrets[kind], keys, missing));
      }
    }
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setTop(FIX_FIELDS);
      focusFirstInvalid(formRef.current);
      return;
    }

    const profile = { displayName, phoneNumber, favoriteDrink, bio };
    setBusy(true);
    setErrors({});
    setTop(null);
    let result;
    if (creating) {
      const input: ChannelInput<'staff.create'> = { username: username.trim(), firstName, lastName, role, pin: secrets.pin.value, profile };
      if (wantsPassword) input.password = secrets.password.value;
      if (email.trim()) input.email = email.trim();
      result = await create(input);
    } else {
      const input: ChannelInput<'staff.update'> = { userId: person!.id, firstName, lastName, profile };
      if (role !== person!.role) input.role = role;
      if (email.trim() !== initialEmail) input.email = email.trim() === '' ? null : email.trim();
      result = await update(input);
    }
    setBusy(false);
    if (result.ok) {
      onDone(creating ? `${result.value.displayName} has been added.` : `Saved changes to ${result.value.displayName}.`);
      return;
    }
    const split = splitErrors(result.error, FORM_FIELDS);
    setErrors(split.fields);
    setTop(split.top);
    focusFirstInvalid(formRef.current);
  }

  return (
    <Dialog label={title} onClose={onClose} busy={busy} wide>
      <form onSubmit={submit} noValidate ref={formRef}>
        <div className="dialog-head">
          <h2 className="dialog-title">{title}</h2>
          {person && (
            <p className="muted">
              Username <span className="mono">{person.username}</span>
            </p>
          )}
        </div>
        <ErrorMessage message={top} />
        <div className="form-columns">
          <fieldset className="form-section">
            <legend>Account</legend>
            {creating && (
              <TextField
                label="Username"
                value={username}
                onChange={setUsername}
                error={errors.username}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={150}
                hint="Letters, digits, dot, dash or underscore"
                disabled={busy}
              />
            )}
            <div className="field-row">
              <TextField label="First name" value={firstName} onChange={setFirstName} error={errors.firstName} maxLength={150} disabled={busy} />
              <TextField label="Last name" value={lastName} onChange={setLastName} error={errors.lastName} maxLength={150} disabled={busy} />
            </div>
            <div className="field-row">
              <SelectField
                label="Role"
                value={role}
                onChange={(v) => setRole(v as Role)}
                error={errors.role}
                disabled={busy || roleOptions.length < 2}
              >
                {roleOptions.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Email (optional)"
                type="email"
                autoComplete="off"
                maxLength={254}
                value={email}
                onChange={setEmail}
                error={errors.email}
                hint={
                  person?.emailUnreadable
                    ? `${EMAIL_UNREADABLE}. Type a new one to replace it.`
                    : person && initialEmail
                      ? 'Clear it to remove the email'
                      : undefined
                }
                disabled={busy}
              />
            </div>
            {secretKinds.map((kind) => (
              <div key={kind} className="field-row">
                <NewSecretFields
                  kind={kind}
                  labels={NEW_PERSON_SECRETS[kind].labels}
                  hint={NEW_PERSON_SECRETS[kind].hint}
                  secret={secrets[kind]}
                  onChange={(secret) => setSecrets((all) => ({ ...all, [kind]: secret }))}
                  errors={errors}
                  keys={NEW_PERSON_SECRETS[kind].keys}
                  disabled={busy}
                />
              </div>
            ))}
            {!creating && person && needsPassword(role) && !person.hasPassword && (
              <p className="field-hint">Managers and owners need a password: set one with Reset password.</p>
            )}
          </fieldset>

          <fieldset className="form-section">
            <legend>Profile</legend>
            <TextField
              label="Display name"
              value={displayName}
              onChange={setDisplayName}
              error={errors.displayName}
              maxLength={120}
              hint="Optional: a short name for the till, like “Bea”"
              disabled={busy}
            />
            <TextField
              label="Phone"
              type="tel"
              autoComplete="off"
              maxLength={20}
              value={phoneNumber}
              onChange={setPhoneNumber}
              error={errors.phoneNumber}
              disabled={busy}
            />
            <TextField
              label="Favourite drink"
              value={favoriteDrink}
              onChange={setFavoriteDrink}
              error={errors.favoriteDrink}
              maxLength={120}
              disabled={busy}
            />
            <TextAreaField label="Bio" value={bio} onChange={setBio} error={errors.bio} maxLength={1000} rows={3} disabled={busy} />
          </fieldset>
        </div>
        <FormButtons submitLabel="Save person" busy={busy} onCancel={onClose} sticky />
      </form>
    </Dialog>
  );
}

// ---------- reset PIN / password ----------

interface ResetProps {
  person: StaffView;
  onClose(): void;
  onDone(message: string): void;
}

/** Set someone else's PIN or password (no current one needed: they tell it to them in person). */
function ResetSecretDialog({ kind, person, onClose, onDone }: ResetProps & { kind: SecretKind }) {
  const reset = useStaffStore((s) => (kind === 'pin' ? s.resetPin : s.resetPassword));
  const [busy, setBusy] = useState(false);
  const noun = SECRET_NOUN[kind];
  const title = `Reset ${noun} for ${person.displayName}`;
  return (
    <Dialog label={title} onClose={onClose} busy={busy}>
      <SecretChangeForm
        kind={kind}
        head={
          <div className="dialog-head">
            <h2 className="dialog-title">{title}</h2>
            <p className="muted">
              {kind === 'pin' ? 'Tell them the new PIN in person. They can change it later under My account.' : 'They can change it later under My account.'}
            </p>
          </div>
        }
        hint={kind === 'pin' ? NEW_PIN_HINT : 'At least 12 characters'}
        save={(_current, next) => reset(person.id, next)}
        onSaved={(saved) => onDone(`New ${noun} saved for ${saved.displayName}.`)}
        submitLabel={`Save ${noun}`}
        onCancel={onClose}
        onBusy={setBusy}
      />
    </Dialog>
  );
}

// ---------- deactivate / reactivate ----------

function SetActiveDialog({ person, active, onClose, onDone }: ResetProps & { active: boolean }) {
  const setActive = useStaffStore((s) => s.setActive);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = `${active ? 'Reactivate' : 'Deactivate'} ${person.displayName}?`;

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await setActive(person.id, active);
    setBusy(false);
    if (result.ok) onDone(active ? `${result.value.displayName} can sign in again.` : `${result.value.displayName} has been deactivated.`);
    else setError(result.error.message);
  }

  return (
    <Dialog label={title} onClose={onClose} busy={busy}>
      <div className="dialog-body">
        <h2 className="dialog-title">{title}</h2>
        <p className="lead">
          {active
            ? 'They will be able to sign in again with their PIN.'
            : "They won't be able to sign in. Nothing is deleted: their orders keep their name, and you can reactivate them later."}
        </p>
        <ErrorMessage message={error} />
        <div className="dialog-buttons">
          <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className={`btn btn--large ${active ? 'btn--primary' : 'btn--danger'}`}
            onClick={() => void confirm()}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {active ? 'Yes, reactivate' : 'Yes, deactivate'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
