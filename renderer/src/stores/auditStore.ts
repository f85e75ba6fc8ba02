// The audit trail (owners): filters, pages of events (newest first) and the hash-chain check.
import { create } from 'zustand';
import { call } from '../api';
import type { AuditEventView, AuditFilters, AuditVerification, ChannelInput } from '../../../electron/shared/contract';

export interface AuditQuery {
  actorUserId: string; // '' = everyone
  action: string; // '' = all actions
  fromDay: string; // '' or YYYY-MM-DD
  toDay: string;
}

interface AuditState {
  filters: AuditFilters | null;
  query: AuditQuery;
  events: AuditEventView[];
  nextCursor: string | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  verification: AuditVerification | null;
  verifying: boolean;
  verifyError: string | null;

  loadFilters(): Promise<void>;
  /** Run a fresh search with these filters (replaces the list). */
  search(query: AuditQuery): Promise<void>;
  loadMore(): Promise<void>;
  verify(): Promise<void>;
  reset(): void;
}

const PAGE_SIZE = 50;
export const EMPTY_QUERY: AuditQuery = { actorUserId: '', action: '', fromDay: '', toDay: '' };

const initial = {
  filters: null as AuditFilters | null,
  query: EMPTY_QUERY,
  events: [] as AuditEventView[],
  nextCursor: null as string | null,
  loading: false,
  loaded: false,
  error: null as string | null,
  verification: null as AuditVerification | null,
  verifying: false,
  verifyError: null as string | null,
};

function toInput(query: AuditQuery, before?: string): ChannelInput<'audit.list'> {
  return {
    limit: PAGE_SIZE,
    ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.fromDay ? { fromDay: query.fromDay } : {}),
    ...(query.toDay ? { toDay: query.toDay } : {}),
    ...(before ? { before } : {}),
  };
}

export const useAuditStore = create<AuditState>()((set, get) => {
  let generation = 0; // list answers after a reset or a newer search are dropped
  let verifyGeneration = 0;

  return {
    ...initial,

    async loadFilters() {
      const result = await call('audit.filters', {});
      if (result.ok) set({ filters: result.value });
    },

    async search(query) {
      const gen = ++generation;
      set({ query, loading: true, error: null });
      const result = await call('audit.list', toInput(query));
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      set({ loading: false, loaded: true, events: result.value.events, nextCursor: result.value.nextCursor });
    },

    async loadMore() {
      const before = get().nextCursor;
      if (!before || get().loading) return;
      const gen = generation;
      set({ loading: true, error: null });
      const result = await call('audit.list', toInput(get().query, before));
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      const seen = new Set(get().events.map((e) => e.id));
      set({
        loading: false,
        events: [...get().events, ...result.value.events.filter((e) => !seen.has(e.id))],
        nextCursor: result.value.nextCursor,
      });
    },

    async verify() {
      const gen = ++verifyGeneration;
      set({ verifying: true, verifyError: null });
      const result = await call('audit.verify', {});
      if (gen !== verifyGeneration) return;
      if (!result.ok) {
        set({ verifying: false, verifyError: result.error.message });
        return;
      }
      set({ verifying: false, verification: result.value });
    },

    reset() {
      generation++;
      verifyGeneration++;
      set({ ...initial });
    },
  };
});
