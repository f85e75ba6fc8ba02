// The Reports screen: which period and bucket are chosen, main's business day the presets count
// from, and the last sales report main answered with. Every figure is main's; nothing here adds
// money up. Loaded with the screen (not at start-up): it forgets everything when someone else
// opens Reports, instead of being reset by the session store.
import { create } from 'zustand';
import { call } from '../api';
import type { ReportBucket, SalesReport } from '../../../electron/shared/contract';
import type { ErrorCode } from '../../../electron/shared/result';
import { defaultBucket } from '../../../electron/shared/contract/reports';
import { bucketAllowed, customRangeProblem, daysIn, presetRange, type DayRange, type PresetId } from '../components/reports/periods';

interface ReportsState {
  /** Whose report this is (the signed-in person when it was opened). */
  userId: string | null;
  /** The shop's business day by main's clock (from order history); null until known. */
  today: string | null;
  preset: PresetId;
  /** The dates typed for Custom (may be half-filled or wrong until shown). */
  custom: DayRange;
  /** Chosen by hand; null follows the period's length. */
  bucketChoice: ReportBucket | null;
  report: SalesReport | null;
  loading: boolean;
  error: { code: ErrorCode; message: string } | null;

  /** For this person (a new one starts afresh): learn today's business day from main, then load the chosen period. */
  open(userId: string | null): Promise<void>;
  choosePreset(preset: PresetId): void;
  setCustom(range: DayRange): void;
  /** Show the typed Custom dates (when they make a period). */
  applyCustom(): void;
  chooseBucket(bucket: ReportBucket): void;
  load(): Promise<void>;
  reset(): void;
}

const initial = {
  userId: null as string | null,
  today: null as string | null,
  preset: 'last7' as PresetId,
  custom: { from: '', to: '' } as DayRange,
  bucketChoice: null as ReportBucket | null,
  report: null as SalesReport | null,
  loading: false,
  error: null as { code: ErrorCode; message: string } | null,
};

/** The period a preset (or the applied Custom dates) stands for; null when it cannot be had yet. */
export function chosenRange(s: Pick<ReportsState, 'today' | 'preset' | 'custom'>): DayRange | null {
  if (s.preset === 'custom') return customRangeProblem(s.custom) ? null : s.custom;
  return s.today ? presetRange(s.preset, s.today) : null;
}

/** The bucket the chart uses: the hand-picked one while it suits the period, else the default. */
export function chosenBucket(s: Pick<ReportsState, 'bucketChoice'>, range: DayRange): ReportBucket {
  const days = daysIn(range);
  return s.bucketChoice && bucketAllowed(s.bucketChoice, days) ? s.bucketChoice : defaultBucket(days);
}

export const useReportsStore = create<ReportsState>()((set, get) => {
  let generation = 0; // drops answers to a period that is no longer the one chosen
  /** The Custom dates last shown (typing new ones does not reload until applied). */
  let appliedCustom: DayRange | null = null;

  const rangeNow = (): DayRange | null => {
    const s = get();
    // Custom dates not shown yet: a bucket change applies to the period on screen.
    if (s.preset === 'custom') return appliedCustom ?? (s.report ? { from: s.report.period.from, to: s.report.period.to } : null);
    return chosenRange(s);
  };

  return {
    ...initial,

    async open(userId) {
      if (userId !== get().userId) get().reset();
      set({ userId });
      const gen = ++generation;
      set({ loading: true, error: null });
      // Main's business day (a 01:30 sale still belongs to the evening before): any order-history page says it.
      const page = await call('orders.list', { limit: 1 });
      if (gen !== generation) return;
      if (!page.ok) {
        set({ loading: false, error: page.error });
        return;
      }
      set({ today: page.value.today });
      await get().load();
    },

    choosePreset(preset) {
      if (preset === 'custom') {
        // Start the fields on the period being looked at, so changing one end is one edit.
        const shown = get().report?.period;
        set({ preset, custom: shown ? { from: shown.from, to: shown.to } : get().custom, bucketChoice: null });
        appliedCustom = null;
        return;
      }
      set({ preset, bucketChoice: null });
      void get().load();
    },

    setCustom(range) {
      set({ custom: range });
    },

    applyCustom() {
      const { custom } = get();
      if (customRangeProblem(custom)) return;
      appliedCustom = { ...custom };
      set({ bucketChoice: null });
      void get().load();
    },

    chooseBucket(bucket) {
      set({ bucketChoice: bucket });
      void get().load();
    },

    async load() {
      const range = rangeNow();
      if (!range) return;
      const gen = ++generation;
      const bucket = chosenBucket(get(), range);
      set({ loading: true, error: null });
      const result = await call('reports.sales', { from: range.from, to: range.to, bucket });
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error, report: null });
        return;
      }
      set({ loading: false, report: result.value });
    },

    reset() {
      generation++;
      appliedCustom = null;
      set({ ...initial });
    },
  };
});
