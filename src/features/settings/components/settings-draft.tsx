import { createContext, useContext } from 'react';
import type { Settings } from '@/lib/settings';

/** The settings as the form shows them (saved values with the unsaved edits on top), and a way to edit. */
export interface SettingsDraft {
  shown: Settings;
  edit(patch: Partial<Settings>): void;
}

export const SettingsDraftContext = createContext<SettingsDraft | null>(null);

export function useSettingsDraft(): SettingsDraft {
  const draft = useContext(SettingsDraftContext);
  if (!draft) throw new Error('useSettingsDraft outside the settings form');
  return draft;
}
