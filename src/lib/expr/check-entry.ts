/** What `loadExpr()` fetches: the checker only, so the lazy chunk leaves out the evaluator. */
export { check } from './index';
