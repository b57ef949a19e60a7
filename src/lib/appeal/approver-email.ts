/**
 * Guardian's `email` rule for approvers (go-playground/validator's `email` tag). The rule itself lives
 * with the other validator rules; the simulation reaches it through this one import.
 */
export { isEmail } from '../guardian-rules/is-email';
