import type { PlanEntry } from './plan-entry';

/**
 * The entries of one plan, updated by the planning and applying work as it goes and read by the view
 * (useSyncExternalStore). Each change replaces only the entry it concerns, so rows that did not
 * change keep their identity and are not drawn again.
 */
export class PlanStore {
  private entries: readonly PlanEntry[] = [];
  private listeners = new Set<() => void>();

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
    for (const listener of this.listeners) listener();
  }
}
