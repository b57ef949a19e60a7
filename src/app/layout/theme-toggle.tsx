import { Icon } from '@/components/icon/icon';
import { updateSettings, useSettings } from '@/lib/settings';

function prefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;
}

export function ThemeToggle() {
  const { theme } = useSettings();
  const isDark = theme === 'dark' || (theme === 'system' && prefersDark());
  return (
    <button
      type="button"
      className="button button--ghost button--icon"
      aria-label={isDark ? 'Switch to light theme' : 'Switch to dark theme'}
      title={isDark ? 'Switch to light theme' : 'Switch to dark theme'}
      onClick={() => updateSettings({ theme: isDark ? 'light' : 'dark' })}
    >
      <Icon name={isDark ? 'sun' : 'moon'} />
    </button>
  );
}
