import type { KeyboardEvent, Ref } from 'react';
import type { MenuItemView } from '../../../electron/shared/contract';
import type { Currency } from '../../../electron/shared/money';
import { formatMoney } from '../format';
import { useCartStore } from '../stores/cartStore';
import { Icon } from './Icon';

interface MenuGridProps {
  currency: Currency;
  query: string;
  onQueryChange(query: string): void;
  searchRef: Ref<HTMLInputElement>;
  onSearchKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  /** A tapped item: added straight away, or the option chooser for items with options. */
  onItem(item: MenuItemView): void;
}

/** Items whose name contains every word typed, across all categories, in menu order. */
export function searchMenu(menu: { items: MenuItemView[] }[], query: string): MenuItemView[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return menu.flatMap((c) => c.items).filter((item) => {
    const name = item.name.toLowerCase();
    return words.every((w) => name.includes(w)) || item.sku === query.trim();
  });
}

/** The search / scan box, category tabs and a grid of big item buttons. */
export function MenuGrid({ currency, query, onQueryChange, searchRef, onSearchKeyDown, onItem }: MenuGridProps) {
  const menu = useCartStore((s) => s.menu);
  const menuLoaded = useCartStore((s) => s.menuLoaded);
  const activeId = useCartStore((s) => s.activeCategoryId);
  const selectCategory = useCartStore((s) => s.selectCategory);
  const searching = query.trim() !== '';
  const active = menu.find((c) => c.id === activeId) ?? menu[0];
  const results = searching ? searchMenu(menu, query) : [];
  const kindOf = new Map(menu.flatMap((c) => c.items.map((i) => [i.id, c.kind] as const)));

  function onTabKey(e: KeyboardEvent, index: number) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta || menu.length === 0) return;
    e.preventDefault();
    const next = menu[(index + delta + menu.length) % menu.length];
    if (next) {
      pickCategory(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  }

  function pickCategory(id: string) {
    if (searching) onQueryChange('');
    selectCategory(id);
  }

  const items = searching ? results : (active?.items ?? []);

  return (
    <section className="menu-panel" aria-labelledby="menu-title">
      <h2 id="menu-title" className="visually-hidden">
        Menu
      </h2>
      <div className="menu-search">
        <label htmlFor="menu-search" className="menu-search-label">
          Search menu
        </label>
        <div className="menu-search-box">
          <Icon name="search" className="menu-search-icon" />
          <input
            id="menu-search"
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
            onKeyDown={onSearchKeyDown}
            placeholder="Search or scan"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            title="/ or F2"
          />
          {searching && (
            <button type="button" className="menu-search-clear" aria-label="Clear search" onClick={() => onQueryChange('')}>
              <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
        <p className="menu-keys">
          <span className="visually-hidden">Keyboard shortcuts: </span>
          <kbd>/</kbd> or <kbd>F2</kbd> search · <kbd>F9</kbd> charge · <kbd>F4</kbd> park
        </p>
      </div>
      {menu.length > 0 && (
        <div className="category-tabs" role="tablist" aria-label="Categories">
          {menu.map((c, i) => {
            const selected = !searching && c.id === active?.id;
            return (
              <button
                key={c.id}
                id={`tab-${c.id}`}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls="menu-items"
                tabIndex={c.id === active?.id ? 0 : -1}
                className={`category-tab${selected ? ' category-tab--active' : ''}`}
                onClick={() => pickCategory(c.id)}
                onKeyDown={(e) => onTabKey(e, i)}
              >
                {c.name}
              </button>
            );
          })}
        </div>
      )}
      <div
        id="menu-items"
        className="menu-items"
        role="tabpanel"
        aria-labelledby={searching ? 'menu-search-results' : active ? `tab-${active.id}` : 'menu-title'}
      >
        {searching && (
          <p id="menu-search-results" className="menu-results" aria-live="polite">
            {results.length === 0
              ? `Nothing on the menu matches “${query.trim()}”.`
              : results.length === 1
                ? `1 match for “${query.trim()}” — Enter adds it`
                : `${results.length} matches for “${query.trim()}”`}
          </p>
        )}
        {!searching && !menuLoaded && menu.length === 0 && <p className="muted menu-empty">Loading the menu…</p>}
        {!searching && menuLoaded && !active && <p className="muted menu-empty">The menu is empty.</p>}
        {!searching && active && active.items.length === 0 && <p className="muted menu-empty">Nothing in {active.name} yet.</p>}
        {items.length > 0 && (
          <div className="item-grid">
            {items.map((item) => (
              <button
                key={item.id}
                type="button"
                className={`item-tile item-tile--${kindOf.get(item.id) ?? 'drink'}`}
                disabled={!item.isAvailable}
                onClick={() => onItem(item)}
                title={item.description || undefined}
                aria-haspopup={item.modifierGroups.length > 0 ? 'dialog' : undefined}
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
                  {item.isAvailable && item.modifierGroups.length > 0 && (
                    <span className="item-options" aria-hidden="true">
                      <Icon name="sliders" />
                    </span>
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
