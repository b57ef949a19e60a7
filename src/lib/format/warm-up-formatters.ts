import { formatDate } from './format-date';
import { formatCount } from './format-number';

/**
 * The first Intl formatter a page builds loads the locale's data: 25–70 ms that the first table of
 * counts and dates would otherwise spend inside its render. Built just after the first paint
 * instead, while the page waits for its first response.
 */
export function warmUpFormatters(): void {
  const warm = () => {
    formatCount(0);
    formatDate('2000-01-01T00:00:00Z');
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(warm, 0));
  else setTimeout(warm, 0);
}
