// The manager's menu back office: a left rail (Categories, Items, Modifier groups, Import and
// export) beside the chosen panel. Everything is read from and sent to main (menu.admin and the
// menu.* channels); the panels live in components/menu/.
import { useEffect, useState } from 'react';
import { CategoriesPanel } from '../components/menu/CategoriesPanel';
import { GroupsPanel } from '../components/menu/GroupsPanel';
import { ImportExportPanel } from '../components/menu/ImportExportPanel';
import { ItemsPanel } from '../components/menu/ItemsPanel';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMenuAdminStore, type MenuTab } from '../stores/menuAdminStore';
import { useSessionStore } from '../stores/sessionStore';
import './menu.css';

const TABS: { tab: MenuTab; label: string }[] = [
  { tab: 'categories', label: 'Categories' },
  { tab: 'items', label: 'Items' },
  { tab: 'groups', label: 'Modifier groups' },
  { tab: 'import', label: 'Import and export' },
];

export function MenuScreen() {
  const currency = useSessionStore((s) => s.shop?.currency ?? 'PHP');
  const view = useMenuAdminStore((s) => s.view);
  const loading = useMenuAdminStore((s) => s.loading);
  const error = useMenuAdminStore((s) => s.error);
  const tab = useMenuAdminStore((s) => s.tab);
  const setTab = useMenuAdminStore((s) => s.setTab);
  const load = useMenuAdminStore((s) => s.load);
  const [flash, setFlash] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // A message about the last change; it goes when the manager moves to another panel.
  useEffect(() => setFlash(null), [tab]);

  const counts = view
    ? {
        categories: view.categories.filter((c) => !c.archived).length,
        items: view.items.filter((i) => !i.archived).length,
        groups: view.groups.filter((g) => !g.archived).length,
      }
    : null;

  return (
    <main className="menu-admin">
      <nav className="menu-rail" aria-label="Menu sections">
        <h2 className="menu-rail-title">Menu</h2>
        {TABS.map((t) => (
          <button
            key={t.tab}
            type="button"
            className={`menu-rail-tab${tab === t.tab ? ' menu-rail-tab--active' : ''}`}
            aria-current={tab === t.tab ? 'page' : undefined}
            onClick={() => setTab(t.tab)}
          >
            <span>{t.label}</span>
            {counts && t.tab !== 'import' && <span className="menu-rail-count">{counts[t.tab]}</span>}
          </button>
        ))}
      </nav>
      <div className="menu-admin-main">
        {flash && (
          <p className="success menu-flash" role="status">
            {flash}
          </p>
        )}
        {!view && (error ? <ErrorMessage message={error} /> : <p className="muted">{loading ? 'Loading the menu…' : ''}</p>)}
        {view && error && <ErrorMessage message={error} />}
        {view && tab === 'categories' && <CategoriesPanel onFlash={setFlash} />}
        {view && tab === 'items' && <ItemsPanel currency={currency} onFlash={setFlash} />}
        {view && tab === 'groups' && <GroupsPanel currency={currency} onFlash={setFlash} />}
        {tab === 'import' && <ImportExportPanel onFlash={setFlash} />}
      </div>
    </main>
  );
}
