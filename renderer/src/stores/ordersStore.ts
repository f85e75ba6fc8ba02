// Order history: the filter form, pages of rows (newest first, after main's cursor), the count
// and total of what the filters find, the one order being looked at, and a CSV export's progress.
import { create } from 'zustand';
import { call, newRequestId } from '../api';
import type { ChannelInput, ExportProgress, HistoryRow, OrderDetail, OrderFilters } from '../../../electron/shared/contract';
import type { Currency, Minor } from '../../../electron/shared/money';
import type { Result } from '../../../electron/shared/result';
import { EMPTY_FORM, toFilters, type DatePreset, type HistoryForm } from '../components/orders/historyFilters';

interface OrdersState {
  form: HistoryForm;
  /** Field errors of the form (checked here before anything is sent, and main's). */
  formErrors: Partial<Record<keyof HistoryForm, string>>;
  /** The filters of the rows on screen. */
  filters: OrderFilters;
  orders: HistoryRow[];
  nextCursor: string | null;
  /** The shop's business day by main's clock, from the last page ("Today" on the rows, the date presets). */
  today: string | null;
  /** While a rare filter is searched in steps: how far back it has looked (epoch ms). */
  searchedBack: number | null;
  totals: { count: number; total: Minor; currency: Currency } | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  selectedId: string | null;
  detail: OrderDetail | null;
  detailLoading: boolean;
  detailError: string | null;
  exporting: { exportId: string; progress: ExportProgress } | null;
  exportError: string | null;

  /** Change the form; the list follows (the screen debounces typing). */
  setForm(patch: Partial<HistoryForm>): void;
  clearForm(): void;
  /** The first page (and the count) for the form as it is. */
  load(): Promise<void>;
  loadMore(): Promise<void>;
  select(orderId: string): Promise<void>;
  /** Cancel a paid order; the dialog handles FORBIDDEN (manager approval) and shows errors itself. */
  cancel(input: ChannelInput<'orders.cancel'>): Promise<Result<OrderDetail>>;
  /** Save what the filters find as CSV (asks where), then follow its progress. */
  exportCsv(): Promise<void>;
  reset(): void;
}

const PAGE_SIZE = 50;
/** Presets counted from today. */
const RELATIVE: readonly DatePreset[] = ['today', 'yesterday', 'week', 'month'];
const POLL_MS = 250;
const POLL_RETRY_MS = 2_000;
/** Failed asks in a row (2 s apart) before the screen stops waiting for an export. */
const POLL_GIVE_UP = 30;

const initial = {
  form: EMPTY_FORM,
  formErrors: {},
  filters: {} as OrderFilters,
  orders: [] as HistoryRow[],
  nextCursor: null as string | null,
  today: null as string | null,
  searchedBack: null as number | null,
  totals: null as OrdersState['totals'],
  loading: false,
  loaded: false,
  error: null as string | null,
  selectedId: null as string | null,
  detail: null as OrderDetail | null,
  detailLoading: false,
  detailError: null as string | null,
  exporting: null as OrdersState['exporting'],
  exportError: null as string | null,
};

/** Main's field errors ("filters.to") as the form's fields. */
const FORM_FIELD: Record<string, keyof HistoryForm> = {
  'filters.number': 'query',
  'filters.customer': 'query',
  'filters.from': 'customFrom',
  'filters.to': 'customTo',
  'filters.item': 'item',
  'filters.minTotal': 'minTotal',
  'filters.maxTotal': 'maxTotal',
};

/** Where the cursor points (epoch ms of the last row looked at). */
const cursorTime = (cursor: string | null): number | null => (cursor ? Number(cursor.split('_')[0]) || null : null);

