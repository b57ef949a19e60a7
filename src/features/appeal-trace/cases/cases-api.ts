/** Test cases as data and files, for other views (e.g. policies as code); loaded with `loadTestCases()`. */
export { describeExpectation, type Expectation, type TestCase } from './test-case';
export { casesFileName, parseCasesFile, toCasesYaml, type FileProblem, type ParsedCasesFile } from './cases-file';
export { casesSnapshot, importCases } from './cases-store';
export { caseTraceQuery } from '../form/case-to-form';
export type { CaseResult } from './run-case';
/** Runs cases against a policy in the trace worker (never on the page's own thread). */
export { runTraceJob } from '../run/trace-runner';
