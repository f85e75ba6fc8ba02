// What the payment screen needs from the shift: telling main it is open (a shift cannot close
// mid-payment), and a way to the Drawer when main refuses cash because no shift is open.
import { useEffect } from 'react';
import type { AppError } from '../../../../electron/shared/result';
import { call } from '../../api';
import { useSessionStore } from '../../stores/sessionStore';
import { useShiftStore } from '../../stores/shiftStore';

/** While mounted, main knows this till's payment screen is open; closing (or paying) tells it it is not. */
export function usePaymentScreen(): void {
  useEffect(() => {
    void call('cart.payment', { state: 'open' });
    return () => {
      void call('cart.payment', { state: 'closed' });
    };
  }, []);
}

/**
 * After a refused checkout with cash in it: is it because no shift is open on this till? (Main's
 * message says so; this reads the shift again so the counter's banner agrees too.)
 */
export async function refusedForNoShift(error: AppError, withCash: boolean): Promise<boolean> {
  if (error.code !== 'CONFLICT' || !withCash) return false;
  await useShiftStore.getState().load();
  const state = useShiftStore.getState().state;
  return !!state && !state.shift && state.cashNeedsShift;
}

/** "Open a shift": leaves the payment (the order stays in the cart) for the Drawer screen. */
export function OpenShiftButton({ onLeave }: { onLeave(): void }) {
  const setView = useSessionStore((s) => s.setView);
  return (
    <button
      type="button"
      className="btn btn--secondary btn--large btn--block"
      onClick={() => {
        onLeave();
        setView('shift');
      }}
    >
      Go to Drawer to open a shift
    </button>
  );
}
