import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { contract, type ChannelInput } from '../../../electron/shared/contract';
import { CURRENCIES, CURRENCY_CODES, type Currency } from '../../../electron/shared/money';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { SecretField } from '../components/SecretFields';
import { useSessionStore } from '../stores/sessionStore';
import { Icon } from '../components/Icon';
import { localTimeZone, timeZoneList, timeZoneName } from '../format';

type FieldKey =
  | 'shop.name'
  | 'shop.currency'
  | 'shop.taxRatePercent'
  | 'shop.pricesIncludeTax'
  | 'shop.timezone'
  | 'owner.username'
  | 'owner.firstName'
  | 'owner.lastName'
  | 'owner.password'
  | 'owner.confirmPassword'
  | 'owner.pin'
  | 'owner.confirmPin';

const FIELD_ORDER: FieldKey[] = [
  'shop.name',
  'shop.currency',
  'shop.taxRatePercent',
  'shop.pricesIncludeTax',
  'shop.timezone',
  'owner.username',
  'owner.firstName',
  'owner.lastName',
  'owner.password',
  'owner.confirmPassword',
  'owner.pin',
  'owner.confirmPin',
];

const CURRENCY_NAMES: Record<Currency, string> = {
  PHP: 'Philippine peso',
  USD: 'US dollar',
  EUR: 'Euro',
  GBP: 'British pound',
  AUD: 'Australian dollar',
  CAD: 'Canadian dollar',
  SGD: 'Singapore dollar',
};

/**
 * Every problem with the form at once, by the contract's own rules (the same schema main checks)
 * plus the two confirmations only this screen knows about.
 */
function checkSetup(input: ChannelInput<'setup.complete'>, confirmPassword: string, confirmPin: string): Partial<Record<FieldKey, string>> {
  const found: Partial<Record<FieldKey, string>> = {};
  const parsed = contract['setup.complete'].input.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      if ((FIELD_ORDER as string[]).includes(key)) found[key as FieldKey] ??= issue.message;
    }
  }
  if (!found['owner.password'] && confirmPassword !== input.owner.password) found['owner.confirmPassword'] = "The passwords don't match";
  if (!found['owner.pin'] && confirmPin !== input.owner.pin) found['owner.confirmPin'] = "The PINs don't match";
  return found;
}


