/**
 * The planning and applying work, with what it brings (the YAML reader, the diff, the editor's
 * checks): one chunk, loaded once a folder is chosen (and fetched while the page is idle before).
 */
export { runPlan } from './run-plan';
export { runApply } from '../apply/run-apply';
export { applyDeps, planDeps } from '../api/guardian-deps';
