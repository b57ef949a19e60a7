/** The policy editor's public API: other features import from here only. */
export { checkPolicy, explainServerRefusal, type PolicyProblem } from './rules/check-policy';
export { validationMessageOf } from './server-errors/is-validation-error';
