import { useId, useState, type FormEvent } from 'react';
import type { CartLineView, MenuItemView, ModifierGroupView, ModifierOptionView } from '../../../electron/shared/contract';
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
  /** Edit mode: this cart line's options, preselected; saving changes the line instead of adding one. */
  line?: CartLineView;
  onClose(): void;
}

/** Value of the "None" radio in an optional single-choice group. */
const NONE = '';

/** Chosen option ids per group; an id appears n times when an option is taken n times (2 pumps of vanilla). */
type Chosen = Record<string, string[]>;

const isSingle = (group: ModifierGroupView): boolean => group.maxChoices <= 1;
/** Steppers instead of ticks: the group lets an option be taken more than once. */
const repeats = (group: ModifierGroupView): boolean => group.allowRepeat && !isSingle(group);

function defaultsFor(item: MenuItemView): Chosen {
  const chosen: Chosen = {};
  for (const group of item.modifierGroups) {
    // A sold-out default is not preselected: the person picks something that can be made.
    const ids = group.options.filter((o) => o.isDefault && o.isAvailable).map((o) => o.id);
    chosen[group.id] = ids.slice(0, isSingle(group) ? 1 : Math.max(group.maxChoices, 0));
  }
  return chosen;
}

/** The line's options, sorted into the item's groups (an option taken twice comes back as one with count 2). */
function fromLine(item: MenuItemView, line: CartLineView): Chosen {
  const groupOf = new Map(item.modifierGroups.flatMap((g) => g.options.map((o) => [o.id, g.id] as const)));
  const chosen: Chosen = Object.fromEntries(item.modifierGroups.map((g) => [g.id, [] as string[]]));
  for (const option of line.options) {
    const groupId = groupOf.get(option.id);
    if (groupId) for (let n = 0; n < (option.count ?? 1); n++) chosen[groupId]!.push(option.id);
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

const count = (ids: readonly string[], id: string): number => ids.reduce((n, x) => (x === id ? n + 1 : n), 0);

/**
 * The option chooser for an item with modifier groups (Size, Milk, Extras): one fieldset per
 * group with the defaults ticked (or, editing a line, its options), sold-out options greyed, a
 * stepper where an option may be taken more than once, a note, a quantity and the live price.
 * Main checks the same rules again and prices the line itself.
 */
export function ModifierDialog({ item, currency, line, onClose }: ModifierDialogProps) {
  const addConfigured = useCartStore((s) => s.addConfigured);
  const setLineOptions = useCartStore((s) => s.setLineOptions);
  const [chosen, setChosen] = useState<Chosen>(() => (line ? fromLine(item, line) : defaultsFor(item)));
  const [note, setNote] = useState('');
  const [quantity, setQuantity] = useState(line?.quantity ?? 1);
  const { busy, top: error, setTop: setError, send, showError } = useFormRequest();
  const [showMissing, setShowMissing] = useState(false);
  const uid = useId();
  const money = (m: number) => formatMoney(m, currency);
  const editing = line !== undefined;

  const offered = new Map<string, ModifierOptionView>(item.modifierGroups.flatMap((g) => g.options.map((o) => [o.id, o] as const)));
  /** Options on the line that the menu no longer offers: saving takes them off. */
  const dropped = line ? line.options.filter((o) => !offered.has(o.id)) : [];
  const picked = (groupId: string) => chosen[groupId] ?? [];
  const missing = item.modifierGroups.filter((g) => picked(g.id).length < g.minChoices);
  const unitPrice = item.price + Object.values(chosen).reduce((sum, ids) => sum + ids.reduce((s, id) => s + (offered.get(id)?.priceDelta ?? 0), 0), 0);

  function update(group: ModifierGroupView, next: (current: string[]) => string[]) {
    setError(null);
    setChosen((prev) => ({ ...prev, [group.id]: next(prev[group.id] ?? []) }));
  }

  function choose(group: ModifierGroupView, optionId: string, on: boolean) {
    update(group, (current) => {
      if (isSingle(group)) return optionId === NONE ? [] : [optionId];
      if (on) return current.includes(optionId) || current.length >= group.maxChoices ? current : [...current, optionId];
      return current.filter((id) => id !== optionId);
    });
  }

  function step(group: ModifierGroupView, optionId: string, by: 1 | -1) {
    update(group, (current) => {
      if (by === 1) return current.length >= group.maxChoices ? current : [...current, optionId];
      const at = current.lastIndexOf(optionId);
      return at < 0 ? current : [...current.slice(0, at), ...current.slice(at + 1)];
    });
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    // Options in menu order, group by group; an option taken twice is sent twice.
    const optionIds = item.modifierGroups.flatMap((g) => g.options.flatMap((o) => Array<string>(count(picked(g.id), o.id)).fill(o.id)));
    const result = await send(() =>
      line ? setLineOptions(line.id, optionIds) : addConfigured(item.id, { quantity, optionIds, note }),
    );
    if (result.ok) onClose();
    else showError(result.error);
  }

  return (
    <Dialog label={editing ? `Change ${item.name}` : item.name} onClose={onClose} busy={busy} wide>
      <form className="chooser" onSubmit={save} noValidate>
        <div className="chooser-head">
          <div className="dialog-head">
            <h2 className="dialog-title">{item.name}</h2>
            {editing ? (
              <p className="muted">Change the options of this line{line.note ? ` (note: “${line.note}”)` : ''}.</p>
            ) : (
              item.description && <p className="muted">{item.description}</p>
            )}
          </div>
          <p className="chooser-base">{money(item.price)}</p>
        </div>

        {dropped.length > 0 && (
          <p className="info-line">
            No longer on the menu, taken off when you save: {dropped.map((o) => o.name).join(', ')}
          </p>
        )}

        <div className="chooser-groups">
          {item.modifierGroups.map((group) => {
            const single = isSingle(group);
            const ids = picked(group.id);
            const full = !single && ids.length >= group.maxChoices;
            const needs = showMissing && ids.length < group.minChoices;
            const allOut = group.options.every((o) => !o.isAvailable);
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
                  {allOut ? ' · all sold out' : full && ' · the most you can pick'}
                </p>
                <div className="chooser-options">
                  {withNone && (
                    <label className={`option-chip${ids.length === 0 ? ' option-chip--on' : ''}`}>
                      <input type="radio" name={name} value={NONE} checked={ids.length === 0} onChange={() => choose(group, NONE, true)} />
                      <span className="option-name">None</span>
                    </label>
                  )}
                  {group.options.map((option) =>
                    repeats(group) ? (
                      <OptionStepper
                        key={option.id}
                        option={option}
                        times={count(ids, option.id)}
                        full={full}
                        currency={currency}
                        onStep={(by) => step(group, option.id, by)}
                      />
                    ) : (
                      <OptionChip
                        key={option.id}
                        option={option}
                        single={single}
                        name={name}
                        on={ids.includes(option.id)}
                        full={full}
                        currency={currency}
                        onChange={(on) => choose(group, option.id, on)}
                      />
                    ),
                  )}
                </div>
              </fieldset>
            );
          })}
        </div>

        {!editing && (
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
        )}

        <ErrorMessage message={error ?? (showMissing && missing.length > 0 ? `Choose ${missing.map((g) => g.name.toLowerCase()).join(' and ')} first.` : null)} />

        <div className="chooser-foot">
          {editing ? (
            <span />
          ) : (
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
          )}
          <p className="chooser-price" aria-live="polite">
            <span className="chooser-price-label">{quantity > 1 ? `${quantity} × ${money(unitPrice)}` : 'Price'}</span>
            <span className="chooser-price-amount">{money(unitPrice * quantity)}</span>
          </p>
          <FormButtons
            className="chooser-buttons"
            submitLabel={editing ? 'Save options' : 'Add to order'}
            variant="charge"
            autoFocus
            busy={busy}
            onCancel={onClose}
          />
        </div>
      </form>
    </Dialog>
  );
}

interface OptionChipProps {
  option: ModifierOptionView;
  single: boolean;
  name: string;
  on: boolean;
  full: boolean;
  currency: Currency;
  onChange(on: boolean): void;
}

/** A radio or a tick. Sold out: greyed and not selectable (one already on a line being edited can still be taken off). */
function OptionChip({ option, single, name, on, full, currency, onChange }: OptionChipProps) {
  const soldOut = !option.isAvailable;
  const off = !on && (full || soldOut);
  const delta = formatDelta(option.priceDelta, currency);
  return (
    <label className={`option-chip${on ? ' option-chip--on' : ''}${off ? ' option-chip--off' : ''}${soldOut ? ' option-chip--soldout' : ''}`}>
      <input type={single ? 'radio' : 'checkbox'} name={name} value={option.id} checked={on} disabled={off} onChange={(e) => onChange(e.target.checked)} />
      <span className="option-name">{option.name}</span>
      {soldOut ? (
        <>
          {' '}
          <span className="option-soldout">Sold out</span>
        </>
      ) : (
        delta && (
          <>
            {' '}
            <span className="option-delta">{delta}</span>
          </>
        )
      )}
    </label>
  );
}

interface OptionStepperProps {
  option: ModifierOptionView;
  times: number;
  full: boolean;
  currency: Currency;
  onStep(by: 1 | -1): void;
}

/** − n + for an option that may be taken more than once ("2 pumps of vanilla"), within the group's most. */
function OptionStepper({ option, times, full, currency, onStep }: OptionStepperProps) {
  const soldOut = !option.isAvailable;
  const delta = formatDelta(option.priceDelta, currency);
  return (
    <div
      className={`option-chip option-step${times > 0 ? ' option-chip--on' : ''}${soldOut && times === 0 ? ' option-chip--off option-chip--soldout' : ''}`}
      role="group"
      aria-label={option.name}
    >
      <span className="option-name">{option.name}</span>
      <span className={soldOut ? 'option-soldout' : 'option-delta'}>{soldOut ? 'Sold out' : delta ? `${delta} each` : ''}</span>
      <span className="option-step-ctl">
        <button type="button" className="qty-btn" aria-label={`Less ${option.name}`} disabled={times === 0} onClick={() => onStep(-1)}>
          <span aria-hidden="true">−</span>
        </button>
        <span className="option-step-count" aria-live="polite">
          {times}
        </span>
        <button type="button" className="qty-btn" aria-label={`More ${option.name}`} disabled={full || soldOut} onClick={() => onStep(1)}>
          <span aria-hidden="true">+</span>
        </button>
      </span>
    </div>
  );
}
