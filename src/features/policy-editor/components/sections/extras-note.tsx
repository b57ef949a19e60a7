import { lazy, Suspense } from 'react';
import type { JsonPath } from '@/lib/secrets';

// Most policies have no extras: the masking code loads only for those that do.
const ExtrasNoteBody = lazy(() => import('./extras-note-body'));

interface ExtrasNoteProps {
  extras: Record<string, unknown> | undefined;
  /** "this step", "this policy": what holds them. */
  what: string;
  /** Where the extras sit in the policy, so that IAM rules of secret masking apply. */
  at?: JsonPath;
}

/** Keys the console does not model (a fork's extensions): shown read-only, secrets masked, sent back unchanged. */
export function ExtrasNote(props: ExtrasNoteProps) {
  if (!props.extras || Object.keys(props.extras).length === 0) return null;
  return (
    <Suspense fallback={null}>
      <ExtrasNoteBody {...props} />
    </Suspense>
  );
}
