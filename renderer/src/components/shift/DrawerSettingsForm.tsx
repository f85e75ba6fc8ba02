import type { FormEvent } from 'react';
import type { DrawerSettingsView } from '../../../../electron/shared/contract';
import { formatMoney, parseMoney, toMoneyInput, type Currency } from '../../../../electron/shared/money';
import type { FieldErrors } from '../../formErrors';
import { useDraft } from '../../hooks/useDraft';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useSettingsStore } from '../../stores/settingsStore';
import { useShiftStore } from '../../stores/shiftStore';
import { CheckField, SaveActions } from '../SettingsFields';
import { TextField } from '../TextField';

type Key = keyof DrawerSettingsView;
const FIELDS: Record<string, Key> = { cashNeedsShift: 'cashNeedsShift', varianceTolerance: 'varianceTolerance', refundLimit: 'refundLimit' };

interface Draft {
  cashNeedsShift: boolean;
  varianceTolerance: string;
  refundLimit: string;
}

const toDraft = (d: DrawerSettingsView): Draft => ({
  cashNeedsShift: d.cashNeedsShift,
  varianceTolerance: toMoneyInput(d.varianceTolerance),
  refundLimit: toMoneyInput(d.refundLimit),
});

/** Settings → Cash drawer (owners): cash needs an open shift, the count tolerance, the managers' refund limit. */
export function DrawerSettingsForm({ drawer, currency }: { drawer: DrawerSettingsView; currency: Currency }) {
  const saveDrawer = useSettingsStore((s) => s.saveDrawer);
  const { draft, setDraft, set, saved, setSaved } = useDraft<Draft>(() => toDraft(drawer));
  const { busy, errors, top, rejectLocal, send, showError } = useFormRequest<Key>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors<Key> = {};
    const tolerance = parseMoney(draft.varianceTolerance.trim());
    const limit = parseMoney(draft.refundLimit.trim());
    if (tolerance === null) local.varianceTolerance = 'An amount like 20 or 20.00';
    if (limit === null) local.refundLimit = 'An amount like 500 or 500.00';
    if (rejectLocal(local) || tolerance === null || limit === null) {
      setSaved(false);
      return;
    }
    const result = await send(() => saveDrawer({ cashNeedsShift: draft.cashNeedsShift, varianceTolerance: tolerance, refundLimit: limit }));
    if (result.ok) {
      setDraft(toDraft(result.value));
      setSaved(true);
      // The counter's "No shift open" banner follows the new setting.
      void useShiftStore.getState().load();
      return;
    }
    showError(result.error, { fields: FIELDS, showAuthLoss: true });
  }

  return (
    <form className="settings-card" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <legend>Cash drawer</legend>
        <CheckField
          label="Cash sales need an open shift"
          hint="Cash only goes into a drawer that was counted when the shift opened. Card sales never need one."
          checked={draft.cashNeedsShift}
          onChange={set('cashNeedsShift')}
          error={errors.cashNeedsShift}
          disabled={busy}
        />
        <div className="settings-grid">
          <TextField
            label="Count tolerance"
            inputMode="decimal"
            autoComplete="off"
            maxLength={12}
            value={draft.varianceTolerance}
            onChange={set('varianceTolerance')}
            hint={`A closing count this far from expected (short or over) closes without a manager; ${formatMoney(0, currency)}: every difference needs one`}
            error={errors.varianceTolerance}
            disabled={busy}
          />
          <TextField
            label="Managers' refund limit"
            inputMode="decimal"
            autoComplete="off"
            maxLength={14}
            value={draft.refundLimit}
            onChange={set('refundLimit')}
            hint="Managers refund up to this much at a time; above it the owner approves"
            error={errors.refundLimit}
            disabled={busy}
          />
        </div>
      </fieldset>
      <SaveActions top={top} saved={saved && 'Cash drawer settings saved.'} submitLabel="Save cash drawer settings" busy={busy} />
    </form>
  );
}