export const useOrdersStore = create<OrdersState>()((set, get) => {
  let generation = 0; // drops answers that arrive after a reset or a newer search
  let polling: ReturnType<typeof setTimeout> | null = null;

  /**
   * Pages until at least a page of new rows is on screen or the list ends. Main walks a bounded
   * number of orders per call, so a rare filter on years of orders comes back in short steps:
   * the rows found so far show at once, and a newer search stops this one.
   */
  async function fetchRows(gen: number, filters: OrderFilters, before: string | null): Promise<void> {
    let cursor = before;
    let found = 0;
    for (;;) {
      const result = await call('orders.list', { limit: PAGE_SIZE, filters, ...(cursor ? { before: cursor } : {}) });
      if (gen !== generation) return;
      if (!result.ok) {
        const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).flatMap(([k, v]) => (FORM_FIELD[k] ? [[FORM_FIELD[k], v]] : [])));
        set({ loading: false, searchedBack: null, error: Object.keys(fields).length ? null : result.error.message, formErrors: fields });
        return;
      }
      const page = result.value;
      const seen = new Set(get().orders.map((o) => o.id));
      const fresh = page.orders.filter((o) => !seen.has(o.id));
      found += fresh.length;
      cursor = page.nextCursor;
      const more = cursor !== null && found < PAGE_SIZE;
      set({ orders: [...get().orders, ...fresh], nextCursor: cursor, today: page.today, loaded: true, loading: more, searchedBack: more ? cursorTime(cursor) : null });
      if (!more) return;
    }
  }

  async function loadTotals(gen: number, filters: OrderFilters): Promise<void> {
    const result = await call('orders.totals', { filters });
    if (gen !== generation) return;
    set({ totals: result.ok ? result.value : null });
  }

  function stopPolling(): void {
    if (polling) clearTimeout(polling);
    polling = null;
  }

  /**
   * Asks where the export stands until it ends. A failed ask (the till locked meanwhile) is said and
   * asked again a little later — the export itself goes on in main — and after a minute of failed
   * asks the screen lets go, so Export is never left greyed out for good.
   */
  function poll(exportId: string, failures = 0): void {
    stopPolling();
    polling = setTimeout(async () => {
      polling = null;
      const result = await call('orders.exportProgress', { exportId });
      if (get().exporting?.exportId !== exportId) return;
      if (!result.ok) {
        if (failures + 1 >= POLL_GIVE_UP) return set({ exporting: null, exportError: result.error.message });
        set({ exportError: result.error.message });
        return poll(exportId, failures + 1);
      }
      set({ exporting: { exportId, progress: result.value }, exportError: null });
      if (result.value.state === 'running') poll(exportId);
    }, failures === 0 ? POLL_MS : POLL_RETRY_MS);
  }

  return {
    ...initial,

    setForm(patch) {
      set({ form: { ...get().form, ...patch } });
      void get().load();
    },

    clearForm() {
      set({ form: EMPTY_FORM });
      void get().load();
    },

    async load() {
      const gen = ++generation;
      // Presets count from main's business day: without one yet, a one-row page tells it.
      if (!get().today && RELATIVE.includes(get().form.preset)) {
        const first = await call('orders.list', { limit: 1 });
        if (gen !== generation) return;
        if (!first.ok) return set({ error: first.error.message, loading: false });
        set({ today: first.value.today });
      }
      const checked = toFilters(get().form, get().today);
      if ('errors' in checked) {
        set({ formErrors: checked.errors });
        return;
      }
      const { filters } = checked;
      set({ formErrors: {}, filters, loading: true, error: null, orders: [], nextCursor: null, searchedBack: null, totals: null });
      void loadTotals(gen, filters);
      await fetchRows(gen, filters, null);
      const selected = get().selectedId;
      if (gen === generation && selected) void get().select(selected);
    },

    async loadMore() {
      const before = get().nextCursor;
      if (!before || get().loading) return;
      set({ loading: true, error: null });
      await fetchRows(generation, get().filters, before);
    },

    async select(orderId) {
      const gen = generation;
      set({ selectedId: orderId, detailLoading: true, detailError: null });
      if (get().detail?.id !== orderId) set({ detail: null });
      const result = await call('orders.get', { orderId });
      if (gen !== generation || get().selectedId !== orderId) return;
      if (!result.ok) {
        set({ detailLoading: false, detailError: result.error.message });
        return;
      }
      set({ detailLoading: false, detail: result.value });
    },

    async cancel(input) {
      const result = await call('orders.cancel', input);
      if (result.ok) {
        const order = result.value;
        set({
          orders: get().orders.map((o) => (o.id === order.id ? { ...o, status: order.status, refunded: order.refunded } : o)),
          detail: get().selectedId === order.id ? order : get().detail,
        });
      }
      return result;
    },

    async exportCsv() {
      if (get().exporting?.progress.state === 'running') return;
      const exportId = newRequestId();
      set({ exporting: { exportId, progress: { state: 'running', done: 0, total: 0, path: null, error: null } }, exportError: null });
      const result = await call('orders.exportCsv', { exportId, filters: get().filters });
      if (get().exporting?.exportId !== exportId) return;
      if (!result.ok) return set({ exporting: null, exportError: result.error.message });
      set({ exporting: { exportId, progress: result.value } });
      if (result.value.state === 'running') poll(exportId);
    },

    reset() {
      generation++;
      stopPolling();
      set({ ...initial });
    },
  };
});

// A refund elsewhere (refundStore.showOrder) puts main's fresh copy in `detail`: its row's
// refunded sum follows, so the row's badge says Refunded / Partly refunded at once.
useOrdersStore.subscribe((state, previous) => {
  const d = state.detail;
  if (!d || d === previous.detail) return;
  const row = state.orders.find((o) => o.id === d.id);
  if (row && (row.refunded !== d.refunded || row.status !== d.status)) {
    useOrdersStore.setState({ orders: state.orders.map((o) => (o.id === d.id ? { ...o, status: d.status, refunded: d.refunded } : o)) });
  }
});
