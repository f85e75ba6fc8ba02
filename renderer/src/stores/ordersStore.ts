// Order history: pages of summaries (newest first) and the one order being looked at.
import { create } from 'zustand';
import { call } from '../api';
import type { ChannelInput, OrderDetail, OrderSummary } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';

interface OrdersState {
  orders: OrderSummary[];
  nextCursor: string | null;
  /** The shop's business day by main's clock, from the last page ("Today" on the rows). */
  today: string | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  selectedId: string | null;
  detail: OrderDetail | null;
  detailLoading: boolean;
  detailError: string | null;

  load(): Promise<void>;
  loadMore(): Promise<void>;
  select(orderId: string): Promise<void>;
  /** Cancel a paid order; the dialog handles FORBIDDEN (manager approval) and shows errors itself. */
  cancel(input: ChannelInput<'orders.cancel'>): Promise<Result<OrderDetail>>;
  reset(): void;
}

const PAGE_SIZE = 50;

const initial = {
  orders: [] as OrderSummary[],
  nextCursor: null as string | null,
  today: null as string | null,
  loading: false,
  loaded: false,
  error: null as string | null,
  selectedId: null as string | null,
  detail: null as OrderDetail | null,
  detailLoading: false,
  detailError: null as string | null,
};

export const useOrdersStore = create<OrdersState>()((set, get) => {
  let generation = 0; // drops answers that arrive after a reset or a newer refresh

  return {
    ...initial,

    async load() {
      const gen = ++generation;
      set({ loading: true, error: null });
      const result = await call('orders.list', { limit: PAGE_SIZE });
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      set({ loading: false, loaded: true, orders: result.value.orders, nextCursor: result.value.nextCursor, today: result.value.today });
      const selected = get().selectedId;
      if (selected) void get().select(selected);
    },

    async loadMore() {
      const before = get().nextCursor;
      if (!before || get().loading) return;
      const gen = generation;
      set({ loading: true, error: null });
      const result = await call('orders.list', { limit: PAGE_SIZE, before });
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      const seen = new Set(get().orders.map((o) => o.id));
      set({
        loading: false,
        orders: [...get().orders, ...result.value.orders.filter((o) => !seen.has(o.id))],
        nextCursor: result.value.nextCursor,
        today: result.value.today,
      });
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
          orders: get().orders.map((o) => (o.id === order.id ? { ...o, status: order.status } : o)),
          detail: get().selectedId === order.id ? order : get().detail,
        });
      }
      return result;
    },

    reset() {
      generation++;
      set({ ...initial });
    },
  };
});
