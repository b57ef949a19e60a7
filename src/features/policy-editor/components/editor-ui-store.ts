import { createContext, useContext, useSyncExternalStore } from 'react';
import { yieldToMain } from '@/lib/scheduling/in-slices';
import type { DraftStatus } from '../hooks/use-draft-autosave';

/** Up to this many steps, a policy opens with every step expanded. */
const SMALL_POLICY_STEPS = 3;

export type SectionId = 'overview' | 'steps' | 'requirements' | 'appeal' | 'iam' | 'extras';

/**
 * What is open on the page — sections and step rows — kept outside react-hook-form so that
 * expanding one of 200 steps re-renders that row, not the form. `reveal(path)` opens whatever
 * hides a field and asks for it to be focused once it is on the page.
 */
export class EditorUiStore {
  private collapsed = new Set<SectionId>();
  private expandedSteps = new Set<string>();
  private stepKeys: string[] = [];
  private listeners = new Set<() => void>();
  private version = 0;
  focusRequest: { path: string; seq: number } | undefined;
  /** What the polite live region says: moves, removals, saves. */
  announcement = '';

  constructor(initiallyExpandedSteps: Iterable<string> = []) {
    for (const key of initiallyExpandedSteps) this.expandedSteps.add(key);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = () => this.version;

  private emit() {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  isSectionOpen(id: SectionId) {
    return !this.collapsed.has(id);
  }

  toggleSection(id: SectionId) {
    if (this.collapsed.has(id)) this.collapsed.delete(id);
    else this.collapsed.add(id);
    this.emit();
  }

  isStepExpanded(key: string) {
    return this.expandedSteps.has(key);
  }

  setStepExpanded(key: string, expanded: boolean) {
    if (expanded === this.expandedSteps.has(key)) return;
    if (expanded) this.expandedSteps.add(key);
    else this.expandedSteps.delete(key);
    this.emit();
  }

  /** A running "expand all" / "collapse all", and how far it got. */
  bulk: { expanding: boolean; done: number; total: number } | undefined;
  private bulkRun = 0;

  /**
   * Expands (or collapses) every step a slice at a time, giving the page back between slices: each
   * expanded step mounts a whole form, and 2,000 at once would hold the page still for seconds.
   * A slice takes as many steps as fit in about a frame's worth of work, measured as it goes.
   */
  async setAllStepsExpanded(expanded: boolean, { frameMs = 12 } = {}): Promise<void> {
    const run = ++this.bulkRun;
    const pending = this.stepKeys.filter((key) => this.expandedSteps.has(key) !== expanded);
    let done = 0;
    let slice = 4;
    while (done < pending.length) {
      const started = performance.now();
      for (const key of pending.slice(done, done + slice)) {
        if (expanded) this.expandedSteps.add(key);
        else this.expandedSteps.delete(key);
      }
      done = Math.min(pending.length, done + slice);
      this.bulk = done < pending.length ? { expanding: expanded, done, total: pending.length } : undefined;
      this.emit();
      if (done >= pending.length) break;
      // React renders the slice's rows after this task: the time until the next task starts is the
      // slice's real cost, and sizes the next one.
      await yieldToMain();
      if (run !== this.bulkRun) return; // another expand or collapse took over
      const took = performance.now() - started;
      slice = Math.max(1, Math.min(100, Math.round(slice * (took > 0 ? frameMs / took : 2))));
    }
    if (pending.length === 0 && this.bulk) {
      this.bulk = undefined;
      this.emit();
    }
  }

  announce(text: string) {
    // The same words twice in a row would not be read again: make them differ invisibly.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
    this.emit();
  }

  /**
   * The steps section tells which field-array key sits at which index. A fresh list (first render,
   * import, restored draft) of a few steps opens them all; a long one starts collapsed.
   */
  setStepKeys(keys: string[]) {
    const fresh = !keys.some((key) => this.stepKeys.includes(key));
    this.stepKeys = keys;
    if (fresh && keys.length > 0 && keys.length <= SMALL_POLICY_STEPS) {
      for (const key of keys) this.expandedSteps.add(key);
      this.emit();
    }
  }

  /** Whether the form differs from where the edit started, and when (or why not) the draft was last written. */
  draft: DraftStatus = { dirty: false };

  setDraftStatus(status: DraftStatus) {
    const { dirty, savedAt, notKept } = this.draft;
    if (dirty === status.dirty && savedAt === status.savedAt && notKept === status.notKept) return;
    this.draft = status;
    this.emit();
  }

  /** Opens the section and step that hold `path`, then asks for the field to be focused. */
  reveal(path: string) {
    const [root, index] = path.split('.');
    const section = sectionOfPath(path);
    this.collapsed.delete(section);
    if (root === 'steps' && index !== undefined) {
      const key = this.stepKeys[Number(index)];
      if (key) this.expandedSteps.add(key);
    }
    this.focusRequest = { path, seq: (this.focusRequest?.seq ?? 0) + 1 };
    this.emit();
  }
}

function sectionOfPath(path: string): SectionId {
  const root = path.split('.')[0];
  if (root === 'steps' || root === 'requirements' || root === 'appeal' || root === 'iam') return root;
  return 'overview';
}

export const EditorUiContext = createContext<EditorUiStore | null>(null);

export function useEditorUi(): EditorUiStore {
  const store = useContext(EditorUiContext);
  if (!store) throw new Error('useEditorUi outside the policy editor');
  return store;
}

/** Re-renders the caller when `select` changes its answer. */
export function useEditorUiValue<T>(select: (store: EditorUiStore) => T): T {
  const store = useEditorUi();
  return useSyncExternalStore(store.subscribe, () => select(store));
}
