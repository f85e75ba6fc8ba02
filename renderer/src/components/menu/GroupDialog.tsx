// Create or edit a modifier group: name, required, min/max choices, repeats, and its options
// (name, price delta — negative allowed —, default, order; removing an option archives it so
// old orders keep it). Main enforces the rules; its messages are shown next to what they are about.
import { useState, type FormEvent } from 'react';
import type { AdminGroup } from '../../../../electron/shared/contract';
import { parseMoney, toMoneyInput, type Currency } from '../../../../electron/shared/money';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { FormButtons } from '../FormButtons';
import { TextField } from '../TextField';
import { CheckField, MoneyField, MoveButtons, moved, parseDelta } from './MenuBits';

interface Row {
  key: string;
  id?: string;
  name: string;
  delta: string;
  isDefault: boolean;
}

type Field = 'name' | 'min' | 'max' | 'options';
let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

function deltaText(minor: number): string {
  return minor < 0 ? `-${toMoneyInput(-minor)}` : minor === 0 ? '0' : toMoneyInput(minor);
}

export function usedByText(group: AdminGroup): string {
  const items = group.usedBy.itemIds.length;
  const cats = group.usedBy.categoryIds.length;
  if (items === 0 && cats === 0) return 'Not used yet';
  const parts = [items ? `${items} ${items === 1 ? 'item' : 'items'}` : '', cats ? `${cats} ${cats === 1 ? 'category' : 'categories'}` : ''];
  return `Used by ${parts.filter(Boolean).join(' and ')}`;
}