export function SetupScreen() {
  const completeSetup = useSessionStore((s) => s.completeSetup);
  const defaultZone = useMemo(localTimeZone, []);
  const zones = useMemo(() => timeZoneList(defaultZone), [defaultZone]);

  const [shopName, setShopName] = useState('');
  const [currency, setCurrency] = useState<Currency>('PHP');
  const [taxRate, setTaxRate] = useState('12');
  const [pricesIncludeTax, setPricesIncludeTax] = useState(true);
  const [timezone, setTimezone] = useState(defaultZone);
  const [username, setUsername] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [pin, setPin] = useState('');
  const [confirmPin, setConfirmPin] = useState('');

  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const currencyId = useId();
  const zoneId = useId();
  const taxIncId = useId();

  function focusFirstError(found: Partial<Record<FieldKey, string>>) {
    const first = FIELD_ORDER.find((k) => found[k]);
    if (!first) return;
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] select`)?.focus();
    });
  }

  /** A field being changed loses its old error (the others stay until the next Create shop). */
  function edit<T>(key: FieldKey, setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setErrors((current) => {
        if (!current[key] && !(key === 'owner.password' && current['owner.confirmPassword']) && !(key === 'owner.pin' && current['owner.confirmPin'])) return current;
        const next = { ...current };
        delete next[key];
        if (key === 'owner.password') delete next['owner.confirmPassword'];
        if (key === 'owner.pin') delete next['owner.confirmPin'];
        return next;
      });
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const input: ChannelInput<'setup.complete'> = {
      shop: { name: shopName, currency, taxRatePercent: taxRate, pricesIncludeTax, timezone },
      owner: { username, firstName, lastName, password, pin },
    };
    // One round: every field is checked here before anything is sent.
    const local = checkSetup(input, confirmPassword, confirmPin);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setTopError('Please fix the marked fields below.');
      focusFirstError(local);
      return;
    }

    setBusy(true);
    setErrors({});
    setTopError(null);
    const result = await completeSetup(input);
    setBusy(false);
    if (result.ok) return; // the app moves on to the counter

    const fields: Partial<Record<FieldKey, string>> = {};
    const unplaced: string[] = [];
    for (const [key, message] of Object.entries(result.error.fields ?? {})) {
      if ((FIELD_ORDER as string[]).includes(key)) fields[key as FieldKey] = message;
      else unplaced.push(message);
    }
    const placed = Object.values(fields);
    // Don't say the same thing twice: when the top message is just one field's message, point at the fields instead.
    const top = placed.includes(result.error.message) ? 'Please fix the marked fields below.' : result.error.message;
    setErrors(fields);
    setTopError([top, ...unplaced.filter((m) => m !== top)].join(' '));
    focusFirstError(fields);
  }

  return (
    <main className="setup-screen">
      <form className="setup-card" onSubmit={submit} ref={formRef} noValidate>
        <header className="setup-header">
          <p className="brand-mark" aria-hidden="true">
            <Icon name="cup" />
          </p>
          <h1>Welcome to Brewline</h1>
          <p className="lead">Set up your shop and the owner account. You can sell as soon as this is done.</p>
        </header>

        <ErrorMessage message={topError} />

        <div className="setup-columns">
          <fieldset className="setup-section">
            <legend>
              <h2>Your shop</h2>
            </legend>
            <div data-field="shop.name">
              <TextField label="Shop name" value={shopName} onChange={edit('shop.name', setShopName)} error={errors['shop.name']} autoComplete="organization" maxLength={120} />
            </div>
            <div className={`field${errors['shop.currency'] ? ' field--invalid' : ''}`} data-field="shop.currency">
              <label htmlFor={currencyId}>Currency</label>
              <select id={currencyId} value={currency} onChange={(e) => edit('shop.currency', setCurrency)(e.target.value as Currency)}>
                {CURRENCY_CODES.map((code) => (
                  <option key={code} value={code}>
                    {code} — {CURRENCY_NAMES[code]} ({CURRENCIES[code]})
                  </option>
                ))}
              </select>
              {errors['shop.currency'] && <p className="field-error">{errors['shop.currency']}</p>}
            </div>
            <div className="field-row">
              <div data-field="shop.taxRatePercent" className="field-row-narrow">
                <TextField
                  label="Tax rate %"
                  value={taxRate}
                  onChange={edit('shop.taxRatePercent', setTaxRate)}
                  error={errors['shop.taxRatePercent']}
                  inputMode="decimal"
                  hint="For example 12 or 7.5"
                  maxLength={6}
                />
              </div>
              <div className={`field field--check${errors['shop.pricesIncludeTax'] ? ' field--invalid' : ''}`} data-field="shop.pricesIncludeTax">
                <input
                  id={taxIncId}
                  type="checkbox"
                  checked={pricesIncludeTax}
                  onChange={(e) => setPricesIncludeTax(e.target.checked)}
                />
                <label htmlFor={taxIncId}>Prices include tax</label>
                {errors['shop.pricesIncludeTax'] && <p className="field-error">{errors['shop.pricesIncludeTax']}</p>}
              </div>
            </div>
            <div className={`field${errors['shop.timezone'] ? ' field--invalid' : ''}`} data-field="shop.timezone">
              <label htmlFor={zoneId}>Time zone</label>
              <select
                id={zoneId}
                value={timezone}
                onChange={(e) => edit('shop.timezone', setTimezone)(e.target.value)}
                aria-invalid={errors['shop.timezone'] ? true : undefined}
                aria-describedby={errors['shop.timezone'] ? `${zoneId}-error` : `${zoneId}-hint`}
              >
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {timeZoneName(z)}
                  </option>
                ))}
              </select>
              {errors['shop.timezone'] ? (
                <p className="field-error" id={`${zoneId}-error`}>
                  {errors['shop.timezone']}
                </p>
              ) : (
                <p className="field-hint" id={`${zoneId}-hint`}>
                  {timezone === defaultZone ? 'Taken from this computer. ' : ''}Decides which day a sale counts for; the owner can change it later in Settings.
                </p>
              )}
            </div>
          </fieldset>

          <fieldset className="setup-section">
            <legend>
              <h2>Owner account</h2>
            </legend>
            <div data-field="owner.username">
              <TextField
                label="Username"
                value={username}
                onChange={edit('owner.username', setUsername)}
                error={errors['owner.username']}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                hint="Letters, digits, dot, dash or underscore"
                maxLength={150}
              />
            </div>
            <div className="field-row">
              <div data-field="owner.firstName">
                <TextField label="First name" value={firstName} onChange={edit('owner.firstName', setFirstName)} error={errors['owner.firstName']} autoComplete="given-name" maxLength={150} />
              </div>
              <div data-field="owner.lastName">
                <TextField label="Last name" value={lastName} onChange={edit('owner.lastName', setLastName)} error={errors['owner.lastName']} autoComplete="family-name" maxLength={150} />
              </div>
            </div>
            <div className="field-row">
              <div data-field="owner.password">
                <SecretField kind="password" label="Password" value={password} onChange={edit('owner.password', setPassword)} error={errors['owner.password']} hint="At least 12 characters" />
              </div>
              <div data-field="owner.confirmPassword">
                <SecretField kind="password" label="Confirm password" value={confirmPassword} onChange={edit('owner.confirmPassword', setConfirmPassword)} error={errors['owner.confirmPassword']} />
              </div>
            </div>
            <div className="field-row">
              <div data-field="owner.pin">
                <SecretField kind="pin" label="PIN" value={pin} onChange={edit('owner.pin', setPin)} error={errors['owner.pin']} hint="6 digits for quick sign-in; not 123456 or 111111" />
              </div>
              <div data-field="owner.confirmPin">
                <SecretField kind="pin" label="Confirm PIN" value={confirmPin} onChange={edit('owner.confirmPin', setConfirmPin)} error={errors['owner.confirmPin']} />
              </div>
            </div>
          </fieldset>
        </div>

        <div className="setup-actions">
          <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-busy={busy || undefined}>
            Create shop
          </button>
        </div>
      </form>
    </main>
  );
}
