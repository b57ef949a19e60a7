/** What `loadExpr()` fetches: the checker and the names completion offers; the evaluator's closures stay out. */
export { check } from './index';
export { builtinNames } from './builtins';
