import type { PlanEntry } from './plan-entry';

/** Calls `run` once before the next frame (or soon, where there are no frames). */
function beforeNextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 0);
}

/**
 * The entries of one plan, updated by the planning and applying work as it goes and read by the view
 * (useSyncExternalStore). Each change replaces only the entry it concerns, so rows that did not
 * change keep their identity and are not drawn again; the view hears of changes at most once a
 * frame, however many files changed in between (a file goes through half a dozen states).
 */
export class PlanStore {
  private entries: readonly PlanEntry[] = [];
  private listeners = new Set<() => void>();
  private pending = false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getEntries = (): readonly PlanEntry[] => this.entries;

  get(key: string): PlanEntry | undefined {
    return this.entries.find((entry) => entry.key === key);
  }

  reset(entries: readonly PlanEntry[]): void {
    this.entries = entries;
    this.emit();
  }

  update(key: string, patch: Partial<PlanEntry> | ((entry: PlanEntry) => Partial<PlanEntry>)): void {
    let changed = false;
    this.entries = this.entries.map((entry) => {
      if (entry.key !== key) return entry;
      changed = true;
      return { ...entry, ...(typeof patch === 'function' ? patch(entry) : patch) };
    });
    if (changed) this.emit();
  }

  private emit(): void {
    if (this.pending) return;
    this.pending = true;
    beforeNextFrame(() => {
      this.pending = false;
      for (const listener of this.listeners) listener();
    });
  }
}
