import type { KeyboardEvent } from 'react';
import type { Currency } from '../../../electron/shared/money';
import { formatMoney } from '../format';
import { useCartStore } from '../stores/cartStore';

/** Category tabs and a grid of big item buttons. Tapping an item adds one to the cart. */
export function MenuGrid({ currency }: { currency: Currency }) {
  const menu = useCartStore((s) => s.menu);
  const menuLoaded = useCartStore((s) => s.menuLoaded);
  const activeId = useCartStore((s) => s.activeCategoryId);
  const selectCategory = useCartStore((s) => s.selectCategory);
  const addItem = useCartStore((s) => s.addItem);
  const active = menu.find((c) => c.id === activeId) ?? menu[0];

  function onTabKey(e: KeyboardEvent, index: number) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta || menu.length === 0) return;
    e.preventDefault();
    const next = menu[(index + delta + menu.length) % menu.length];
    if (next) {
      selectCategory(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  }

  return (
    <section className="menu-panel" aria-labelledby="menu-title">
      <h2 id="menu-title" className="visually-hidden">
        Menu
      </h2>
      {menu.length > 0 && (
        <div className="category-tabs" role="tablist" aria-label="Categories">
          {menu.map((c, i) => (
            <button
              key={c.id}
              id={`tab-${c.id}`}
              type="button"
              role="tab"
              aria-selected={c.id === active?.id}
              aria-controls="menu-items"
              tabIndex={c.id === active?.id ? 0 : -1}
              className={`category-tab${c.id === active?.id ? ' category-tab--active' : ''}`}
              onClick={() => selectCategory(c.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {c.name}
            </button>
          ))}
        </div>
      )}
      <div id="menu-items" className="menu-items" role="tabpanel" aria-labelledby={active ? `tab-${active.id}` : 'menu-title'}>
        {!menuLoaded && menu.length === 0 && <p className="muted menu-empty">Loading the menu…</p>}
        {menuLoaded && !active && <p className="muted menu-empty">The menu is empty.</p>}
        {active && active.items.length === 0 && <p className="muted menu-empty">Nothing in {active.name} yet.</p>}
        {active && active.items.length > 0 && (
          <div className="item-grid">
            {active.items.map((item) => (
              <button
                key={item.id}
                type="button"
                className={`item-tile item-tile--${active.kind}`}
                disabled={!item.isAvailable}
                onClick={() => void addItem(item.id)}
                title={item.description || undefined}
              >
                <span className="item-name">{item.name}</span>{' '}
                <span className="item-foot">
                  <span className="item-price">{formatMoney(item.price, currency)}</span>
                  {!item.isAvailable && (
                    <>
                      {' '}
                      <span className="item-soldout">Sold out</span>
                    </>
                  )}
                </span>
              </button>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
