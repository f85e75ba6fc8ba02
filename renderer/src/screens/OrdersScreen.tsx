// Orders: the history on the left (filters, what they find, the rows) and the order being looked
// at on the right (detail, receipt, refund, cancel). Baristas see today's orders only.
import { useEffect } from 'react';
import { ExportButton, ExportStatus } from '../components/orders/ExportPanel';
import { HistoryFilters } from '../components/orders/HistoryFilters';
import { HistoryList } from '../components/orders/HistoryList';
import { OrderDetailPanel } from '../components/orders/OrderDetailPanel';
import '../components/orders/history.css';
import { useOrdersStore } from '../stores/ordersStore';
import { hasPermission, useSessionStore } from '../stores/sessionStore';

export function OrdersScreen() {
  const timeZone = useSessionStore((s) => s.shop?.timezone);
  /** Baristas see today's orders only: no dates, no export. */
  const allDays = useSessionStore((s) => hasPermission(s.session, 'orders.viewHistory'));
  const canPickStaff = useSessionStore((s) => hasPermission(s.session, 'staff.view'));
  const load = useOrdersStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="orders-screen orders-screen--history">
      <h1 className="visually-hidden">Orders</h1>
      <section className="orders-list-panel" aria-labelledby="orders-list-title">
        <div className="panel-head">
          <h2 id="orders-list-title">{allDays ? 'Recent orders' : "Today's orders"}</h2>
          <div className="panel-head-actions">
            {allDays && <ExportButton />}
            <button type="button" className="btn btn--ghost btn--small" onClick={() => void load()}>
              Refresh
            </button>
          </div>
        </div>
        <HistoryFilters allDays={allDays} canPickStaff={allDays && canPickStaff} />
        <ExportStatus />
        <HistoryList allDays={allDays} timeZone={timeZone} />
      </section>
      <OrderDetailPanel timeZone={timeZone} />
    </main>
  );
}
