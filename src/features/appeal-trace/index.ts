/** The appeal-trace feature's public API: other features import from here only. */
export { tracePath } from './trace-paths';
