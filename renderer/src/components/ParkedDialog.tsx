import { useEffect, useState } from 'react';
import type { Currency } from '../../../electron/shared/money';
import { formatMoney, formatTime, itemCountLabel } from '../format';
import { useFormRequest } from '../hooks/useFormRequest';
import { useCartStore } from '../stores/cartStore';
import { useSessionStore } from '../stores/sessionStore';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';

/** "Parked tickets": this till's parked orders, oldest first; one tap brings one back. */
export function ParkedDialog({ currency, onClose }: { currency: Currency; onClose(): void }) {
  const parked = useCartStore((s) => s.parked);
  const loadParked = useCartStore((s) => s.loadParked);
  const resume = useCartStore((s) => s.resume);
  const cartHasLines = useCartStore((s) => (s.cart?.lines.length ?? 0) > 0);
  const timeZone = useSessionStore((s) => s.shop?.timezone);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { top: error, setTop: setError, showError } = useFormRequest();

  useEffect(() => {
    void loadParked();
  }, [loadParked]);

  async function bringBack(cartId: string) {
    if (busyId) return;
    setBusyId(cartId);
    setError(null);
    const result = await resume(cartId);
    setBusyId(null);
    if (result.ok) onClose();
    else showError(result.error);
  }

  return (
    <Dialog label="Parked tickets" onClose={onClose} busy={busyId !== null}>
      <div className="dialog-body">
        <div className="dialog-head">
          <h2 className="dialog-title">Parked tickets</h2>
          <p className="muted">Orders put aside on this till, oldest first.</p>
        </div>
        {cartHasLines && parked.length > 0 && (
          <p className="info-line">Park or clear the current order before bringing another one back.</p>
        )}
        <ErrorMessage message={error} />
        {parked.length === 0 ? (
          <p className="muted parked-empty">Nothing is parked.</p>
        ) : (
          <ul className="parked-list" aria-label="Parked tickets">
            {parked.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="parked-row"
                  aria-label={`Resume ${t.name}`}
                  aria-describedby={`parked-${t.id}`}
                  onClick={() => void bringBack(t.id)}
                  disabled={busyId !== null || cartHasLines}
                  aria-busy={busyId === t.id || undefined}
                >
                  <span className="parked-name">
                    <span className="parked-verb">Resume</span> {t.name}
                  </span>
                  <span className="parked-facts" id={`parked-${t.id}`}>
                    <span>{itemCountLabel(t.itemCount)}</span>
                    <span className="parked-total">{formatMoney(t.total, currency)}</span>
                    <span>
                      parked {formatTime(t.parkedAt, timeZone)} by {t.parkedBy}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-foot">
          <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={busyId !== null}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
