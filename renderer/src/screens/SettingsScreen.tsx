import { useEffect, type FormEvent } from 'react';
import type { SecuritySettingsView, ShopSettingsView } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';
import { SECURITY_LIMITS } from '../../../electron/shared/securityLimits';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Icon } from '../components/Icon';
import { SelectField } from '../components/SelectField';
import { CheckField, SaveActions } from '../components/SettingsFields';
import { DrawerSettingsForm } from '../components/shift/DrawerSettingsForm';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { timeZoneList, timeZoneName, toPercentInput } from '../format';
import type { FieldErrors } from '../formErrors';
import { useDraft } from '../hooks/useDraft';
import { useFormRequest } from '../hooks/useFormRequest';
import { useLoaded } from '../hooks/useLoaded';
import { useSessionStore } from '../stores/sessionStore';
import { useSettingsStore } from '../stores/settingsStore';

type Key = keyof SecuritySettingsView;
type Draft = Record<Key, string>;

// The same bounds main enforces (card payment rules: lockout ≥ 30 min, idle lock ≤ 15 min).
const LIMITS: Record<Key, { min: number; max: number; hint: string }> = SECURITY_LIMITS;
const KEYS = Object.keys(LIMITS) as Key[];
const FIELDS: Record<string, Key> = Object.fromEntries(KEYS.map((k) => [k, k]));

function toDraft(s: SecuritySettingsView): Draft {
  return {
    maxFailedAttempts: String(s.maxFailedAttempts),
    lockoutMinutes: String(s.lockoutMinutes),
    idleLockMinutes: String(s.idleLockMinutes),
    discountLimitPercent: String(s.discountLimitPercent),
    maxSessionHours: String(s.maxSessionHours),
  };
}

/** Owners: the shop profile and printing, lockout, idle lock and discount limit, and where the email key is kept. */
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
            <ShopForm shop={settings.shop} />
            <SecurityForm security={settings.security} />
            <DrawerSettingsForm drawer={settings.drawer} currency={settings.shop.currency} />
            {!settings.keyStorage.warning && <KeyStorage keyStorage={settings.keyStorage} />}
          </>
        )}
      </div>
    </main>
  );
}

