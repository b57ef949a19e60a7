import { formatCount } from '@/lib/format/format-number';
import { processedOf, type RecentTest } from '../recent/recent-tests-store';

/** "5,000 users · 62% approved · 38% blocked · 0% errored": enough to tell two runs apart. */
export function outcomeFacts(test: RecentTest): string {
  const parts: string[] = [];
  if (test.totalUsers !== undefined) parts.push(`${formatCount(test.totalUsers)} users`);
  const processed = processedOf(test);
  if (processed > 0) {
    const share = (n: number | undefined) => `${Math.round(((n ?? 0) / processed) * 100)}%`;
    parts.push(`${share(test.approved)} approved`, `${share(test.blocked)} blocked`, `${share(test.errored)} errored`);
  }
  return parts.join(' · ');
}
