// Shop settings (owners): the shop profile and printing, security limits, and where the email
// encryption key lives.
import { create } from 'zustand';
import { call } from '../api';
import type { ChannelInput, DrawerSettingsView, SettingsView } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';

interface SettingsState {
  settings: SettingsView | null;
  loading: boolean;
  error: string | null;

  load(): Promise<void>;
  saveSecurity(input: ChannelInput<'settings.updateSecurity'>): Promise<Result<SettingsView>>;
  saveShop(input: ChannelInput<'settings.updateShop'>): Promise<Result<SettingsView>>;
  saveDrawer(input: ChannelInput<'settings.updateDrawer'>): Promise<Result<DrawerSettingsView>>;
  reset(): void;
}

const initial = {
  settings: null as SettingsView | null,
  loading: false,
  error: null as string | null,
};

export const useSettingsStore = create<SettingsState>()((set, get) => {
  let generation = 0;

  return {
    ...initial,

    async load() {
      const gen = ++generation;
      set({ loading: true, error: null });
      const result = await call('settings.get', {});
      if (gen !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      set({ loading: false, settings: result.value });
    },

    async saveSecurity(input) {
      const gen = generation;
      const result = await call('settings.updateSecurity', input);
      if (result.ok && gen === generation) set({ settings: result.value });
      return result;
    },

    async saveShop(input) {
      const gen = generation;
      const result = await call('settings.updateShop', input);
      if (result.ok && gen === generation) set({ settings: result.value });
      return result;
    },

    async saveDrawer(input) {
      const gen = generation;
      const result = await call('settings.updateDrawer', input);
      const settings = get().settings;
      if (result.ok && gen === generation && settings) set({ settings: { ...settings, drawer: result.value } });
      return result;
    },

    reset() {
      generation++;
      set({ ...initial });
    },
  };
});
