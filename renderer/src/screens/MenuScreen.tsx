import { useEffect, useState, type FormEvent } from 'react';
import type { MenuItemView } from '../../../electron/shared/contract';
import { CURRENCIES, parseMoney, toMoneyInput, type Currency } from '../../../electron/shared/money';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatMoney } from '../format';
import { useCartStore } from '../stores/cartStore';
import { useSessionStore } from '../stores/sessionStore';

/** Managers: change prices and mark items sold out. Every change goes to main straight away. */
export function MenuScreen() {
  const currency = useSessionStore((s) => s.shop?.currency ?? 'PHP');
  const menu = useCartStore((s) => s.menu);
  const menuLoaded = useCartStore((s) => s.menuLoaded);
  const notice = useCartStore((s) => s.notice);
  const loadMenu = useCartStore((s) => s.loadMenu);

  useEffect(() => {
    void loadMenu();
  }, [loadMenu]);

  return (
    <main className="page-screen">
      <div className="page-inner">
        <div className="page-head">
          <div>
            <h2 className="page-title">Menu</h2>
            <p className="muted">Change a price and tap Save. Untick Available when something runs out.</p>
          </div>
        </div>
        {!menuLoaded && (notice ? <ErrorMessage message={notice} /> : <p className="muted">Loading the menu…</p>)}
        {menuLoaded && menu.length === 0 && <p className="muted">The menu is empty.</p>}
        {menu.map((category) => (
          <section key={category.id} className="menu-section" aria-labelledby={`menu-cat-${category.id}`}>
            <h3 id={`menu-cat-${category.id}`} className="menu-section-title">
              {category.name}
            </h3>
            {category.items.length === 0 ? (
              <p className="muted">Nothing in {category.name} yet.</p>
            ) : (
              <ul className="menu-edit-list" aria-label={category.name}>
                {category.items.map((item) => (
                  <MenuItemRow key={item.id} item={item} currency={currency} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </main>
  );
}

/** A price that needs a second look before it is saved: free, or moved by more than half. */
function priceCheck(oldPrice: number, newPrice: number): 'free' | 'big' | null {
  if (newPrice === oldPrice) return null;
  if (newPrice === 0) return 'free';
  // More than 50% either way (integer math); any price for a free item counts as big.
  return Math.abs(newPrice - oldPrice) * 2 > oldPrice ? 'big' : null;
}

function MenuItemRow({ item, currency }: { item: MenuItemView; currency: Currency }) {
  const updateMenuItem = useCartStore((s) => s.updateMenuItem);
  const [priceText, setPriceText] = useState(toMoneyInput(item.price));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** A price waiting for "yes, really" (free, or a big jump). */
  const [confirming, setConfirming] = useState<{ price: number; kind: 'free' | 'big' } | null>(null);
  /** The switch moves as soon as it is tapped; main's answer then confirms (or undoes) it. */
  const [pendingAvailable, setPendingAvailable] = useState<boolean | null>(null);

  // Main's answer (or a reload) wins over what was typed once it has been saved.
  useEffect(() => {
    setPriceText(toMoneyInput(item.price));
  }, [item.price]);

  const typed = parseMoney(priceText);
  const changed = typed === null || typed !== item.price;
  const priceId = `price-${item.id}`;
  const errorId = `price-error-${item.id}`;

  async function savePrice(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    if (typed === null) {
      setError('Type a price like 150 or 150.50');
      return;
    }
    if (typed === item.price) return;
    const check = priceCheck(item.price, typed);
    if (check) {
      setConfirming({ price: typed, kind: check });
      return;
    }
    await save(typed);
  }

  async function save(price: number) {
    setConfirming(null);
    setBusy(true);
    setError(null);
    const result = await updateMenuItem(item.id, { price });
    setBusy(false);
    if (result.ok) setSaved(result.value.price === 0 ? 'Saved: now free' : `Saved: now ${formatMoney(result.value.price, currency)}`);
    else setError(result.error.fields?.price ?? result.error.message);
  }

  async function toggle(available: boolean) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    setPendingAvailable(available);
    const result = await updateMenuItem(item.id, { isAvailable: available });
    setPendingAvailable(null);
    setBusy(false);
    if (result.ok) setSaved(result.value.isAvailable ? 'Back on sale' : 'Marked sold out');
    else setError(result.error.message);
  }

  return (
    <li className={`menu-edit-row${item.isAvailable ? '' : ' menu-edit-row--soldout'}`} aria-label={item.name}>
      <div className="menu-edit-name">
        <span className="menu-edit-title">{item.name}</span>
        {!item.isAvailable && <span className="item-soldout">Sold out</span>}
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
            aria-describedby={error ? errorId : undefined}
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
          checked={pendingAvailable ?? item.isAvailable}
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
      <div className="menu-edit-status" aria-live="polite">
        {error && (
          <span className="field-error" id={errorId}>
            {error}
          </span>
        )}
        {saved && !error && <span className="saved-text">{saved}</span>}
      </div>
      {confirming && (
        <PriceConfirm
          name={item.name}
          oldPrice={formatMoney(item.price, currency)}
          newPrice={formatMoney(confirming.price, currency)}
          kind={confirming.kind}
          onYes={() => void save(confirming.price)}
          onNo={() => setConfirming(null)}
        />
      )}
    </li>
  );
}

interface PriceConfirmProps {
  name: string;
  oldPrice: string;
  newPrice: string;
  kind: 'free' | 'big';
  onYes(): void;
  onNo(): void;
}

/** "Make Latte free?" / "Change Latte from ₱130.00 to ₱13.00?": a slipped digit is caught before it sells. */
function PriceConfirm({ name, oldPrice, newPrice, kind, onYes, onNo }: PriceConfirmProps) {
  const title = kind === 'free' ? `Make ${name} free?` : `Change ${name} from ${oldPrice} to ${newPrice}?`;
  return (
    <Dialog label={title} onClose={onNo}>
      <h2 className="dialog-title">{title}</h2>
      <p className="price-confirm-change">
        <span className="price-confirm-old">{oldPrice}</span> → <span className="price-confirm-new">{newPrice}</span>
      </p>
      <p className="muted">
        {kind === 'free'
          ? `Customers will pay nothing for ${name} until you change the price again.`
          : 'That is a change of more than half the price. Check for a missing or extra digit.'}
      </p>
      <div className="dialog-buttons">
        <button type="button" className="btn btn--secondary btn--large" onClick={onNo} data-autofocus>
          Keep {oldPrice}
        </button>
        <button type="button" className="btn btn--primary btn--large" onClick={onYes}>
          {kind === 'free' ? 'Make it free' : `Save ${newPrice}`}
        </button>
      </div>
    </Dialog>
  );
}
