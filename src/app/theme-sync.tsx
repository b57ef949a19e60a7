import { useEffect } from 'react';
import { useSettings } from '@/lib/settings';

/** Puts the chosen theme on <html>; "system" leaves it to prefers-color-scheme in CSS. */
export function ThemeSync() {
  const { theme } = useSettings();
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  return null;
}
