import { useEffect, useState, type FormEvent } from 'react';
import type { SecuritySettingsView } from '../../../electron/shared/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { Icon } from '../components/Icon';
import { TextField } from '../components/TextField';
import { splitErrors, type FieldErrors } from '../formErrors';
import { useSettingsStore } from '../stores/settingsStore';

type Key = keyof SecuritySettingsView;
type Draft = Record<Key, string>;

const LIMITS: Record<Key, { min: number; max: number }> = {
  maxFailedAttempts: { min: 3, max: 10 },
  lockoutMinutes: { min: 1, max: 24 * 60 },
  idleLockMinutes: { min: 1, max: 240 },
  discountLimitPercent: { min: 0, max: 100 },
};
const KEYS = Object.keys(LIMITS) as Key[];
const FIELDS: Record<string, Key> = Object.fromEntries(KEYS.map((k) => [k, k]));

function toDraft(s: SecuritySettingsView): Draft {
  return {
    maxFailedAttempts: String(s.maxFailedAttempts),
    lockoutMinutes: String(s.lockoutMinutes),
    idleLockMinutes: String(s.idleLockMinutes),
    discountLimitPercent: String(s.discountLimitPercent),
  };
}

/** Owners: lockout, idle lock and discount limit, and where the email key is kept. */
export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings);
  const loading = useSettingsStore((s) => s.loading);
  const loadError = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="page-screen">
      <div className="page-inner">
        <div className="page-head">
          <div>
            <h2 className="page-title">Settings</h2>
            <p className="muted">Changes apply to every till in the shop straight away.</p>
          </div>
        </div>
        <ErrorMessage message={loadError} />
        {!settings && loading && <p className="muted">Loading settings…</p>}
        {settings && (
          <>
            {/* A key-storage warning goes first, where it can't be missed. */}
            {settings.keyStorage.warning && <KeyStorage keyStorage={settings.keyStorage} />}
            <SecurityForm security={settings.security} />
            {!settings.keyStorage.warning && <KeyStorage keyStorage={settings.keyStorage} />}
          </>
        )}
      </div>
    </main>
  );
}

function SecurityForm({ security }: { security: SecuritySettingsView }) {
  const saveSecurity = useSettingsStore((s) => s.saveSecurity);
  const [draft, setDraft] = useState<Draft>(() => toDraft(security));
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [top, setTop] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (key: Key) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<Key> = {};
    const values = {} as SecuritySettingsView;
    for (const key of KEYS) {
      const text = draft[key].trim();
      const { min, max } = LIMITS[key];
      if (!/^\d{1,5}$/.test(text)) local[key] = 'Enter a whole number';
      else if (Number(text) < min) local[key] = `At least ${min}`;
      else if (Number(text) > max) local[key] = `At most ${max}`;
      else values[key] = Number(text);
    }
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setTop(null);
      setSaved(false);
      return;
    }
    setBusy(true);
    setErrors({});
    setTop(null);
    const result = await saveSecurity(values);
    setBusy(false);
    if (result.ok) {
      setDraft(toDraft(result.value.security));
      setSaved(true);
      return;
    }
    const split = splitErrors(result.error, FIELDS);
    setErrors(split.fields);
    setTop(split.top);
  }

  const number = (key: Key) => ({
    type: 'number',
    inputMode: 'numeric' as const,
    min: LIMITS[key].min,
    max: LIMITS[key].max,
    step: 1,
    value: draft[key],
    onChange: set(key),
    error: errors[key],
    disabled: busy,
  });

  return (
    <form className="settings-card" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <legend>Security</legend>
        <div className="settings-grid">
          <TextField label="Wrong tries before lockout" hint="Between 3 and 10" {...number('maxFailedAttempts')} />
          <TextField label="Lockout minutes" hint="How long a locked-out person waits" {...number('lockoutMinutes')} />
          <TextField label="Lock the till after (minutes idle)" hint="Up to 240 minutes" {...number('idleLockMinutes')} />
          <TextField label="Discount limit %" hint="Bigger discounts need a manager's PIN" {...number('discountLimitPercent')} />
        </div>
      </fieldset>
      <ErrorMessage message={top} />
      <div className="settings-actions">
        {saved && (
          <p className="success" role="status">
            Settings saved.
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-busy={busy || undefined}>
          Save settings
        </button>
      </div>
    </form>
  );
}

function KeyStorage({ keyStorage }: { keyStorage: { backend: string; protected: boolean; warning: string | null } }) {
  return (
    <section className="settings-card" aria-labelledby="key-title">
      <h3 id="key-title" className="section-title">
        Email encryption
      </h3>
      {keyStorage.warning ? (
        <div className="alert alert--big" role="alert">
          <Icon name="warning" className="alert-icon" />
          <span className="alert-text">{keyStorage.warning}</span>
        </div>
      ) : keyStorage.protected ? (
        <p className="calm-line">
          <Icon name="shield" />
          Email encryption key: {keyStorage.backend}, protected by the operating system
        </p>
      ) : (
        <p className="calm-line">Email encryption key: {keyStorage.backend}</p>
      )}
    </section>
  );
}
