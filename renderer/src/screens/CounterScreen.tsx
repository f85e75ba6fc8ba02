import { useEffect, useState } from 'react';
import { CartPanel } from '../components/CartPanel';
import { ChargeDialog } from '../components/ChargeDialog';
import { DiscountDialog } from '../components/DiscountDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { MenuGrid } from '../components/MenuGrid';
import { useCartStore } from '../stores/cartStore';
import { hasPermission, useSessionStore } from '../stores/sessionStore';

export function CounterScreen() {
  const currency = useSessionStore((s) => s.shop?.currency ?? 'PHP');
  const cart = useCartStore((s) => s.cart);
  const notice = useCartStore((s) => s.notice);
  const dismissNotice = useCartStore((s) => s.dismissNotice);
  const loadMenu = useCartStore((s) => s.loadMenu);
  const loadCart = useCartStore((s) => s.loadCart);
  const mayDiscount = useSessionStore((s) => hasPermission(s.session, 'discount.apply'));
  const [charging, setCharging] = useState(false);
  const [discounting, setDiscounting] = useState(false);

  useEffect(() => {
    void loadMenu();
    void loadCart();
  }, [loadMenu, loadCart]);

  const canCharge = !!cart && cart.lines.length > 0;

  return (
    <main className="counter-screen">
      <h1 className="visually-hidden">Counter</h1>
      <div className="counter-menu">
        {notice && (
          <div className="counter-notice">
            <ErrorMessage message={notice} onDismiss={dismissNotice} />
          </div>
        )}
        <MenuGrid currency={currency} />
      </div>
      <CartPanel
        currency={currency}
        onCharge={() => canCharge && setCharging(true)}
        onDiscount={mayDiscount ? () => canCharge && setDiscounting(true) : undefined}
      />
      {charging && cart && <ChargeDialog total={cart.totals.total} currency={currency} onClose={() => setCharging(false)} />}
      {discounting && cart && <DiscountDialog cart={cart} currency={currency} onClose={() => setDiscounting(false)} />}
    </main>
  );
}
