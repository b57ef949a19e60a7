import { useSyncExternalStore } from 'react';
import { isTarget, type Target } from '@/lib/expr/target-ids';
import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { onOtherTabWrite, readJson, removeItem, writeItem } from '@/lib/storage/safe-storage';
import { applyTargetRules, defaultTarget, readTargets } from './expr-target-per-server';
import { SETTINGS_STORAGE_KEY as STORAGE_KEY } from './settings-storage-key';

/**
 * Connection and preference settings. Everything but credentials is kept in localStorage; the API
 * token and key live in memory, or in sessionStorage when the admin asks to remember them for the
 * tab — never in localStorage, a URL or a log. A browser that denies storage gets the defaults and
 * keeps changes for the tab; a change made in another tab applies here at once.
 */
export interface Settings {
  /** Guardian server root (paths start with /api/v1beta1); '' = this origin or the dev proxy. */
  guardianUrl: string;
  /** Cloudflare API root (paths start with /client/v4); '' = this origin or the dev proxy. */
  policyTestUrl: string;
  accountId: string;
  /** Sent as X-Auth-Email on Guardian writes (servers behind an auth proxy ignore it). */
  identityEmail: string;
  authMode: 'token' | 'key';
  apiToken: string;
  authEmail: string;
  apiKey: string;
  rememberCredentials: boolean;
  /** The expr runtime of the Guardian at `guardianUrl` (see expr-target-per-server.ts). */
  exprTarget: Target;
  /** The target declared for each Guardian URL the console has been pointed at. */
  exprTargets: Record<string, Target>;
  theme: 'system' | 'light' | 'dark';
}

type Credentials = Pick<Settings, 'apiToken' | 'apiKey'>;
const CREDENTIAL_KEYS = ['apiToken', 'apiKey'] as const;

const CREDENTIALS_KEY = 'policy-console.credentials';

// Each read spelled out in full: the build replaces it with the value, and drops the demo's defaults
// from other builds (a read through a copy of `import.meta.env` ships them all).
const isMock = import.meta.env.VITE_MOCK === 'true';

export const defaultSettings: Settings = {
  guardianUrl: import.meta.env.VITE_GUARDIAN_URL ?? '',
  policyTestUrl: import.meta.env.VITE_POLICY_TEST_URL ?? '',
  accountId: import.meta.env.VITE_ACCOUNT_ID ?? (isMock ? 'demo-account' : ''),
  identityEmail: import.meta.env.VITE_IDENTITY_EMAIL ?? (isMock ? 'admin@example.com' : ''),
  authMode: 'token',
  apiToken: isMock ? 'demo-token' : '',
  authEmail: '',
  apiKey: '',
  rememberCredentials: false,
  exprTarget: defaultTarget,
  exprTargets: {},
  theme: 'system',
};

function asRecord(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

function pickKnown(source: Record<string, unknown>): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    if (typeof source[key] === typeof defaultSettings[key]) (out as Record<string, unknown>)[key] = source[key];
  }
  return out;
}

function loadSaved(): Partial<Settings> {
  const saved = pickKnown(asRecord(readJson('local', STORAGE_KEY)));
  for (const key of CREDENTIAL_KEYS) delete saved[key];
  return saved;
}

/** An expression target this build does not know (an old or edited setting) falls back to the default. */
function withValidTargets(loaded: Settings): Settings {
  return {
    ...loaded,
    exprTarget: isTarget(loaded.exprTarget) ? loaded.exprTarget : defaultTarget,
    exprTargets: readTargets(loaded.exprTargets),
  };
}

function load(): Settings {
  const credentials = pickKnown(asRecord(readJson('session', CREDENTIALS_KEY)));
  return withValidTargets({ ...defaultSettings, ...loadSaved(), ...credentials });
}

let current: Settings = load();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function persist(settings: Settings): void {
  const { apiToken, apiKey, ...rest } = settings;
  // Storage full or denied: the settings still apply for this tab.
  writeItem('local', STORAGE_KEY, JSON.stringify(rest));
  if (settings.rememberCredentials)
    writeItem('session', CREDENTIALS_KEY, JSON.stringify({ apiToken, apiKey } satisfies Credentials));
  else removeItem('session', CREDENTIALS_KEY);
}

// Another tab changed an endpoint, the identity or the expression target: this tab uses them from
// its next request on, without a reload. Credentials are per tab (session storage) and stay as they are.
onOtherTabWrite([STORAGE_KEY], () => {
  const { apiToken, apiKey } = current;
  current = withValidTargets({ ...defaultSettings, ...loadSaved(), apiToken, apiKey });
  emit();
});

export function getSettings(): Settings {
  return current;
}

export function updateSettings(patch: Partial<Settings>): void {
  current = applyTargetRules(current, patch);
  persist(current);
  emit();
}

export function resetSettings(): void {
  current = { ...defaultSettings };
  persist(current);
  emit();
}

export function subscribeSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribeSettings, getSettings, getSettings);
}

export const isMockMode = isMock;
