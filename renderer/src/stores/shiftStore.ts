// This till's shift and cash drawer: the open shift (with its drawer movements) or what is needed
// to open one, and the Z report just closed. Every figure comes from main; nothing here adds
// money up.
import { create } from 'zustand';
import { call } from '../api';
import type { ChannelInput, CountResult, ShiftState, ZReportView } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';

interface ShiftStoreState {
  state: ShiftState | null;
  loading: boolean;
  error: string | null;
  /** The Z report of the shift just closed on this screen (shown until "Done"). */
  closedReport: ZReportView | null;

  load(): Promise<void>;
  open(input: ChannelInput<'shifts.open'>): Promise<Result<ShiftState>>;
  move(input: ChannelInput<'shifts.move'>): Promise<Result<ShiftState>>;
  voidMovement(input: ChannelInput<'shifts.voidMovement'>): Promise<Result<ShiftState>>;
  count(input: ChannelInput<'shifts.count'>): Promise<Result<CountResult>>;
  /** Close with the last count; on success the Z report shows and the state is read again. */
  close(input: ChannelInput<'shifts.close'>): Promise<Result<ZReportView>>;
  dismissReport(): void;
  reset(): void;
}

const initial = {
  state: null as ShiftState | null,
  loading: false,
  error: null as string | null,
  closedReport: null as ZReportView | null,
};

export const useShiftStore = create<ShiftStoreState>()((set, get) => {
  let generation = 0; // drops answers that arrive after a reset or a newer load

  /** A write's answer is the new state: adopt it unless the store was reset meanwhile. */
  async function write<C extends 'shifts.open' | 'shifts.move' | 'shifts.voidMovement'>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Result<ShiftState>> {
    const gen = generation;
    const result = (await call(channel, input)) as Result<ShiftState>;
    if (result.ok && gen === generation) set({ state: result.value, error: null });
    return result;
  }

  return {
    ...initial,

    async load() {
      const gen = ++generation;
      set({ loading: true });
      const result = await call('shifts.current', {});
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      set({ loading: false, error: null, state: result.value });
    },

    open: (input) => write('shifts.open', input),
    move: (input) => write('shifts.move', input),
    voidMovement: (input) => write('shifts.voidMovement', input),

    count: (input) => call('shifts.count', input),

    async close(input) {
      const gen = generation;
      const result = await call('shifts.close', input);
      if (result.ok && gen === generation) {
        set({ closedReport: result.value });
        void get().load();
      }
      return result;
    },

    dismissReport() {
      set({ closedReport: null });
    },

    reset() {
      generation++;
      set({ ...initial });
    },
  };
});
