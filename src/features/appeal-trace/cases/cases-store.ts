import { useSyncExternalStore } from 'react';
import { isStorageAvailable, readJson, removeItem, writeItem } from '@/lib/storage/safe-storage';
import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import { OUTCOME_NAMES, type TestCase } from './test-case';

/**
 * Each policy's test cases, kept in the browser (localStorage, through the safe-storage module). Where
 * storage is denied (a privacy setting, a full quota) the cases live for this tab only and `persistent`
 * says so.
 */
const PREFIX = 'policy-console.cases.v1.';
const memory = new Map<string, TestCase[]>();
const listeners = new Set<() => void>();
const snapshots = new Map<string, CasesSnapshot>();
let storageWorks: boolean | undefined;

export interface CasesSnapshot {
  cases: readonly TestCase[];
  /** False when the browser refuses storage: cases go when the tab does. */
  persistent: boolean;
}

/** Storage is anyone's to edit (another version of the console, a hand, an extension): only whole cases are read. */
function isStoredCase(value: unknown): value is TestCase {
  return (
    isPlainObject(value) &&
    typeof value.name === 'string' &&
    typeof value.createdBy === 'string' &&
    typeof value.at === 'string' &&
    isPlainObject(value.iam) &&
    typeof value.iam.ok === 'boolean' &&
    isPlainObject(value.request) &&
    isPlainObject(value.request.resource) &&
    isPlainObject(value.expect) &&
    OUTCOME_NAMES.includes(value.expect.outcome as never)
  );
}

function read(policyId: string): TestCase[] {
  if (memory.has(policyId)) return memory.get(policyId)!;
  const saved = readJson('local', PREFIX + policyId);
  const cases = Array.isArray(saved) ? saved.filter(isStoredCase) : [];
  storageWorks ??= isStorageAvailable('local');
  memory.set(policyId, cases);
  return cases;
}

function write(policyId: string, cases: TestCase[]): void {
  memory.set(policyId, cases);
  snapshots.delete(policyId);
  if (cases.length === 0) {
    removeItem('local', PREFIX + policyId);
    storageWorks = isStorageAvailable('local');
  } else {
    storageWorks = writeItem('local', PREFIX + policyId, JSON.stringify(cases)) === 'stored';
  }
  for (const listener of listeners) listener();
}

export function casesSnapshot(policyId: string): CasesSnapshot {
  const cached = snapshots.get(policyId);
  if (cached && cached.persistent === (storageWorks !== false)) return cached;
  const snapshot = { cases: read(policyId), persistent: storageWorks !== false };
  snapshots.set(policyId, snapshot);
  return snapshot;
}

/** Adds a case, replacing one of the same name. */
export function saveCase(policyId: string, testCase: TestCase): void {
  write(policyId, [...read(policyId).filter((c) => c.name !== testCase.name), testCase]);
}

export function removeCase(policyId: string, name: string): void {
  write(
    policyId,
    read(policyId).filter((c) => c.name !== name),
  );
}

/** Adds imported cases; those named like existing ones replace them. */
export function importCases(policyId: string, cases: readonly TestCase[]): void {
  const names = new Set(cases.map((c) => c.name));
  write(policyId, [...read(policyId).filter((c) => !names.has(c.name)), ...cases]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith(PREFIX)) return;
    const policyId = event.key.slice(PREFIX.length);
    memory.delete(policyId);
    snapshots.delete(policyId);
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function usePolicyCases(policyId: string): CasesSnapshot {
  return useSyncExternalStore(
    subscribe,
    () => casesSnapshot(policyId),
    () => casesSnapshot(policyId),
  );
}

/** For tests: forget what was read. */
export function resetCasesStore(): void {
  memory.clear();
  snapshots.clear();
  storageWorks = undefined;
}
