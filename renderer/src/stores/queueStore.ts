// The bar queue: paid orders not yet completed or cancelled, oldest first. The screen polls
// while it is open; one tap moves an order on (pending → preparing → ready → completed).
import { create } from 'zustand';
import { call } from '../api';
import type { OrderStatus, QueueOrderView } from '../../../electron/shared/contract';

export type AdvanceFrom = Extract<OrderStatus, 'pending' | 'preparing' | 'ready'>;

interface QueueState {
  orders: QueueOrderView[];
  loaded: boolean;
  error: string | null;
  /** Orders with a tap on its way (their button is disabled meanwhile). */
  busyIds: string[];
  /** A problem with one tap (e.g. someone else already moved the order on). */
  notice: string | null;

  load(): Promise<void>;
  advance(orderId: string, from: AdvanceFrom): Promise<void>;
  dismissNotice(): void;
  reset(): void;
}

const initial = {
  orders: [] as QueueOrderView[],
  loaded: false,
  error: null as string | null,
  busyIds: [] as string[],
  notice: null as string | null,
};

export function canAdvance(status: OrderStatus): status is AdvanceFrom {
  return status === 'pending' || status === 'preparing' || status === 'ready';
}

export const useQueueStore = create<QueueState>()((set, get) => {
  let generation = 0;
  let inFlight = false;
  let taps = 0; // bumped by every tap, so a poll that started before it can't undo it

  return {
    ...initial,

    async load() {
      if (inFlight) return; // a slow answer: don't pile polls up
      inFlight = true;
      const gen = generation;
      const tapsBefore = taps;
      const result = await call('orders.queue', {});
      inFlight = false;
      if (gen !== generation) return;
      // A tap went out meanwhile: this answer may be older than the tap's; the next poll is fresh.
      if (result.ok && (tapsBefore !== taps || get().busyIds.length > 0) && get().loaded) return;
      if (!result.ok) {
        set({ error: result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED' ? null : result.error.message });
        return;
      }
      set({ orders: result.value, loaded: true, error: null });
    },

    async advance(orderId, from) {
      if (get().busyIds.includes(orderId)) return;
      const gen = generation;
      taps++;
      set({ busyIds: [...get().busyIds, orderId], notice: null });
      const result = await call('orders.advance', { orderId, from });
      if (gen !== generation) return;
      taps++;
      const busyIds = get().busyIds.filter((id) => id !== orderId);
      if (result.ok) {
        const next = result.value;
        set({
          busyIds,
          orders:
            next.status === 'completed' || next.status === 'cancelled'
              ? get().orders.filter((o) => o.id !== orderId)
              : get().orders.map((o) => (o.id === orderId ? next : o)),
        });
        return;
      }
      set({
        busyIds,
        notice: result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED' ? null : result.error.message,
      });
      void get().load();
    },

    dismissNotice() {
      set({ notice: null });
    },

    reset() {
      generation++;
      inFlight = false;
      set({ ...initial });
    },
  };
});
