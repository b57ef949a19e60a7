/**
 * The browser's storage, never trusted to be there. Reading `window.localStorage` throws when the
 * browser denies this site storage (site data blocked, a cross-site frame, some private modes), and
 * writing throws when the quota is reached. Every use in the console goes through here, so a denied
 * or full storage costs persistence, never the page.
 */
export type StorageAreaName = 'local' | 'session';

/** What a write did: stored, refused because the storage is full, or no storage to write to. */
export type StorageWrite = 'stored' | 'full' | 'unavailable';

export function storageArea(name: StorageAreaName): Storage | undefined {
  try {
    if (typeof window === 'undefined') return undefined;
    const area = name === 'local' ? window.localStorage : window.sessionStorage;
    return area ?? undefined;
  } catch {
    return undefined;
  }
}

export function isStorageAvailable(name: StorageAreaName): boolean {
  return storageArea(name) !== undefined;
}

/** Chrome and Safari say QuotaExceededError (code 22); Firefox NS_ERROR_DOM_QUOTA_REACHED (1014). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function readItem(name: StorageAreaName, key: string): string | undefined {
  try {
    return storageArea(name)?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeItem(name: StorageAreaName, key: string, value: string): StorageWrite {
  const area = storageArea(name);
  if (!area) return 'unavailable';
  try {
    area.setItem(key, value);
    return 'stored';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'unavailable';
  }
}

export function removeItem(name: StorageAreaName, key: string): void {
  try {
    storageArea(name)?.removeItem(key);
  } catch {
    // Nothing kept means nothing to remove.
  }
}

/** Every key that starts with `prefix`. */
export function keysStartingWith(name: StorageAreaName, prefix: string): string[] {
  const area = storageArea(name);
  if (!area) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < area.length; i++) {
      const key = area.key(i);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return keys;
  }
  return keys;
}

/** JSON read leniently: anything missing or unreadable is `undefined`. */
export function readJson(name: StorageAreaName, key: string): unknown {
  const raw = readItem(name, key);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls `listener` when another tab changes one of `keys` in local storage (or clears it). The
 * browser sends this event to every other tab of the origin, never to the tab that wrote.
 */
export function onOtherTabWrite(keys: readonly string[], listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || keys.includes(event.key)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
