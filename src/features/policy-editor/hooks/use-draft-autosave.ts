import { useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { removeDraft, saveDraft } from '../draft/draft-storage';
import type { PolicyFormValues } from '../form/policy-form-schema';

interface AutosaveOptions {
  form: UseFormReturn<PolicyFormValues>;
  draftKey: string;
  /** The values the edit started from (they change on rebase or restore): a form back at these has no draft. */
  baseValues: () => PolicyFormValues;
  baseVersion: number | null;
  latestAtStart: number | null;
  /** While a stored draft waits for "restore or discard", it must not be overwritten. */
  paused: boolean;
  onSaved: (at: Date | undefined) => void;
  delayMs?: number;
}

/**
 * Writes the draft as the admin types, debounced, without re-rendering the form: react-hook-form's
 * `subscribe` calls back outside React. Back at the starting values, the draft is removed.
 */
export function useDraftAutosave({ form, draftKey, baseValues, baseVersion, latestAtStart, paused, onSaved, delayMs = 400 }: AutosaveOptions) {
  const latest = useRef({ baseValues, baseVersion, latestAtStart, paused, onSaved });
  const stopped = useRef(false);
  useEffect(() => {
    latest.current = { baseValues, baseVersion, latestAtStart, paused, onSaved };
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const { baseValues: baseOf, baseVersion: from, latestAtStart: latestSeen, paused: wait, onSaved: saved } = latest.current;
      if (wait || stopped.current) return;
      const base = baseOf();
      const values = form.getValues();
      if (JSON.stringify(values) === JSON.stringify(base)) {
        removeDraft(draftKey);
        saved(undefined);
        return;
      }
      const now = new Date();
      if (saveDraft(draftKey, { values, base, baseVersion: from, latestAtStart: latestSeen, now })) saved(now);
    };
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(flush, delayMs);
      },
    });
    // Leaving the page (or the tab) writes what is pending rather than dropping it.
    const flushNow = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      flush();
    };
    window.addEventListener('pagehide', flushNow);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flushNow);
      flushNow();
    };
  }, [form, draftKey, delayMs]);

  /** After a successful save: nothing more is written, whatever was pending. */
  return {
    stop() {
      stopped.current = true;
    },
  };
}
