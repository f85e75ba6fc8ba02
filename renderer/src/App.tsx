import { useEffect } from 'react';
import { call, onAuthLost, onPosEvent } from './api';
import { TopBar } from './components/TopBar';
import { AuditScreen } from './screens/AuditScreen';
import { CounterScreen } from './screens/CounterScreen';
import { MenuScreen } from './screens/MenuScreen';
import { OrdersScreen } from './screens/OrdersScreen';
import { QueueScreen } from './screens/QueueScreen';
import { LazyReportsScreen } from './screens/LazyReportsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ShiftScreen } from './screens/ShiftScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { StaffScreen } from './screens/StaffScreen';
import { canSeeView, useSessionStore, type MainView } from './stores/sessionStore';
import { Icon } from './components/Icon';

// Only these pings keep a session awake (polling does not), so they must be frequent enough that
// a 1-minute idle lock never fires on someone who is tapping away.
const ACTIVITY_INTERVAL_MS = 10_000;

/** Tell main someone is still at the till (real pointer or key input only), at most once every 10 s, while signed in. */
function useActivityPings(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const ping = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_INTERVAL_MS) return;
      last = now;
      void call('auth.activity', {});
    };
    window.addEventListener('pointerdown', ping, { capture: true, passive: true });
    window.addEventListener('keydown', ping, { capture: true, passive: true });
    return () => {
      window.removeEventListener('pointerdown', ping, { capture: true });
      window.removeEventListener('keydown', ping, { capture: true });
    };
  }, [active]);
}

export function App() {
  const status = useSessionStore((s) => s.status);
  const loadError = useSessionStore((s) => s.loadError);
  const needsSetup = useSessionStore((s) => s.needsSetup);
  const session = useSessionStore((s) => s.session);
  const view = useSessionStore((s) => s.view);
  const boot = useSessionStore((s) => s.boot);

  useEffect(() => {
    void boot();
    const offAuth = onAuthLost(() => void useSessionStore.getState().resyncSession());
    const offEvents = onPosEvent((e) => {
      if (e.event === 'session.locked') useSessionStore.getState().markLocked();
      if (e.event === 'session.ended') void useSessionStore.getState().resyncSession();
    });
    return () => {
      offAuth();
      offEvents();
    };
  }, [boot]);

  const signedIn = status === 'ready' && !needsSetup && !!session && !session.locked;
  useActivityPings(signedIn);

  if (status === 'loading') {
    return (
      <main className="splash" aria-busy="true">
        <p className="brand-mark" aria-hidden="true">
          <Icon name="cup" />
        </p>
        <h1>Brewline</h1>
        <p className="muted">Getting the till ready…</p>
      </main>
    );
  }

  if (status === 'unavailable') {
    return (
      <main className="splash">
        <p className="brand-mark" aria-hidden="true">
          <Icon name="cup" />
        </p>
        <h1>Brewline can't start</h1>
        <p className="alert" role="alert">
          {loadError}
        </p>
        <button type="button" className="btn btn--primary btn--large" onClick={() => void boot()}>
          Try again
        </button>
      </main>
    );
  }

  if (needsSetup) return <SetupScreen />;
  if (!session || session.locked) {
    // A new key per lock/sign-out so the sign-in screen starts fresh each time.
    return <SignInScreen key={session ? `locked-${session.userId}` : 'signed-out'} />;
  }

  // A view this person may not see (e.g. after a role change) falls back to the counter.
  const shown: MainView = canSeeView(session, view) ? view : 'counter';
  return (
    <div className="app-shell">
      <TopBar />
      {shown === 'counter' && <CounterScreen />}
      {shown === 'queue' && <QueueScreen />}
      {shown === 'orders' && <OrdersScreen />}
      {shown === 'shift' && <ShiftScreen />}
      {shown === 'reports' && <LazyReportsScreen />}
      {shown === 'menu' && <MenuScreen />}
      {shown === 'staff' && <StaffScreen />}
      {shown === 'audit' && <AuditScreen />}
      {shown === 'settings' && <SettingsScreen />}
    </div>
  );
}
