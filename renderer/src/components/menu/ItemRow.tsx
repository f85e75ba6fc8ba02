// One item in the back office list: quick price change (with main's confirmation for a free
// price or a jump of more than half), the Available switch, move up/down (or drag), Edit and More.
import { useEffect, useState, type FormEvent } from 'react';
import type { AdminItem } from '../../../../electron/shared/contract';
import { CURRENCIES, parseMoney, toMoneyInput, type Currency } from '../../../../electron/shared/money';
import { formatMoney } from '../../format';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { MoveButtons, Swatch } from './MenuBits';
import type { useDragReorder } from './useDragReorder';
import { itemInput, SOLD_OUT_LABELS, soldOutState, useItemSave } from './useItemSave';

type Drag = ReturnType<typeof useDragReorder>;

interface ItemRowProps {
  item: AdminItem;
  currency: Currency;
  first: boolean;
  last: boolean;
  /** Reordering is offered only when the list shows one category unfiltered. */
  canMove: boolean;
  now: number;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onMore(): void;
  /** Drag-and-drop, only when the list shows one category unfiltered (else the order is ambiguous). */
  drag: Drag | null;
}

export function ItemRow({ item, currency, first, last, canMove, now, onMove, onEdit, onMore, drag }: ItemRowProps) {
  const run = useMenuAdminStore((s) => s.run);
  const { save, confirm } = useItemSave(currency);
  const [priceText, setPriceText] = useState(toMoneyInput(item.price));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pendingAvailable, setPendingAvailable] = useState<boolean | null>(null);

  // Main's answer (or a reload) wins over what was typed once it has been saved.
  useEffect(() => setPriceText(toMoneyInput(item.price)), [item.price]);

  const typed = parseMoney(priceText);
  const changed = typed === null || typed !== item.price;
  const soldOut = soldOutState(item, now);
  const priceId = `price-${item.id}`;
  const drop = drag?.rowProps(item.id);

  async function savePrice(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    if (typed === null) {
      setError('Type a price like 150 or 150.50');
      return;
    }
    if (typed === item.price) return;
    setBusy(true);
    setError(null);
    const result = await save({ ...itemInput(item), price: typed }, item.price);
    setBusy(false);
    if (!result) return; // kept the old price: what was typed stays, to fix the digit
    if (result.ok) setSaved(result.value.price === 0 ? 'Saved: now free' : `Saved: now ${formatMoney(result.value.price, currency)}`);
    else setError(result.error.fields?.price ?? result.error.message);
  }

  async function toggle(available: boolean) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    setPendingAvailable(available);
    const result = await run('menu.setSoldOut', { target: 'item', id: item.id, soldOut: !available, until: 'manual' });
    setPendingAvailable(null);
    setBusy(false);
    if (result.ok) setSaved(available ? 'Back on sale' : 'Marked sold out');
    else setError(result.error.message);
  }

  return (
    <li {...drop} className={`menu-edit-row admin-item-row${soldOut ? ' menu-edit-row--soldout' : ''} ${drop?.className ?? ''}`.trim()} aria-label={item.name}>
      <div className="menu-edit-name">
        {drag && <span {...drag.handleProps(item.id, item.name)}>⋮⋮</span>}
        <Swatch color={item.color} />
        <span className="menu-edit-title">{item.name}</span>
        {soldOut && <span className="item-soldout">{SOLD_OUT_LABELS[soldOut]}</span>}
        {item.isFavorite && <span className="badge badge--favorite">★ Favourite</span>}
        {item.sku && <span className="admin-sku mono">{item.sku}</span>}
      </div>
      <form className="menu-edit-price" onSubmit={savePrice} noValidate>
        <label htmlFor={priceId} className="visually-hidden">
          Price of {item.name}
        </label>
        <span className="money-input">
          <span className="money-input-symbol" aria-hidden="true">
            {CURRENCIES[currency]}
          </span>
          <input
            id={priceId}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={12}
            value={priceText}
            onChange={(e) => {
              setPriceText(e.target.value);
              setSaved(null);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            disabled={busy}
          />
        </span>
        <button type="submit" className="btn btn--primary btn--small" disabled={busy || !changed} aria-label={`Save ${item.name} price`}>
          Save
        </button>
      </form>
      <label className="toggle">
        <input
          type="checkbox"
          aria-label={`${item.name} available`}
          checked={pendingAvailable ?? soldOut === null}
          onChange={(e) => void toggle(e.target.checked)}
          disabled={busy}
        />
        <span className="toggle-track" aria-hidden="true">
          <span className="toggle-thumb" />
        </span>
        <span className="toggle-text" aria-hidden="true">
          Available
        </span>
      </label>
      <div className="admin-item-actions">
        {canMove && <MoveButtons name={item.name} first={first} last={last} busy={busy} onMove={onMove} />}
        <button type="button" className="btn btn--secondary btn--small" aria-label={`Edit ${item.name}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="btn btn--secondary btn--small" aria-label={`More for ${item.name}`} onClick={onMore}>
          More…
        </button>
      </div>
      <div className="menu-edit-status" aria-live="polite">
        {error && <span className="field-error">{error}</span>}
        {saved && !error && <span className="saved-text">{saved}</span>}
      </div>
      {confirm}
    </li>
  );
}
