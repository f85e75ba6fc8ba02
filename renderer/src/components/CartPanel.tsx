import type { Currency } from '../../../electron/shared/money';
import { formatMoney, formatRate, itemCountLabel, taxLabel } from '../format';
import { useCartStore } from '../stores/cartStore';
import { Icon } from './Icon';

interface CartPanelProps {
  currency: Currency;
  onCharge(): void;
  /** Opens the discount dialog; left out when the person may not give discounts. */
  onDiscount?: () => void;
}

/** "Current order": the lines, main's totals, Clear and Charge — or the last sale's confirmation. */
export function CartPanel({ currency, onCharge, onDiscount }: CartPanelProps) {
  const cart = useCartStore((s) => s.cart);
  const lastSale = useCartStore((s) => s.lastSale);
  const setQuantity = useCartStore((s) => s.setQuantity);
  const removeLine = useCartStore((s) => s.removeLine);
  const clear = useCartStore((s) => s.clear);
  const dismissSale = useCartStore((s) => s.dismissSale);
  const money = (m: number) => formatMoney(m, currency);

  if (lastSale) {
    return (
      <section className="cart-panel cart-panel--done" aria-labelledby="sale-done-title">
        <div className="sale-done" role="status">
          <p className="sale-done-check" aria-hidden="true">
            <Icon name="check" />
          </p>
          <h2 id="sale-done-title" className="sale-done-title">
            Order {lastSale.shortNumber} — Change {money(lastSale.change)}
          </h2>
          <p className="sale-done-change-label">Give the customer</p>
          <p className="sale-done-change">{money(lastSale.change)}</p>
          <dl className="sale-done-facts">
            <div>
              <dt>Total</dt>
              <dd>{money(lastSale.total)}</dd>
            </div>
            <div>
              <dt>Cash received</dt>
              <dd>{money(lastSale.tendered)}</dd>
            </div>
          </dl>
        </div>
        <button type="button" className="btn btn--primary btn--huge btn--block" onClick={dismissSale} autoFocus>
          New order
        </button>
      </section>
    );
  }

  const lines = cart?.lines ?? [];
  const empty = lines.length === 0;
  const totals = cart?.totals;
  const discount = cart?.discount ?? null;

  return (
    <section className="cart-panel" aria-labelledby="cart-title">
      <div className="cart-head">
        <div className="cart-title">
          <h2 id="cart-title">Current order</h2>
          <span className="cart-count">{itemCountLabel(cart?.itemCount ?? 0)}</span>
        </div>
        <div className="cart-actions">
          {onDiscount && (
            <button type="button" className="btn btn--secondary btn--small" onClick={onDiscount} disabled={empty}>
              Discount
            </button>
          )}
          <button type="button" className="btn btn--secondary btn--small" onClick={() => void clear()} disabled={empty}>
            Clear
          </button>
        </div>
      </div>

      <div className="cart-lines-wrap">
        {empty ? (
          <p className="cart-empty">Tap an item on the menu to start an order.</p>
        ) : (
          <ul className="cart-lines" aria-label="Items in this order">
            {lines.map((line) => (
              <li key={line.id} className="cart-line" aria-label={line.name}>
                <span className="cart-line-name">{line.name}</span>
                <span className="cart-line-unit">× {money(line.unitPrice)}</span>
                <div className="qty" role="group" aria-label={`Quantity of ${line.name}`}>
                  <button
                    type="button"
                    className="qty-btn"
                    aria-label={`One less ${line.name}`}
                    onClick={() => void (line.quantity <= 1 ? removeLine(line.id) : setQuantity(line.id, line.quantity - 1))}
                  >
                    <span aria-hidden="true">−</span>
                  </button>
                  <span className="qty-value" aria-live="polite">
                    {line.quantity}
                  </span>
                  <button
                    type="button"
                    className="qty-btn"
                    aria-label={`One more ${line.name}`}
                    onClick={() => void setQuantity(line.id, line.quantity + 1)}
                  >
                    <span aria-hidden="true">+</span>
                  </button>
                </div>
                <span className="cart-line-total">{money(line.lineTotal)}</span>
                <button type="button" className="remove-btn" aria-label={`Remove ${line.name}`} onClick={() => void removeLine(line.id)}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="cart-foot">
        <dl className="totals">
          <div className="totals-row">
            <dt>Subtotal</dt>
            <dd>{money(totals?.subtotal ?? 0)}</dd>
          </div>
          {totals && (totals.discountTotal > 0 || discount) && (
            <div className="totals-row totals-row--discount">
              <dt>
                {discount?.kind === 'percent' ? `Discount (${formatRate(discount.value)})` : 'Discount'}
                {discount && (discount.reason || discount.approvedBy) && (
                  <span className="totals-note">
                    {discount.reason && <span className="totals-reason">{discount.reason}</span>}
                    {discount.approvedBy && <span className="totals-approved">approved by {discount.approvedBy}</span>}
                  </span>
                )}
              </dt>
              <dd>−{money(totals.discountTotal)}</dd>
            </div>
          )}
          <div className="totals-row">
            <dt>{cart ? taxLabel(cart.taxRateBp, cart.pricesIncludeTax) : 'Tax'}</dt>
            <dd>{money(totals?.taxTotal ?? 0)}</dd>
          </div>
          <div className="totals-row totals-row--grand">
            <dt>Total</dt>
            <dd>{money(totals?.total ?? 0)}</dd>
          </div>
        </dl>
        <button type="button" className="btn btn--charge btn--huge btn--block" onClick={onCharge} disabled={empty}>
          Charge {money(totals?.total ?? 0)}
        </button>
      </div>
    </section>
  );
}
