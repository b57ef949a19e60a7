/**
 * The appeal-trace feature's public API: other features import from here only. (Only the address
 * of the trace view so far; the view itself lands with the rest of this feature.)
 */
export { tracePath } from './trace-paths';
