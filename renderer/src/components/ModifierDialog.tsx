import { useId, useState, type FormEvent } from 'react';
import type { MenuItemView, ModifierGroupView } from '../../../electron/shared/contract';
import { MAX_LINE_QUANTITY, type Currency } from '../../../electron/shared/money';
import { formatDelta, formatMoney } from '../format';
import { useFormRequest } from '../hooks/useFormRequest';
import { useCartStore } from '../stores/cartStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { FormButtons } from './FormButtons';
import { TextField } from './TextField';

interface ModifierDialogProps {
  item: MenuItemView;
  currency: Currency;
  onClose(): void;
}

/** Value of the "None" radio in an optional single-choice group. */
const NONE = '';

function isSingle(group: ModifierGroupView): boolean {
  return group.maxChoices <= 1;
}

function defaultsFor(item: MenuItemView): Record<string, string[]> {
  const chosen: Record<string, string[]> = {};
  for (const group of item.modifierGroups) {
    let ids = group.options.filter((o) => o.isDefault).map((o) => o.id);
    if (isSingle(group)) ids = ids.slice(0, 1);
    else ids = ids.slice(0, Math.max(group.maxChoices, 0));
    chosen[group.id] = ids;
  }
  return chosen;
}

/** "Choose 1", "Choose up to 3", "Choose 1 to 2", "Optional". */
function ruleText(group: ModifierGroupView): string {
  const { minChoices: min, maxChoices: max } = group;
  if (min > 0 && min === max) return `Choose ${min}`;
  if (min > 0) return `Choose ${min} to ${max}`;
  if (max <= 1) return 'Optional';
  return `Optional, up to ${max}`;
}

/**
 * The option chooser for an item with modifier groups (Size, Milk, Extras): one fieldset per
 * group with the defaults ticked, a note, a quantity and the live price. Main checks the same
 * rules again and prices the line itself.
 */
export function ModifierDialog({ item, currency, onClose }: ModifierDialogProps) {
  const addConfigured = useCartStore((s) => s.addConfigured);
  const [chosen, setChosen] = useState<Record<string, string[]>>(() => defaultsFor(item));
  const [note, setNote] = useState('');
  const [quantity, setQuantity] = useState(1);
  const { busy, top: error, setTop: setError, send, showError } = useFormRequest();
  const [showMissing, setShowMissing] = useState(false);
  const uid = useId();
  const money = (m: number) => formatMoney(m, currency);

  const picked = (groupId: string) => chosen[groupId] ?? [];
  const missing = item.modifierGroups.filter((g) => picked(g.id).length < g.minChoices);
  const unitPrice =
    item.price +
    item.modifierGroups.reduce(
      (sum, g) => sum + g.options.filter((o) => picked(g.id).includes(o.id)).reduce((s, o) => s + o.priceDelta, 0),
      0,
    );

  function choose(group: ModifierGroupView, optionId: string, on: boolean) {
    setError(null);
    setChosen((prev) => {
      const current = prev[group.id] ?? [];
      let next: string[];
      if (isSingle(group)) next = optionId === NONE ? [] : [optionId];
      else if (on) next = current.includes(optionId) || current.length >= group.maxChoices ? current : [...current, optionId];
      else next = current.filter((id) => id !== optionId);
      return { ...prev, [group.id]: next };
    });
  }

  async function add(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    // Options in menu order, group by group.
    const optionIds = item.modifierGroups.flatMap((g) => g.options.filter((o) => picked(g.id).includes(o.id)).map((o) => o.id));
    const result = await send(() => addConfigured(item.id, { quantity, optionIds, note }));
    if (result.ok) onClose();
    else showError(result.error);
  }

  return (
    <Dialog label={item.name} onClose={onClose} busy={busy} wide>
      <form className="chooser" onSubmit={add} noValidate>
        <div className="chooser-head">
          <div className="dialog-head">
            <h2 className="dialog-title">{item.name}</h2>
            {item.description && <p className="muted">{item.description}</p>}
          </div>
          <p className="chooser-base">{money(item.price)}</p>
        </div>

        <div className="chooser-groups">
          {item.modifierGroups.map((group) => {
            const single = isSingle(group);
            const ids = picked(group.id);
            const full = !single && ids.length >= group.maxChoices;
            const needs = showMissing && ids.length < group.minChoices;
            const ruleId = `${uid}-rule-${group.id}`;
            const name = `${uid}-group-${group.id}`;
            const withNone = single && group.minChoices === 0;
            return (
              <fieldset
                key={group.id}
                className={`chooser-group${needs ? ' chooser-group--missing' : ''}`}
                aria-describedby={ruleId}
                disabled={busy}
              >
                <legend>{group.name}</legend>
                <p className="chooser-rule" id={ruleId}>
                  {needs ? `Choose a ${group.name.toLowerCase()}` : ruleText(group)}
                  {full && ' · the most you can pick'}
                </p>
                <div className="chooser-options">
                  {withNone && (
                    <label className={`option-chip${ids.length === 0 ? ' option-chip--on' : ''}`}>
                      <input type="radio" name={name} value={NONE} checked={ids.length === 0} onChange={() => choose(group, NONE, true)} />
                      <span className="option-name">None</span>
                    </label>
                  )}
                  {group.options.map((option) => {
                    const on = ids.includes(option.id);
                    const delta = formatDelta(option.priceDelta, currency);
                    return (
                      <label key={option.id} className={`option-chip${on ? ' option-chip--on' : ''}${!on && full ? ' option-chip--off' : ''}`}>
                        <input
                          type={single ? 'radio' : 'checkbox'}
                          name={name}
                          value={option.id}
                          checked={on}
                          disabled={!on && full}
                          onChange={(e) => choose(group, option.id, e.target.checked)}
                        />
                        <span className="option-name">{option.name}</span>
                        {delta && (
                          <>
                            {' '}
                            <span className="option-delta">{delta}</span>
                          </>
                        )}
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            );
          })}
        </div>

        <TextField
          label="Note"
          className="chooser-note"
          value={note}
          onChange={setNote}
          maxLength={140}
          placeholder="e.g. extra hot"
          autoComplete="off"
          disabled={busy}
        />

        <ErrorMessage message={error ?? (showMissing && missing.length > 0 ? `Choose ${missing.map((g) => g.name.toLowerCase()).join(' and ')} first.` : null)} />

        <div className="chooser-foot">
          <div className="qty qty--big" role="group" aria-label="Quantity">
            <button type="button" className="qty-btn" aria-label="One less" onClick={() => setQuantity((q) => Math.max(1, q - 1))} disabled={busy || quantity <= 1}>
              <span aria-hidden="true">−</span>
            </button>
            <span className="qty-value" aria-live="polite">
              {quantity}
            </span>
            <button
              type="button"
              className="qty-btn"
              aria-label="One more"
              onClick={() => setQuantity((q) => Math.min(MAX_LINE_QUANTITY, q + 1))}
              disabled={busy || quantity >= MAX_LINE_QUANTITY}
            >
              <span aria-hidden="true">+</span>
            </button>
          </div>
          <p className="chooser-price" aria-live="polite">
            <span className="chooser-price-label">{quantity > 1 ? `${quantity} × ${money(unitPrice)}` : 'Price'}</span>
            <span className="chooser-price-amount">{money(unitPrice * quantity)}</span>
          </p>
          <FormButtons className="chooser-buttons" submitLabel="Add to order" variant="charge" autoFocus busy={busy} onCancel={onClose} />
        </div>
      </form>
    </Dialog>
  );
}
