import { useRef, useState, type FormEvent } from 'react';
import type { CartLineView } from '../../../electron/shared/contract';
import { MAX_LINE_QUANTITY, type Currency } from '../../../electron/shared/money';
import { formatMoney, formatRate, itemCountLabel, optionsSummary, taxLabel } from '../format';
import { printReceipt, saveReceiptPdf, type ReceiptOutcome } from '../receipts';
import { useCartStore, type LastSale } from '../stores/cartStore';
import { Icon } from './Icon';
import { ReceiptDialog } from './ReceiptDialog';
import { ReceiptOutcomeLine } from './ReceiptOutcomeLine';

interface CartPanelProps {
  currency: Currency;
  onCharge(): void;
  /** Opens the discount dialog; left out when the person may not give discounts. */
  onDiscount?: () => void;
  onEditLine(lineId: string): void;
  onCustomer(): void;
  onPark(): void;
  onParked(): void;
}

/** "Current order": who it is for, the lines, main's totals, and Charge — or the last sale's confirmation. */
export function CartPanel({ currency, onCharge, onDiscount, onEditLine, onCustomer, onPark, onParked }: CartPanelProps) {
  const cart = useCartStore((s) => s.cart);
  const lastSale = useCartStore((s) => s.lastSale);
  const parkedCount = useCartStore((s) => s.parked.length);
  const clear = useCartStore((s) => s.clear);
  const money = (m: number) => formatMoney(m, currency);

  if (lastSale) return <SaleDone sale={lastSale} currency={currency} />;

  const lines = cart?.lines ?? [];
  const empty = lines.length === 0;
  const totals = cart?.totals;
  const discount = cart?.discount ?? null;
  const customer = cart?.contactName ?? '';
  const instructions = cart?.specialInstructions ?? '';

  return (
    <section className="cart-panel" aria-labelledby="cart-title">
      <div className="cart-head">
        <div className="cart-title">
          <h2 id="cart-title">Current order</h2>
          <span className="cart-count">{itemCountLabel(cart?.itemCount ?? 0)}</span>
        </div>
        {/* Always enabled: the list reloads when opened (someone else on this till may have parked). */}
        <button type="button" className="btn btn--secondary btn--small parked-btn" onClick={onParked}>
          Parked ({parkedCount})
        </button>
      </div>

      {(customer || instructions) && (
        <div className="cart-customer">
          {customer && (
            <p className="cart-customer-name">
              <Icon name="user" /> {customer}
              {cart?.contactPhone && <span className="cart-customer-phone"> · {cart.contactPhone}</span>}
            </p>
          )}
          {instructions && <p className="cart-customer-note">{instructions}</p>}
        </div>
      )}

      <div className="cart-tools">
        <button type="button" className="btn btn--secondary btn--small" onClick={onCustomer}>
          Customer
        </button>
        {onDiscount && (
          <button type="button" className="btn btn--secondary btn--small" onClick={onDiscount} disabled={empty}>
            Discount
          </button>
        )}
        <button type="button" className="btn btn--secondary btn--small" onClick={onPark} disabled={empty} title="F4">
          Park
        </button>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => void clear()} disabled={empty}>
          Clear
        </button>
      </div>

      <div className="cart-lines-wrap">
        {empty ? (
          <p className="cart-empty">Tap an item on the menu, or scan its code, to start an order.</p>
        ) : (
          <ul className="cart-lines" aria-label="Items in this order">
            {lines.map((line) => (
              <CartLine key={line.id} line={line} currency={currency} onEdit={() => onEditLine(line.id)} />
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
        <button type="button" className="btn btn--charge btn--huge btn--block" onClick={onCharge} disabled={empty} title="F9">
          Charge {money(totals?.total ?? 0)}
        </button>
      </div>
    </section>
  );
}

function CartLine({ line, currency, onEdit }: { line: CartLineView; currency: Currency; onEdit(): void }) {
  const removeLine = useCartStore((s) => s.removeLine);
  const money = (m: number) => formatMoney(m, currency);
  const d = line.discount;

  return (
    <li className="cart-line" aria-label={line.name}>
      {/* Tapping the words opens the same editor as the Edit button (which is the keyboard way in). */}
      <div className="cart-line-info" onClick={onEdit}>
        <span className="cart-line-name">{line.name}</span>
        {line.options.length > 0 && <span className="cart-line-options">{optionsSummary(line.options.map((o) => o.name))}</span>}
        {line.note && <span className="cart-line-note">“{line.note}”</span>}
        {(line.lineDiscount > 0 || d) && (
          <span className="cart-line-discount">
            {d?.kind === 'percent' ? `${formatRate(d.value)} off` : 'Discount'} −{money(line.lineDiscount)}
            {d?.reason && <span className="cart-line-discount-reason"> · {d.reason}</span>}
            {d?.approvedBy && <span className="totals-approved"> · approved by {d.approvedBy}</span>}
          </span>
        )}
      </div>
      <span className="cart-line-money">
        <span className="cart-line-total">{money(line.lineTotal)}</span>
        {line.quantity > 1 && (
          <span className="cart-line-unit">
            {line.quantity} × {money(line.unitPrice)}
          </span>
        )}
      </span>
      <QuantityControl line={line} />
      <div className="cart-line-actions">
        <button type="button" className="btn btn--secondary btn--small cart-line-edit" aria-label={`Edit ${line.name}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="remove-btn" aria-label={`Remove ${line.name}`} onClick={() => void removeLine(line.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </li>
  );
}

/** "40" → 40; a sentence saying what to type otherwise. */
function parseQuantity(text: string): { ok: true; quantity: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: false, message: `Type how many, from 1 to ${MAX_LINE_QUANTITY}` };
  if (!/^\d+$/.test(t)) return { ok: false, message: 'Type a whole number, like 40' };
  const n = Number(t);
  if (n < 1) return { ok: false, message: 'At least 1 — to take the item off, use ×' };
  if (n > MAX_LINE_QUANTITY) return { ok: false, message: `${MAX_LINE_QUANTITY} is the most one line can hold` };
  return { ok: true, quantity: n };
}

/** − and +, and the number itself: tap it to type a quantity (40 croissants is one tap and "40"). */
function QuantityControl({ line }: { line: CartLineView }) {
  const setQuantity = useCartStore((s) => s.setQuantity);
  const removeLine = useCartStore((s) => s.removeLine);
  const [text, setText] = useState<string | null>(null); // null: not typing
  const [message, setMessage] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  /** The box is open: Enter and then the blur of the closing box must not both send. */
  const typing = useRef(false);
  const atMax = line.quantity >= MAX_LINE_QUANTITY;
  const messageId = `qty-msg-${line.id}`;

  function startTyping() {
    typing.current = true;
    setText(String(line.quantity));
    setMessage(null);
    requestAnimationFrame(() => inputRef.current?.select());
  }

  /** Enter (or leaving the box): a valid number is sent; otherwise say why and keep the box open on Enter. */
  function commit(keepOpenOnError: boolean) {
    if (text === null || !typing.current) return;
    const parsed = parseQuantity(text);
    if (!parsed.ok) {
      setMessage(keepOpenOnError ? parsed.message : `${parsed.message}. Still ${line.quantity}.`);
      if (!keepOpenOnError) {
        typing.current = false;
        setText(null);
      }
      return;
    }
    typing.current = false;
    setText(null);
    setMessage(null);
    if (parsed.quantity !== line.quantity) void setQuantity(line.id, parsed.quantity);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    commit(true);
  }

  const shown = message ?? (atMax ? `${MAX_LINE_QUANTITY} is the most one line can hold` : null);

  return (
    <>
      <div className="qty" role="group" aria-label={`Quantity of ${line.name}`}>
        <button
          type="button"
          className="qty-btn"
          aria-label={`One less ${line.name}`}
          onClick={() => {
            setMessage(null);
            void (line.quantity <= 1 ? removeLine(line.id) : setQuantity(line.id, line.quantity - 1));
          }}
        >
          <span aria-hidden="true">−</span>
        </button>
        {text === null ? (
          <button
            type="button"
            className="qty-value qty-value--tap"
            aria-label={`${line.quantity} ${line.name} — type a quantity`}
            title="Tap to type a quantity"
            onClick={startTyping}
          >
            {line.quantity}
          </button>
        ) : (
          <form className="qty-form" onSubmit={submit} noValidate>
            <input
              ref={inputRef}
              className="qty-input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              aria-label={`How many ${line.name}`}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? messageId : undefined}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setMessage(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  typing.current = false;
                  setText(null);
                  setMessage(null);
                }
              }}
              onBlur={() => commit(false)}
            />
          </form>
        )}
        <button
          type="button"
          className="qty-btn"
          aria-label={`One more ${line.name}`}
          aria-describedby={atMax ? messageId : undefined}
          disabled={atMax}
          onClick={() => {
            setMessage(null);
            void setQuantity(line.id, line.quantity + 1);
          }}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      {shown && (
        <p className={`cart-line-msg${message ? ' cart-line-msg--bad' : ''}`} id={messageId} role={message ? 'alert' : undefined}>
          {shown}
        </p>
      )}
    </>
  );
}

/** After Complete sale: the change to hand over, receipt buttons and New order. */
function SaleDone({ sale, currency }: { sale: LastSale; currency: Currency }) {
  const dismissSale = useCartStore((s) => s.dismissSale);
  const [showReceipt, setShowReceipt] = useState(false);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [outcome, setOutcome] = useState<ReceiptOutcome | null>(null);
  const money = (m: number) => formatMoney(m, currency);
  const paidBy = (method: 'card' | 'other') => sale.payments.filter((p) => p.method === method).reduce((sum, p) => sum + p.amount, 0);
  const card = paidBy('card');
  const other = paidBy('other');
  // Change only when cash was over: a card sale or exact cash has none to give.
  const giveChange = sale.tendered > 0 && sale.change > 0;

  async function run(kind: 'print' | 'pdf') {
    if (busy) return;
    setBusy(kind);
    setOutcome(null);
    const next = kind === 'print' ? await printReceipt(sale.orderId) : await saveReceiptPdf(sale.orderId);
    setBusy(null);
    setOutcome(next);
  }

  return (
    <section className="cart-panel cart-panel--done" aria-labelledby="sale-done-title">
      <div className="sale-done" role="status">
        <p className="sale-done-check" aria-hidden="true">
          <Icon name="check" />
        </p>
        <h2 id="sale-done-title" className="sale-done-title">
          {sale.replayed
            ? `Order ${sale.shortNumber} was already completed`
            : `Order ${sale.shortNumber} — ${giveChange ? `Change ${money(sale.change)}` : sale.total === 0 ? 'Nothing to pay' : 'Paid'}`}
        </h2>
        {sale.replayed && (
          <p className="sale-done-replayed">This sale had already gone through: nothing was charged a second time. This is that order.</p>
        )}
        {giveChange ? (
          <>
            <p className="sale-done-change-label">Give the customer</p>
            <p className="sale-done-change">{money(sale.change)}</p>
          </>
        ) : (
          <p className="sale-done-change-label">No change to give</p>
        )}
        <dl className="sale-done-facts">
          <div>
            <dt>Total</dt>
            <dd>{money(sale.total)}</dd>
          </div>
          {sale.tendered > 0 && (
            <div>
              <dt>Cash received</dt>
              <dd>{money(sale.tendered)}</dd>
            </div>
          )}
          {card > 0 && (
            <div>
              <dt>Card</dt>
              <dd>{money(card)}</dd>
            </div>
          )}
          {other > 0 && (
            <div>
              <dt>Other</dt>
              <dd>{money(other)}</dd>
            </div>
          )}
        </dl>
      </div>
      <div className="sale-done-receipt">
        <button type="button" className="btn btn--secondary" onClick={() => void run('print')} disabled={busy !== null} aria-busy={busy === 'print' || undefined}>
          Print receipt
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => void run('pdf')} disabled={busy !== null} aria-busy={busy === 'pdf' || undefined}>
          Save as PDF
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => setShowReceipt(true)}>
          Show receipt
        </button>
      </div>
      <ReceiptOutcomeLine outcome={outcome} />
      <button type="button" className="btn btn--primary btn--huge btn--block" onClick={dismissSale} autoFocus>
        New order
      </button>
      {showReceipt && <ReceiptDialog orderId={sale.orderId} onClose={() => setShowReceipt(false)} />}
    </section>
  );
}
