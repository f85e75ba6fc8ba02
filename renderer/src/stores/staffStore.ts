// Staff accounts for the Staff screen: the list (active or not) and the person being looked at.
// Every change goes through main and the answer (the updated person) replaces the list entry.
import { create } from 'zustand';
import { call } from '../api';
import type { ChannelInput, StaffView } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';

interface StaffState {
  people: StaffView[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  selectedId: string | null;

  load(): Promise<void>;
  select(userId: string | null): void;
  create(input: ChannelInput<'staff.create'>): Promise<Result<StaffView>>;
  update(input: ChannelInput<'staff.update'>): Promise<Result<StaffView>>;
  setActive(userId: string, active: boolean): Promise<Result<StaffView>>;
  resetPin(userId: string, pin: string): Promise<Result<StaffView>>;
  resetPassword(userId: string, password: string): Promise<Result<StaffView>>;
  unlock(userId: string): Promise<Result<StaffView>>;
  reset(): void;
}

const initial = {
  people: [] as StaffView[],
  loading: false,
  loaded: false,
  error: null as string | null,
  selectedId: null as string | null,
};

/** Active people first, then by name. */
function sorted(people: StaffView[]): StaffView[] {
  return [...people].sort(
    (a, b) => Number(b.isActive) - Number(a.isActive) || a.displayName.localeCompare(b.displayName, undefined, { sensitivity: 'base' }),
  );
}

export const useStaffStore = create<StaffState>()((set, get) => {
  let generation = 0;

  /** Put main's answer into the list (new people are added and selected). */
  async function apply(run: () => Promise<Result<StaffView>>, selectNew = false): Promise<Result<StaffView>> {
    const gen = generation;
    const result = await run();
    if (result.ok && gen === generation) {
      const person = result.value;
      const others = get().people.filter((p) => p.id !== person.id);
      set({ people: sorted([...others, person]), ...(selectNew ? { selectedId: person.id } : {}) });
    }
    return result;
  }

  return {
    ...initial,

    async load() {
      const gen = ++generation;
      set({ loading: true, error: null });
      const result = await call('staff.list', {});
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      const people = sorted(result.value);
      const selected = get().selectedId;
      set({ loading: false, loaded: true, people, selectedId: people.some((p) => p.id === selected) ? selected : null });
    },

    select(userId) {
      set({ selectedId: userId });
    },

    create(input) {
      return apply(() => call('staff.create', input), true);
    },

    update(input) {
      return apply(() => call('staff.update', input));
    },

    setActive(userId, active) {
      return apply(() => call('staff.setActive', { userId, active }));
    },

    resetPin(userId, pin) {
      return apply(() => call('staff.resetPin', { userId, pin }));
    },

    resetPassword(userId, password) {
      return apply(() => call('staff.resetPassword', { userId, password }));
    },

    unlock(userId) {
      return apply(() => call('staff.unlock', { userId }));
    },

    reset() {
      generation++;
      set({ ...initial });
    },
  };
});
