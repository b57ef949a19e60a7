import { lazy } from 'react';

/**
 * The appeal-trace feature's public API: other features import from here only. The panels are
 * lazy: a view that shows them loads the simulation in a chunk of its own.
 */
export { tracePath } from './trace-paths';

/** The policy's test cases, run against the editor's draft on every change. */
export const DraftCasesPanel = lazy(() =>
  import('./components/draft-cases-panel').then((m) => ({ default: m.DraftCasesPanel })),
);
/** "6 cases: 5 pass, 1 fails" for a saved version. */
export const VersionCasesSummary = lazy(() =>
  import('./components/version-cases-summary').then((m) => ({ default: m.VersionCasesSummary })),
);

/** Before a save: problems to acknowledge (and the count, for a "Save anyway"). */
const loadSaveRisks = () => import('./components/save-risks');
export const SaveRisks = lazy(() => loadSaveRisks().then((m) => ({ default: m.SaveRisks })));
/** Fetches the save check ahead, so that the review shows its problems at once. */
export const preloadSaveRisks = (): Promise<unknown> => loadSaveRisks();
/** On a saved version (or a diff side) whose expressions will fail on the target server. */
export const PolicyRisksBanner = lazy(() =>
  import('./components/policy-risks-banner').then((m) => ({ default: m.PolicyRisksBanner })),
);

/**
 * Test cases as data and files (types, the YAML reader and writer, the store, the runner), for
 * other views such as policies as code: `const cases = await loadTestCases()`. Loaded on demand:
 * the YAML library and the simulation stay out of the views that only link here.
 */
export const loadTestCases = () => import('./cases/cases-api');
export type { TestCase } from './cases/test-case';
export type { CaseResult } from './cases/run-case';
export type { FileProblem, ParsedCasesFile } from './cases/cases-file';