function SecurityForm({ security }: { security: SecuritySettingsView }) {
  const saveSecurity = useSettingsStore((s) => s.saveSecurity);
  const { draft, setDraft, set, saved, setSaved } = useDraft<Draft>(() => toDraft(security));
  const { busy, errors, top, rejectLocal, send, showError } = useFormRequest<Key>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<Key> = {};
    const values = {} as SecuritySettingsView;
    // Bounds are checked by main, whose messages say why (card payment rules).
    for (const key of KEYS) {
      const text = draft[key].trim();
      if (!/^\d{1,5}$/.test(text)) local[key] = 'Enter a whole number';
      else values[key] = Number(text);
    }
    if (rejectLocal(local)) {
      setSaved(false);
      return;
    }
    const result = await send(() => saveSecurity(values));
    if (result.ok) {
      setDraft(toDraft(result.value.security));
      setSaved(true);
      return;
    }
    showError(result.error, { fields: FIELDS, showAuthLoss: true });
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
          <TextField label="Wrong tries before lockout" hint={LIMITS.maxFailedAttempts.hint} {...number('maxFailedAttempts')} />
          <TextField label="Lockout minutes" hint={LIMITS.lockoutMinutes.hint} {...number('lockoutMinutes')} />
          <TextField label="Lock the till after (minutes idle)" hint={LIMITS.idleLockMinutes.hint} {...number('idleLockMinutes')} />
          <TextField label="Sign everyone out after (hours)" hint={LIMITS.maxSessionHours.hint} {...number('maxSessionHours')} />
          <TextField label="Discount limit %" hint={LIMITS.discountLimitPercent.hint} {...number('discountLimitPercent')} />
        </div>
      </fieldset>
      <SaveActions top={top} saved={saved && 'Settings saved.'} submitLabel="Save settings" busy={busy} />
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

type ShopKey = 'name' | 'taxRatePercent' | 'pricesIncludeTax' | 'timezone' | 'businessDayStart' | 'receiptFooter' | 'silentPrint' | 'printerName';
const SHOP_FIELDS: Record<string, ShopKey> = {
  name: 'name',
  taxRatePercent: 'taxRatePercent',
  pricesIncludeTax: 'pricesIncludeTax',
  timezone: 'timezone',
  businessDayStart: 'businessDayStart',
  receiptFooter: 'receiptFooter',
  silentPrint: 'silentPrint',
  printerName: 'printerName',
};

interface ShopDraft {
  name: string;
  taxRatePercent: string;
  pricesIncludeTax: boolean;
  timezone: string;
  businessDayStart: string;
  receiptFooter: string;
  silentPrint: boolean;
  printerName: string;
}

function toShopDraft(shop: ShopSettingsView): ShopDraft {
  return {
    name: shop.name,
    taxRatePercent: toPercentInput(shop.taxRateBp),
    pricesIncludeTax: shop.pricesIncludeTax,
    timezone: shop.timezone,
    businessDayStart: shop.businessDayStart,
    receiptFooter: shop.receiptFooter,
    silentPrint: shop.silentPrint,
    printerName: shop.printerName,
  };
}

type Printers = { state: 'loading' } | { state: 'list'; printers: { name: string; isDefault: boolean }[] } | { state: 'none'; message: string };

/** Shop name, tax, time zone, when the business day starts, the receipt footer and printing. */
function ShopForm({ shop }: { shop: ShopSettingsView }) {
  const saveShop = useSettingsStore((s) => s.saveShop);
  const setShop = useSessionStore((s) => s.setShop);
  const { draft, setDraft, set, saved, setSaved } = useDraft<ShopDraft>(() => toShopDraft(shop));
  const { busy, errors, top, rejectLocal, send, showError } = useFormRequest<ShopKey>();
  const printers = toPrinters(useLoaded(() => call('receipts.printers', {}), []));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<ShopKey> = {};
    if (!draft.name.trim()) local.name = 'Enter the shop name';
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(draft.taxRatePercent.trim())) local.taxRatePercent = 'A rate like 12 or 7.5';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.businessDayStart)) local.businessDayStart = 'A time like 04:00';
    if (rejectLocal(local)) {
      setSaved(false);
      return;
    }
    const result = await send(() => saveShop({
      name: draft.name.trim(),
      taxRatePercent: draft.taxRatePercent.trim(),
      pricesIncludeTax: draft.pricesIncludeTax,
      timezone: draft.timezone,
      businessDayStart: draft.businessDayStart,
      receiptFooter: draft.receiptFooter.trim(),
      silentPrint: draft.silentPrint,
      printerName: draft.printerName.trim(),
    }));
    if (result.ok) {
      const next = result.value.shop;
      setDraft(toShopDraft(next));
      setSaved(true);
      // The top bar, counter and receipts use the session's copy of the shop profile.
      setShop({ name: next.name, currency: next.currency, taxRateBp: next.taxRateBp, pricesIncludeTax: next.pricesIncludeTax, timezone: next.timezone });
      return;
    }
    showError(result.error, { fields: SHOP_FIELDS, showAuthLoss: true });
  }

  const knownPrinter = printers.state === 'list' && (draft.printerName === '' || printers.printers.some((p) => p.name === draft.printerName));

  return (
    <form className="settings-card" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <legend>Shop</legend>
        <div className="settings-grid">
          <TextField label="Shop name" value={draft.name} onChange={set('name')} maxLength={120} error={errors.name} disabled={busy} />
          <TextField
            label="Tax rate %"
            inputMode="decimal"
            value={draft.taxRatePercent}
            onChange={set('taxRatePercent')}
            maxLength={5}
            hint="Like 12 or 7.5"
            error={errors.taxRatePercent}
            disabled={busy}
            className="field--short"
          />
          <CheckField label="Prices include tax" checked={draft.pricesIncludeTax} onChange={set('pricesIncludeTax')} error={errors.pricesIncludeTax} disabled={busy} />
          <TextField
            label="Business day starts at"
            type="time"
            value={draft.businessDayStart}
            onChange={set('businessDayStart')}
            hint="Sales before this time count for the day before"
            error={errors.businessDayStart}
            disabled={busy}
            className="field--short"
          />
          <SelectField
            label="Time zone"
            value={draft.timezone}
            onChange={set('timezone')}
            hint={draft.timezone === shop.timezone ? 'Decides which day a sale counts for' : 'New sales only: earlier orders keep their day and number'}
            error={errors.timezone}
            disabled={busy}
          >
            {timeZoneList(shop.timezone).map((z) => (
              <option key={z} value={z}>
                {timeZoneName(z)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label="Receipt footer"
          value={draft.receiptFooter}
          onChange={set('receiptFooter')}
          maxLength={300}
          rows={2}
          placeholder="e.g. Thank you! Wi-Fi: brews-guest"
          error={errors.receiptFooter}
          disabled={busy}
        />
        <div className="settings-grid">
          {printers.state === 'list' && knownPrinter ? (
            <SelectField label="Printer" value={draft.printerName} onChange={set('printerName')} error={errors.printerName} disabled={busy}>
              <option value="">The computer's default printer</option>
              {printers.printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                  {p.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField
              label="Printer name"
              value={draft.printerName}
              onChange={set('printerName')}
              maxLength={200}
              placeholder="Leave empty for the default printer"
              hint={printers.state === 'none' ? printers.message : printers.state === 'loading' ? 'Looking for printers…' : undefined}
              error={errors.printerName}
              disabled={busy}
            />
          )}
          <CheckField
            label="Print without asking"
            hint="Receipts go straight to the printer, without the print window"
            checked={draft.silentPrint}
            onChange={set('silentPrint')}
            error={errors.silentPrint}
            disabled={busy}
          />
        </div>
        <p className="muted small">Currency {shop.currency} (set when the shop was created)</p>
      </fieldset>
      <SaveActions top={top} saved={saved && 'Shop settings saved.'} submitLabel="Save shop settings" busy={busy} />
    </form>
  );
}

function toPrinters(result: Result<{ name: string; isDefault: boolean }[]> | null): Printers {
  if (!result) return { state: 'loading' };
  if (result.ok && result.value.length > 0) return { state: 'list', printers: result.value };
  return { state: 'none', message: result.ok ? 'No printers found on this computer.' : result.error.message };
}
