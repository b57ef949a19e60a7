import { lazy } from 'react';

/** Public API of the policy-tests feature, for other features (e.g. the policy version page, the editor). */
export { launchTestPath } from './launch/launch-params';

/**
 * Testing an unsaved draft (our test servers' extension): start it, and read a server's refusal. The
 * starter brings the test client and the recent-tests store, which an editor needs only once asked
 * to test, so it is loaded then.
 */
export const loadDraftTestStarter = () => import('./draft/start-draft-test').then((m) => m.startDraftTest);
export type { DraftTestInput } from './draft/start-draft-test';
export { draftRefusal, UNSUPPORTED_DRAFTS, type DraftRefusal } from './draft/draft-refusal';

/** The latest draft test of a policy with its saved version's test beside it; a chunk of its own. */
export const DraftTestPanel = lazy(() =>
  import('./draft/draft-test-panel').then((m) => ({ default: m.DraftTestPanel })),
);
