import type { WirePolicy } from '../db/wire-form';
import type { TestRecord } from '../engine/test-run';
import type { FaultState } from '../faults/fault-store';
import type { MockConfig } from './config';

/** What survives a page reload in the browser: compact records, never computed results. */
interface PersistedState {
  version: 1;
  config: Partial<MockConfig>;
  faults?: FaultState;
  writes: WirePolicy[];
  tests: TestRecord[];
}

export interface MockPersistence {
  load(): PersistedState | undefined;
  save(state: PersistedState): void;
  clear(): void;
}

export const memoryPersistence = (): MockPersistence => {
  let saved: PersistedState | undefined;
  return {
    load: () => (saved ? structuredClone(saved) : undefined),
    save: (state) => {
      saved = structuredClone(state);
    },
    clear: () => {
      saved = undefined;
    },
  };
};

const STORAGE_KEY = 'policy-console.mock.state';

/** localStorage under `policy-console.mock.state`; a full or broken storage just means no persistence. */
export function localStoragePersistence(storage: Storage): MockPersistence {
  return {
    load() {
      try {
        const raw = storage.getItem(STORAGE_KEY);
        const parsed = raw ? (JSON.parse(raw) as PersistedState) : undefined;
        return parsed?.version === 1 ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    save(state) {
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify(state));
      } catch {
        // Quota exceeded: the mock keeps working in memory.
      }
    },
    clear() {
      try {
        storage.removeItem(STORAGE_KEY);
      } catch {
        // A storage that cannot be written cannot hold a state to clear.
      }
    },
  };
}
