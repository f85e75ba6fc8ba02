import { useState } from 'react';
import { ROLE_LABELS } from '../../../electron/shared/permissions';
import { canSeeView, useSessionStore, type MainView } from '../stores/sessionStore';
import { AccountDialog } from './AccountDialog';
import { Icon } from './Icon';

const TABS: { view: MainView; label: string }[] = [
  { view: 'counter', label: 'Counter' },
  { view: 'queue', label: 'Queue' },
  { view: 'orders', label: 'Orders' },
  { view: 'shift', label: 'Drawer' },
  { view: 'reports', label: 'Reports' },
  { view: 'menu', label: 'Menu' },
  { view: 'staff', label: 'Staff' },
  { view: 'audit', label: 'Audit log' },
  { view: 'settings', label: 'Settings' },
];

export function TopBar() {
  const shop = useSessionStore((s) => s.shop);
  const session = useSessionStore((s) => s.session);
  const view = useSessionStore((s) => s.view);
  const setView = useSessionStore((s) => s.setView);
  const lock = useSessionStore((s) => s.lock);
  const logout = useSessionStore((s) => s.logout);
  const [accountOpen, setAccountOpen] = useState(false);
  const tabs = TABS.filter((t) => canSeeView(session, t.view));
  const current: MainView = canSeeView(session, view) ? view : 'counter';

  return (
    <header className={`topbar${tabs.length >= 4 ? ' topbar--busy' : ''}${tabs.length > 4 ? ' topbar--crowded' : ''}${tabs.length > 8 ? ' topbar--packed' : ''}`}>
      <div className="topbar-brand">
        <span className="brand-mark brand-mark--small" aria-hidden="true">
          <Icon name="cup" />
        </span>
        <span className="topbar-shop">{shop?.name ?? 'Brewline'}</span>
      </div>
      <nav className="topbar-nav" aria-label="Main">
        {tabs.map((t) => (
          <button
            key={t.view}
            type="button"
            className={`nav-tab${current === t.view ? ' nav-tab--active' : ''}`}
            aria-current={current === t.view ? 'page' : undefined}
            onClick={() => setView(t.view)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      {session && (
        <div className="topbar-user">
          {/* On a shared till who is signed in must always show: the name is the account button
              itself, so it needs no room of its own and is never the thing squeezed out. */}
          <button
            type="button"
            className="btn btn--bar topbar-account"
            onClick={() => setAccountOpen(true)}
            aria-label={`My account: ${session.displayName}, ${ROLE_LABELS[session.role]}`}
            title="My account"
          >
            <Icon name="user" />
            <span className="topbar-person">
              <span className="topbar-name">{session.displayName}</span>
              <span className="topbar-role">{ROLE_LABELS[session.role]}</span>
            </span>
          </button>
          <button type="button" className="btn btn--bar" onClick={() => void lock()}>
            <Icon name="lock" />
            Lock
          </button>
          <button type="button" className="btn btn--bar" onClick={() => void logout()}>
            Sign out
          </button>
        </div>
      )}
      {accountOpen && session && <AccountDialog session={session} onClose={() => setAccountOpen(false)} />}
    </header>
  );
}
