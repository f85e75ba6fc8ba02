import { useDeferredValue, type KeyboardEvent, type Ref } from 'react';
import type { MenuColor, MenuItemView } from '../../../electron/shared/contract';
import type { Currency } from '../../../electron/shared/money';
import { formatMoney } from '../format';
import { ALL_TAB, FAVOURITES_TAB, itemsForTab, menuIndex, searchIndex, type SearchHit } from '../menuSearch';
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

interface Tab {
  id: string;
  label: string;
  color?: MenuColor;
  star?: boolean;
}

/** Past this many tiles the off-screen ones skip layout and paint (the All view of a big menu). */
const LONG_GRID = 60;

/** The search / scan box, the tabs (Favourites, All, the categories) and a grid of big item buttons. */
export function MenuGrid({ currency, query, onQueryChange, searchRef, onSearchKeyDown, onItem }: MenuGridProps) {
  const menu = useCartStore((s) => s.menu);
  const menuLoaded = useCartStore((s) => s.menuLoaded);
  const activeId = useCartStore((s) => s.activeCategoryId);
  const selectCategory = useCartStore((s) => s.selectCategory);
  // Typing stays instant: the results follow a moment later if rendering them takes a while.
  const deferredQuery = useDeferredValue(query);
  const shownQuery = deferredQuery.trim();
  const searching = query.trim() !== '';
  const index = menuIndex(menu);
  const result = shownQuery ? searchIndex(index, shownQuery) : null;

  const tabs: Tab[] = [
    ...(index.favourites.length > 0 ? [{ id: FAVOURITES_TAB, label: 'Favourites', star: true }] : []),
    ...(menu.length > 0 ? [{ id: ALL_TAB, label: 'All' }] : []),
    ...menu.map((c) => ({ id: c.id, label: c.name, color: c.color })),
  ];
  const active = tabs.find((t) => t.id === activeId) ?? tabs.find((t) => t.id !== ALL_TAB && t.id !== FAVOURITES_TAB);

  function onTabKey(e: KeyboardEvent, i: number) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta || tabs.length === 0) return;
    e.preventDefault();
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (next) {
      pickTab(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  }

  function pickTab(id: string) {
    if (searching) onQueryChange('');
    selectCategory(id);
  }

  const hits: SearchHit[] = result ? result.hits : itemsForTab(menu, active?.id ?? null).map((item) => ({ item }));

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
            placeholder="Name, code or option"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            title="/ or F2 — search by name, code (SKU) or option (e.g. oat); scan a barcode"
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
      {tabs.length > 0 && (
        <div className="category-tabs" role="tablist" aria-label="Categories">
          {tabs.map((tab, i) => {
            const selected = !searching && tab.id === active?.id;
            return (
              <button
                key={tab.id}
                id={`tab-${tab.id}`}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls="menu-items"
                tabIndex={tab.id === active?.id ? 0 : -1}
                className={`category-tab${selected ? ' category-tab--active' : ''}${tab.star ? ' category-tab--favourites' : ''}`}
                onClick={() => pickTab(tab.id)}
                onKeyDown={(e) => onTabKey(e, i)}
              >
                {tab.star && <Icon name="star" className="tab-star" />}
                {tab.color && <span className={`tab-dot tile-color--${tab.color}`} aria-hidden="true" />}
                {tab.label}
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
            {!result ? 'Searching…' : resultsLine(result.total, result.hits.length, shownQuery)}
          </p>
        )}
        {!searching && !menuLoaded && menu.length === 0 && <p className="muted menu-empty">Loading the menu…</p>}
        {!searching && menuLoaded && !active && <p className="muted menu-empty">The menu is empty.</p>}
        {!searching && active && hits.length === 0 && <p className="muted menu-empty">Nothing in {active.label} yet.</p>}
        {hits.length > 0 && (
          <div className={`item-grid${hits.length > LONG_GRID ? ' item-grid--long' : ''}`}>
            {hits.map((hit) => (
              <ItemTile
                key={hit.item.id}
                hit={hit}
                currency={currency}
                kind={index.kindOf.get(hit.item.id) ?? 'drink'}
                color={index.colorOf.get(hit.item.id) ?? ''}
                onItem={onItem}
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

function resultsLine(total: number, shown: number, query: string): string {
  if (total === 0) return `Nothing on the menu matches “${query}”.`;
  if (total === 1) return `1 match for “${query}” — Enter adds it`;
  if (shown < total) return `${total} matches for “${query}” — the first ${shown} shown, type more to narrow`;
  return `${total} matches for “${query}”`;
}

interface ItemTileProps {
  hit: SearchHit;
  currency: Currency;
  kind: 'drink' | 'food';
  color: MenuColor;
  onItem(item: MenuItemView): void;
}

/** One big button: name, price, and what stops it being sold ("Sold out today"). */
function ItemTile({ hit: { item, via }, currency, kind, color, onItem }: ItemTileProps) {
  const soldOutText = item.soldOutUntil !== null ? 'Sold out today' : 'Sold out';
  return (
    <button
      type="button"
      className={`item-tile item-tile--${kind}${color ? ` tile-color--${color}` : ''}${item.isAvailable ? '' : ' item-tile--soldout'}`}
      disabled={!item.isAvailable}
      onClick={() => onItem(item)}
      title={item.description || undefined}
      aria-haspopup={item.isAvailable && item.modifierGroups.length > 0 ? 'dialog' : undefined}
    >
      <span className="item-name">
        {item.name}
        {item.isFavorite && <Icon name="star" className="item-star" />}
      </span>{' '}
      <span className="item-foot">
        <span className="item-price">{formatMoney(item.price, currency)}</span>
        {!item.isAvailable && (
          <>
            {' '}
            <span className="item-soldout">{soldOutText}</span>
          </>
        )}
        {item.isAvailable && item.modifierGroups.length > 0 && (
          <span className="item-options" aria-hidden="true">
            <Icon name="sliders" />
          </span>
        )}
      </span>
      {/* After the price in the DOM so the button still reads "Latte ₱165.00 …"; CSS shows it under the name. */}
      {via && (
        <>
          {' '}
          <span className="item-via">{via}</span>
        </>
      )}
    </button>
  );
}
