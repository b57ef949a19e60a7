import type { Settings } from '@/lib/settings';

/** Each setting as the confirmation names it. */
const NAMES: Record<keyof Settings, string> = {
  guardianUrl: 'Guardian base URL',
  identityEmail: 'identity email',
  policyTestUrl: 'policy-test API URL',
  accountId: 'account id',
  authMode: 'authentication',
  apiToken: 'API token',
  authEmail: 'account email',
  apiKey: 'API key',
  rememberCredentials: 'remember credentials',
  exprTarget: 'expression engine',
  exprTargets: 'expression engines per server',
  theme: 'theme',
};

/** The settings an edit really changes (typing a value and then its old value back changes nothing). */
export function changedKeys(saved: Settings, edits: Partial<Settings>): (keyof Settings)[] {
  return (Object.keys(edits) as (keyof Settings)[]).filter(
    (key) => JSON.stringify(edits[key]) !== JSON.stringify(saved[key]),
  );
}

/** "Saved: Guardian base URL and API token." */
export function savedSentence(keys: readonly (keyof Settings)[]): string {
  if (keys.length === 0) return 'Nothing to save: these are the settings in use.';
  const names = keys.map((key) => NAMES[key]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Saved: ${list}. The console uses ${keys.length === 1 ? 'it' : 'them'} from now on.`;
}
