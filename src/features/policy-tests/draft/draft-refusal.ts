import { isApiError } from '@/lib/api/api-error';

/**
 * Why a server would not test an unsaved draft, in the two ways that matter to the editor:
 * - `invalid`: the server checked the draft as Guardian would and refused it, in Guardian's words
 *   (our test servers answer 422 with them): the editor puts them on the fields;
 * - `unsupported`: the server takes no inline Guardian policies at all (the real API refuses the
 *   object with 400 or 422): only a saved version, or the Guardian test runner, can be tested there.
 * Anything else (no answer, 5xx, auth) is an ordinary failure.
 */
export type DraftRefusal =
  | { kind: 'invalid'; message: string }
  | { kind: 'unsupported'; serverSays: string[] }
  | { kind: 'failed'; error: unknown };

export const UNSUPPORTED_DRAFTS =
  'This test server cannot test unsaved drafts — save a version, or use the Guardian test runner.';

/** Guardian's validation words (and the request decoder's, for a field of the wrong type). */
const GUARDIAN_REFUSAL = /(?:^|\n)(?:policy validation: |parsing iam config: |invalid iam config: |proto: )|Key: '/;

export function draftRefusal(error: unknown): DraftRefusal {
  if (!isApiError(error) || error.kind !== 'http' || (error.status !== 400 && error.status !== 422)) {
    return { kind: 'failed', error };
  }
  const guardian = error.serverMessages.filter((m) => GUARDIAN_REFUSAL.test(m));
  if (guardian.length > 0) return { kind: 'invalid', message: guardian.join('\n') };
  return { kind: 'unsupported', serverSays: error.serverMessages };
}
