// The audit trail (owners): filters, pages of events (newest first) and the hash-chain check.
import { create } from 'zustand';
import { call } from '../api';
import type { AuditEventView, AuditFilters, AuditVerification, ChannelInput, SignInEventView } from '../../../electron/shared/contract';

export interface AuditQuery {
  actorUserId: string; // '' = everyone
  action: string; // '' = all actions
  fromDay: string; // '' or YYYY-MM-DD
  toDay: string;
}

export interface SignInQuery {
  userId: string; // '' = everyone
  eventType: string; // '' = every event
  result: '' | 'ok' | 'failed';
  fromDay: string;
  toDay: string;
}

interface SignInState {
  query: SignInQuery;
  events: SignInEventView[];
  nextCursor: string | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
}

interface AuditState {
  /** The sign-in history tab (auth_events). */
  signIns: SignInState;
  searchSignIns(query: SignInQuery): Promise<void>;
  loadMoreSignIns(): Promise<void>;

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
  /** Check both chains: only newer entries unless `full` (every entry, in a worker thread in main). */
  verify(full?: boolean): Promise<void>;
  reset(): void;
}

const PAGE_SIZE = 50;
export const EMPTY_QUERY: AuditQuery = { actorUserId: '', action: '', fromDay: '', toDay: '' };
export const EMPTY_SIGN_IN_QUERY: SignInQuery = { userId: '', eventType: '', result: '', fromDay: '', toDay: '' };
const initialSignIns: SignInState = { query: EMPTY_SIGN_IN_QUERY, events: [], nextCursor: null, loading: false, loaded: false, error: null };

const initial = {
  signIns: initialSignIns,
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

function toSignInInput(query: SignInQuery, before?: string): ChannelInput<'audit.signIns'> {
  return {
    limit: PAGE_SIZE,
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.eventType ? { eventType: query.eventType } : {}),
    ...(query.result ? { successful: query.result === 'ok' } : {}),
    ...(query.fromDay ? { fromDay: query.fromDay } : {}),
    ...(query.toDay ? { toDay: query.toDay } : {}),
    ...(before ? { before } : {}),
  };
}

export const useAuditStore = create<AuditState>()((set, get) => {
  let generation = 0; // list answers after a reset or a newer search are dropped
  let verifyGeneration = 0;
  let signInGeneration = 0;
  const patchSignIns = (patch: Partial<SignInState>) => set({ signIns: { ...get().signIns, ...patch } });

  return {
    ...initial,

    async searchSignIns(query) {
      const gen = ++signInGeneration;
      patchSignIns({ query, loading: true, error: null });
      const result = await call('audit.signIns', toSignInInput(query));
      if (gen !== signInGeneration) return;
      if (!result.ok) return patchSignIns({ loading: false, error: result.error.message });
      patchSignIns({ loading: false, loaded: true, events: result.value.events, nextCursor: result.value.nextCursor });
    },

    async loadMoreSignIns() {
      const { nextCursor: before, loading, query } = get().signIns;
      if (!before || loading) return;
      const gen = signInGeneration;
      patchSignIns({ loading: true, error: null });
      const result = await call('audit.signIns', toSignInInput(query, before));
      if (gen !== signInGeneration) return;
      if (!result.ok) return patchSignIns({ loading: false, error: result.error.message });
      const seen = new Set(get().signIns.events.map((e) => e.id));
      patchSignIns({
        loading: false,
        events: [...get().signIns.events, ...result.value.events.filter((e) => !seen.has(e.id))],
        nextCursor: result.value.nextCursor,
      });
    },

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

    async verify(full = false) {
      const gen = ++verifyGeneration;
      set({ verifying: true, verifyError: null });
      const result = await call('audit.verify', full ? { full: true } : {});
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
      signInGeneration++;
      set({ ...initial });
    },
  };
});
