// Items: by category (filter) or search; quick price and availability in the row, the rest in
// the item dialog and "More…"; archived items under Archived with Restore.
import { useRef, useState } from 'react';
import type { AdminItem } from '../../../../electron/shared/contract';
import type { Currency } from '../../../../electron/shared/money';
import { formatMoney } from '../../format';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { ErrorMessage } from '../ErrorMessage';
import { moved } from './MenuBits';
import { ItemActionsDialog } from './ItemActionsDialog';
import { ItemDialog } from './ItemDialog';
import { ItemRow } from './ItemRow';
import { useDragReorder } from './useDragReorder';
import { useNow } from '../../hooks/useNow';

type Panel = { kind: 'none' } | { kind: 'edit'; item: AdminItem | null } | { kind: 'more'; item: AdminItem };

function matches(item: AdminItem, query: string): boolean {
  if (!query) return true;
  const q = query.toLocaleLowerCase();
  return item.name.toLocaleLowerCase().includes(q) || (item.sku ?? '').toLocaleLowerCase().includes(q);
}

export function ItemsPanel({ currency, onFlash }: { currency: Currency; onFlash(message: string): void }) {
  const view = useMenuAdminStore((s) => s.view);
  const run = useMenuAdminStore((s) => s.run);
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const moving = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();

  const categories = [...(view?.categories ?? [])].sort((a, b) => a.displayOrder - b.displayOrder);
  const items = [...(view?.items ?? [])].sort((a, b) => a.displayOrder - b.displayOrder);
  const q = query.trim();
  const shown = categories.filter((c) => !c.archived && (!filter || c.id === filter));
  const archived = items.filter((i) => (i.archived || categories.find((c) => c.id === i.categoryId)?.archived) && (!filter || i.categoryId === filter) && matches(i, q));
  const close = () => setPanel({ kind: 'none' });
  const done = (m: string) => {
    close();
    onFlash(m);
  };

  /** Buttons and drops both send the category's whole new order; on CONFLICT the store has reloaded. */
  async function reorder(categoryId: string, ids: string[]) {
    // A quick second tap (or a drop) must not send an order computed from the list before the first one.
    if (moving.current) return;
    moving.current = true;
    setBusy(true);
    setError(null);
    const result = await run('menu.reorderItems', { categoryId, ids });
    moving.current = false;
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  }
  // Dragging needs one whole category on screen: with "All categories" or a search it is off.
  const dragCategory = filter && !q && shown.length === 1 ? filter : null;
  const dragIds = dragCategory ? items.filter((i) => i.categoryId === dragCategory && !i.archived).map((i) => i.id) : [];
  const drag = useDragReorder({ ids: dragIds, enabled: !busy, onReorder: (ids) => {
      if (dragCategory) void reorder(dragCategory, ids);
    },
  });
  const dragHint = dragCategory ? null : filter ? 'Clear the search to reorder by dragging.' : 'Choose a category to reorder by dragging.';

  async function restore(item: AdminItem) {
    setBusy(true);
    setError(null);
    const result = await run('menu.restoreItem', { id: item.id, version: item.version });
    setBusy(false);
    if (result.ok) onFlash(`${item.name} is back on the counter.`);
    else setError(result.error.message);
  }

  return (
    <section className="menu-panel-body" aria-labelledby="menu-items-title">
      <div className="panel-head">
        <h2 id="menu-items-title">Items</h2>
        <button type="button" className="btn btn--primary" onClick={() => setPanel({ kind: 'edit', item: null })} disabled={shown.length === 0 && !filter}>
          New item
        </button>
      </div>
      <div className="admin-toolbar">
        <label className="admin-filter">
          <span>Category</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Show category">
            <option value="">All categories</option>
            {categories
              .filter((c) => !c.archived)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
        <label className="admin-filter admin-filter--search">
          <span>Search</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or SKU" aria-label="Search items" maxLength={100} />
        </label>
      </div>
      <ErrorMessage message={error} />
      {dragHint && shown.length > 0 && <p className="muted drag-hint">{dragHint}</p>}
      {categories.length === 0 && <p className="muted list-empty">Add a category first (Categories), then its items here.</p>}
      {shown.map((c) => {
        const own = items.filter((i) => i.categoryId === c.id && !i.archived);
        const list = own.filter((i) => matches(i, q));
        if (q && list.length === 0) return null;
        return (
          <section key={c.id} className="menu-section" aria-labelledby={`menu-cat-${c.id}`}>
            <h3 id={`menu-cat-${c.id}`} className="menu-section-title">
              {c.name}
            </h3>
            {list.length === 0 ? (
              <p className="muted menu-section-empty">Nothing in {c.name} yet.</p>
            ) : (
              <ul className="menu-edit-list" aria-label={c.name} {...(dragCategory ? drag.listProps() : {})}>
                {list.map((item, i) => (
                  <ItemRow
                    key={item.id}
                    item={item}
                    currency={currency}
                    first={i === 0}
                    last={i === list.length - 1}
                    canMove={!q && !busy}
                    now={now}
                    onMove={(d) => void reorder(c.id, moved(own.map((o) => o.id), item.id, d))}
                    onEdit={() => setPanel({ kind: 'edit', item })}
                    onMore={() => setPanel({ kind: 'more', item })}
                    drag={dragCategory ? drag : null}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {archived.length > 0 && (
        <section className="menu-section menu-section--archived" aria-labelledby="menu-items-archived">
          <h3 id="menu-items-archived" className="menu-section-title">
            Archived
          </h3>
          <ul className="admin-list" aria-label="Archived items">
            {archived.map((item) => {
              const cat = categories.find((c) => c.id === item.categoryId);
              return (
                <li key={item.id} className="admin-row" aria-label={item.name}>
                  <span className="admin-row-main">
                    <span className="admin-row-title">{item.name}</span>
                    <span className="admin-row-sub">
                      {formatMoney(item.price, currency)} · {cat?.name ?? ''}
                      {cat?.archived ? ' (archived category)' : ''}
                      {item.everSold ? ' · kept in order history' : ''}
                    </span>
                  </span>
                  <span className="admin-row-actions">
                    {item.archived && (
                      <button type="button" className="btn btn--secondary btn--small" aria-label={`Restore ${item.name}`} disabled={busy} onClick={() => void restore(item)}>
                        Restore
                      </button>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {panel.kind === 'edit' && <ItemDialog item={panel.item} defaultCategoryId={filter || null} currency={currency} onClose={close} onDone={done} />}
      {panel.kind === 'more' && (
        // The latest copy: an action here (sold out) bumps the version the next one (archive) sends.
        <ItemActionsDialog item={items.find((i) => i.id === panel.item.id) ?? panel.item} now={now} onClose={close} onDone={done} />
      )}
    </section>
  );
}
