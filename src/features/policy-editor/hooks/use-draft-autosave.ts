import { useCallback, useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { StorageWrite } from '@/lib/storage/safe-storage';
import { removeDraft, saveDraft } from '../draft/draft-storage';
import type { PolicyFormValues } from '../form/policy-form-schema';

export interface DraftStatus {
  dirty: boolean;
  savedAt?: Date;
  /** Why the draft could not be written: the edit lives in this page only. */
  notKept?: Exclude<StorageWrite, 'stored'>;
}

interface AutosaveOptions {
  form: UseFormReturn<PolicyFormValues>;
  draftKey: string;
  /** The values the edit started from (they change on rebase or restore): a form back at these has no draft. */
  baseValues: () => PolicyFormValues;
  baseVersion: number | null;
  latestAtStart: number | null;
  /** While a stored draft waits for "restore or discard", it must not be overwritten. */
  paused: boolean;
  /** After each write: whether the form differs from its start, and when (or why not) the draft was kept. */
  onSaved: (status: DraftStatus) => void;
  delayMs?: number;
}

/**
 * Writes the draft a moment after the admin stops typing. `schedule` is called from the form's
 * DOM events (input, change, click, key up) rather than from a react-hook-form values
 * subscription: such a subscription makes the form deep-copy all its values on every keystroke,
 * which a 200-step policy feels. Back at the starting values, the draft is removed.
 */
export function useDraftAutosave({
  form,
  draftKey,
  baseValues,
  baseVersion,
  latestAtStart,
  paused,
  onSaved,
  delayMs = 400,
}: AutosaveOptions) {
  const latest = useRef({ baseValues, baseVersion, latestAtStart, paused, onSaved, draftKey });
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = { baseValues, baseVersion, latestAtStart, paused, onSaved, draftKey };
  });

  const flush = useCallback(() => {
    timer.current = undefined;
    const {
      baseValues: baseOf,
      baseVersion: from,
      latestAtStart: latestSeen,
      paused: wait,
      onSaved: saved,
      draftKey: key,
    } = latest.current;
    if (wait || stopped.current) return;
    const base = baseOf();
    const values = form.getValues();
    if (JSON.stringify(values) === JSON.stringify(base)) {
      removeDraft(key);
      saved({ dirty: false });
      return;
    }
    const now = new Date();
    const written = saveDraft(key, { values, base, baseVersion: from, latestAtStart: latestSeen, now });
    saved(written === 'stored' ? { dirty: true, savedAt: now } : { dirty: true, notKept: written });
  }, [form]);

  // Called on every input, change, click and key up: it only notes the time. One timer runs at a
  // time and, when it fires early, waits out the rest of the pause (no timer churn per keystroke).
  const lastActivity = useRef(0);
  const schedule = useCallback(() => {
    if (stopped.current) return;
    lastActivity.current = Date.now();
    if (timer.current !== undefined) return;
    const wait = (ms: number) => {
      timer.current = setTimeout(() => {
        const rest = lastActivity.current + delayMs - Date.now();
        if (rest > 1) wait(rest);
        else flush();
      }, ms);
    };
    wait(delayMs);
  }, [flush, delayMs]);

  useEffect(() => {
    // Leaving the page (or the tab) writes what is pending rather than dropping it.
    const flushNow = () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      flush();
    };
    window.addEventListener('pagehide', flushNow);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      flushNow();
    };
  }, [flush]);

  return {
    schedule,
    /** After a successful save: nothing more is written, whatever was pending. */
    stop() {
      stopped.current = true;
      if (timer.current !== undefined) clearTimeout(timer.current);
    },
  };
}
