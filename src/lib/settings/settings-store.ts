import { useSyncExternalStore } from 'react';
import { isTarget, type Target } from '@/lib/expr/targets';
import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { applyTargetRules, defaultTarget, readTargets } from './expr-target-per-server';

/**
 * Connection and preference settings. Everything but credentials is kept in localStorage; the API
 * token and key live in memory, or in sessionStorage when the admin asks to remember them for the
 * tab — never in localStorage, a URL or a log.
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

const STORAGE_KEY = 'policy-console.settings';
const CREDENTIALS_KEY = 'policy-console.credentials';

const env = import.meta.env;
const isMock = env.VITE_MOCK === 'true';

export const defaultSettings: Settings = {
  guardianUrl: env.VITE_GUARDIAN_URL ?? '',
  policyTestUrl: env.VITE_POLICY_TEST_URL ?? '',
  accountId: env.VITE_ACCOUNT_ID ?? (isMock ? 'demo-account' : ''),
  identityEmail: env.VITE_IDENTITY_EMAIL ?? (isMock ? 'admin@example.com' : ''),
  authMode: 'token',
  apiToken: isMock ? 'demo-token' : '',
  authEmail: '',
  apiKey: '',
  rememberCredentials: false,
  exprTarget: defaultTarget,
  exprTargets: {},
  theme: 'system',
};

function readJson(storage: Storage | undefined, key: string): Record<string, unknown> {
  try {
    const raw = storage?.getItem(key);
    const value: unknown = raw ? JSON.parse(raw) : {};
    return isPlainObject(value) ? value : {};
  } catch {
    return {};
  }
}

function pickKnown(source: Record<string, unknown>): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    if (typeof source[key] === typeof defaultSettings[key]) (out as Record<string, unknown>)[key] = source[key];
  }
  return out;
}

const storage = (name: 'localStorage' | 'sessionStorage'): Storage | undefined =>
  typeof window === 'undefined' ? undefined : window[name];

function load(): Settings {
  const saved = pickKnown(readJson(storage('localStorage'), STORAGE_KEY));
  for (const key of CREDENTIAL_KEYS) delete saved[key];
  const credentials = pickKnown(readJson(storage('sessionStorage'), CREDENTIALS_KEY));
  const loaded = { ...defaultSettings, ...saved, ...credentials };
  return {
    ...loaded,
    exprTarget: isTarget(loaded.exprTarget) ? loaded.exprTarget : defaultTarget,
    exprTargets: readTargets(loaded.exprTargets),
  };
}

let current: Settings = load();
const listeners = new Set<() => void>();

function persist(settings: Settings): void {
  const { apiToken, apiKey, ...rest } = settings;
  try {
    storage('localStorage')?.setItem(STORAGE_KEY, JSON.stringify(rest));
    const session = storage('sessionStorage');
    if (settings.rememberCredentials)
      session?.setItem(CREDENTIALS_KEY, JSON.stringify({ apiToken, apiKey } satisfies Credentials));
    else session?.removeItem(CREDENTIALS_KEY);
  } catch {
    // Storage full or disabled: settings still apply for this tab.
  }
}

export function getSettings(): Settings {
  return current;
}

export function updateSettings(patch: Partial<Settings>): void {
  current = applyTargetRules(current, patch);
  persist(current);
  for (const listener of listeners) listener();
}

export function resetSettings(): void {
  current = { ...defaultSettings };
  persist(current);
  for (const listener of listeners) listener();
}

export function subscribeSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribeSettings, getSettings, getSettings);
}

export const isMockMode = isMock;
