// The manager's menu back office: the whole menu as main sees it (menu.admin), and every change
// sent through main. One change can move several rows at once (an item count, where a group is
// used, items moved out of an archived category), so after a change the view is read again
// rather than patched by hand: main stays the only place that knows the rules.
import { create } from 'zustand';
import { call } from '../api';
import type { Channel, ChannelInput, ChannelOutput, ImportPreview, ImportResult, MenuAdminView } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';
import { useCartStore } from './cartStore';

export type MenuTab = 'categories' | 'items' | 'groups' | 'import';

type WriteChannel = Exclude<
  Extract<Channel, `menu.${string}`>,
  'menu.list' | 'menu.admin' | 'menu.exportCsv' | 'menu.importPreview' | 'menu.updateItem'
>;

interface MenuAdminState {
  view: MenuAdminView | null;
  loading: boolean;
  error: string | null;
  tab: MenuTab;
  /** The last import preview (kept while the manager looks at it), and what applying it did. */
  preview: ImportPreview | null;
  lastImport: ImportResult | null;

  setTab(tab: MenuTab): void;
  load(): Promise<void>;
  /** Any write: on success the view is read again (and the counter's menu too). */
  run<C extends WriteChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  exportCsv(): Promise<Result<{ filename: string; csv: string }>>;
  previewImport(csv: string): Promise<Result<ImportPreview>>;
  applyImport(): Promise<Result<ImportResult>>;
  undoImport(): Promise<Result<MenuAdminView>>;
  clearPreview(): void;
  reset(): void;
}

const initial = {
  view: null as MenuAdminView | null,
  loading: false,
  error: null as string | null,
  tab: 'items' as MenuTab,
  preview: null as ImportPreview | null,
  lastImport: null as ImportResult | null,
};

export const useMenuAdminStore = create<MenuAdminState>()((set, get) => {
  let generation = 0;

  /** Read the back-office view again; the counter's menu follows so its tiles are never stale. */
  async function refresh(): Promise<void> {
    const gen = ++generation;
    set({ loading: true });
    const result = await call('menu.admin', {});
    if (gen !== generation) return;
    if (result.ok) set({ view: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error.message });
    void useCartStore.getState().loadMenu();
  }

  return {
    ...initial,

    setTab(tab) {
      set({ tab });
    },

    load: refresh,

    async run(channel, input) {
      const result = await call(channel, input);
      // A version conflict means someone else changed the menu: read it again either way, so the
      // next try starts from what is really there.
      if (result.ok || result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') await refresh();
      return result;
    },

    exportCsv() {
      return call('menu.exportCsv', {});
    },

    async previewImport(csv) {
      const result = await call('menu.importPreview', { csv });
      set({ preview: result.ok ? result.value : null, lastImport: null });
      return result;
    },

    async applyImport() {
      const preview = get().preview;
      if (!preview) return { ok: false, error: { code: 'VALIDATION', message: 'Choose a file to preview first.' } };
      const result = await call('menu.importApply', { token: preview.token });
      if (result.ok) set({ preview: null, lastImport: result.value });
      if (result.ok || result.error.code === 'CONFLICT') await refresh();
      return result;
    },

    async undoImport() {
      const result = await call('menu.importUndo', {});
      if (result.ok) {
        set({ view: result.value, lastImport: null });
        void useCartStore.getState().loadMenu();
      }
      return result;
    },

    clearPreview() {
      set({ preview: null });
    },

    reset() {
      generation++;
      set({ ...initial });
    },
  };
});