export function GroupDialog({ group, currency, onClose, onDone }: { group: AdminGroup | null; currency: Currency; onClose(): void; onDone(m: string): void }) {
  const run = useMenuAdminStore((s) => s.run);
  const [name, setName] = useState(group?.name ?? '');
  const [required, setRequired] = useState((group?.minChoices ?? 1) >= 1);
  const [minText, setMin] = useState(String(group?.minChoices ?? 1));
  const [maxText, setMax] = useState(String(group?.maxChoices ?? 1));
  const [allowRepeat, setAllowRepeat] = useState(group?.allowRepeat ?? false);
  const [rows, setRows] = useState<Row[]>(
    group
      ? group.options.filter((o) => !o.archived).sort((a, b) => a.displayOrder - b.displayOrder).map((o) => ({ key: o.id, id: o.id, name: o.name, delta: deltaText(o.priceDelta), isDefault: o.isDefault }))
      : [{ key: newKey(), name: '', delta: '0', isDefault: true }],
  );
  const [removed, setRemoved] = useState<Row[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const form = useFormRequest<Field>();
  const [baseVersion, setBaseVersion] = useState(group?.version);
  // Saving an archived group restores it (main), detached: "Where used" attaches it again.
  const restoring = !!group?.archived;
  const title = group ? `${restoring ? 'Restore' : 'Edit'} ${group.name}` : 'New modifier group';
  const max = Number(maxText);
  const single = max === 1;

  function patch(key: string, p: Partial<Row>) {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : single && p.isDefault ? { ...r, isDefault: false } : r)));
  }

  function remove(row: Row) {
    setRows((rs) => rs.filter((r) => r.key !== row.key));
    // Archived under the name it had (whatever was typed over it before Remove).
    const original = group?.options.find((o) => o.id === row.id);
    if (original) setRemoved((rs) => [...rs, { ...row, name: original.name, delta: deltaText(original.priceDelta) }]);
  }

  function setRequiredTo(on: boolean) {
    setRequired(on);
    if (on && Number(minText) < 1) setMin('1');
    if (!on) setMin('0');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    const min = Number(minText);
    const local: Partial<Record<Field, string>> = {};
    const rowErr: Record<number, string> = {};
    if (!name.trim()) local.name = 'Enter a name';
    if (!Number.isInteger(min) || min < 0 || min > 20) local.min = 'A whole number from 0 to 20';
    else if (required && min < 1) local.min = 'A required group needs at least 1 choice';
    if (!Number.isInteger(max) || max < 1 || max > 20) local.max = 'A whole number from 1 to 20';
    else if (min > max) local.max = `At least ${min} (the least a customer must choose)`;
    if (rows.length === 0) local.options = 'Add at least one option';
    else if (!allowRepeat && min > rows.length) local.options = `Customers must choose ${min}, but there ${rows.length === 1 ? 'is only 1 option' : `are only ${rows.length} options`}`;
    const parsed = rows.map((r, i) => {
      const d = parseDelta(r.delta || '0', parseMoney);
      if (!r.name.trim()) rowErr[i] = 'Enter a name';
      else if (d === null) rowErr[i] = 'Type an amount like 20, 15.50 or -10';
      return { ...(r.id ? { id: r.id } : {}), name: r.name.trim(), priceDelta: d ?? 0, isDefault: r.isDefault };
    });
    setRowErrors(rowErr);
    if (form.rejectLocal(local) || Object.keys(rowErr).length > 0) return;
    const options = [...parsed, ...removed.map((r) => ({ id: r.id, name: r.name, priceDelta: parseDelta(r.delta || '0', parseMoney) ?? 0, isDefault: false, archived: true }))];
    const result = await form.send(() =>
      run('menu.saveGroup', { ...(group ? { id: group.id, version: baseVersion } : {}), name: name.trim(), minChoices: min, maxChoices: max, allowRepeat, options }),
    );
    if (result.ok) {
      if (restoring) return onDone(`Restored ${result.value.name}. Attach it again with "Where used".`);
      return onDone(group ? `Saved ${result.value.name}.` : `Added ${result.value.name}. Attach it to items or a category with "Where used".`);
    }
    // Per-option messages ("options.2.name") go under their row; the rest next to their field.
    const perRow: Record<number, string> = {};
    for (const [path, message] of Object.entries(result.error.fields ?? {})) {
      const m = /^options\.(\d+)/.exec(path);
      if (m && Number(m[1]) < rows.length) perRow[Number(m[1])] = message;
    }
    setRowErrors(perRow);
    if (group && result.error.fields?.version) setBaseVersion(useMenuAdminStore.getState().view?.groups.find((g) => g.id === group.id)?.version);
    form.showError(result.error, { fields: { name: 'name', minChoices: 'min', maxChoices: 'max', options: 'options' } });
  }

  return (
    <Dialog label={title} onClose={onClose} busy={form.busy} wide>
      <form onSubmit={submit} noValidate className="dialog-body">
        <h2 className="dialog-title">{title}</h2>
        {group && <p className="muted">{usedByText(group)}: a change shows at the counter straight away.</p>}
        <ErrorMessage message={form.top} />
        <TextField label="Name" value={name} onChange={setName} error={form.errors.name} maxLength={100} autoComplete="off" placeholder="Milk, Size, Extras" />
        <div className="field-row field-row--three">
          <CheckField label="Required" checked={required} onChange={setRequiredTo} hint="The customer must choose" />
          <TextField label="At least" value={minText} onChange={setMin} error={form.errors.min} inputMode="numeric" maxLength={2} disabled={!required} />
          <TextField label="At most" value={maxText} onChange={setMax} error={form.errors.max} inputMode="numeric" maxLength={2} />
        </div>
        <CheckField label="An option can be picked more than once (2 pumps of vanilla)" checked={allowRepeat} onChange={setAllowRepeat} />
        <fieldset className="choice-list">
          <legend>Options</legend>
          {form.errors.options && <p className="field-error">{form.errors.options}</p>}
          <ol className="option-rows">
            {rows.map((r, i) => (
              <li key={r.key} className="option-row" aria-label={r.name || `Option ${i + 1}`}>
                <TextField label={`Option ${i + 1} name`} value={r.name} onChange={(v) => patch(r.key, { name: v })} error={rowErrors[i]} maxLength={100} autoComplete="off" />
                <MoneyField label="Price change" value={r.delta} onChange={(v) => patch(r.key, { delta: v })} currency={currency} allowNegative />
                <CheckField label="Default" checked={r.isDefault} onChange={(on) => patch(r.key, { isDefault: on })} />
                <span className="option-row-actions">
                  <MoveButtons name={r.name || `option ${i + 1}`} first={i === 0} last={i === rows.length - 1} onMove={(d) => setRows((rs) => {
                    const order = moved(rs.map((x) => x.key), r.key, d);
                    return order.map((k) => rs.find((x) => x.key === k)!);
                  })} />
                  <button type="button" className="btn btn--ghost btn--small" aria-label={`Remove ${r.name || `option ${i + 1}`}`} onClick={() => remove(r)}>
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <button type="button" className="btn btn--secondary" onClick={() => setRows((rs) => [...rs, { key: newKey(), name: '', delta: '0', isDefault: false }])} disabled={rows.length >= 50}>
            Add option
          </button>
          {removed.length > 0 && <p className="muted">Removing {removed.map((r) => r.name).join(', ')}: archived, old orders keep them.</p>}
        </fieldset>
        <FormButtons submitLabel={restoring ? 'Restore' : group ? 'Save' : 'Add group'} busy={form.busy} onCancel={onClose} sticky />
      </form>
    </Dialog>
  );
}
