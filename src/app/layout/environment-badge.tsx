import { isMockMode, useSettings } from '@/lib/settings';

function hostOf(url: string): string {
  if (!url) return 'this origin';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Which backend the console is talking to, always in view: mock data must never pass for real. */
export function EnvironmentBadge() {
  const { guardianUrl, policyTestUrl } = useSettings();
  if (isMockMode) {
    return (
      <span className="env-badge env-badge--mock" title="All data comes from the built-in mock backend">
        Mock backend
      </span>
    );
  }
  return (
    <span className="env-badge" title="Endpoints (change them in Settings)">
      Guardian: {hostOf(guardianUrl)} · Tests: {hostOf(policyTestUrl)}
    </span>
  );
}
