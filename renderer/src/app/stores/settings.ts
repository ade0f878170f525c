import { create } from 'zustand';
import type { Settings } from '../../../../shared/contract/vault.ts';
import { api } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  update(patch: Partial<Settings>): Promise<Settings>;
}

/** Settings live beside the vault, readable while it is locked: the language is known before unlock. */
export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  async load() {
    const settings = await api().call('settings.get', {});
    useLocale.getState().setLocale(settings.locale);
    set({ settings });
  },
  async update(patch) {
    const settings = await api().call('settings.update', patch);
    useLocale.getState().setLocale(settings.locale);
    set({ settings });
    return settings;
  },
}));
