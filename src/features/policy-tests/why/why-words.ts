import { REASON_WORDS, type Reason } from '@/lib/appeal/verdict';
import { NO_STEP_FILTER, type UserWhy } from '@/lib/api/policy-tests/policy-test-schema';

/**
 * Why a user got their result, in words a table cell and a CSV hold: the deciding step and the
 * reason as the shared simulation words it. A reason this console does not know (a newer server)
 * is shown as the server wrote it.
 */
export function reasonWords(reason: string): string {
  return Object.hasOwn(REASON_WORDS, reason) ? REASON_WORDS[reason as Reason] : reason;
}

/** "`security_review`: `approve_if` was false" — code in backticks, for the view to set as code. */
export function whyWords(why: UserWhy): string {
  const reason = reasonWords(why.reason);
  return why.step === undefined ? reason : `\`${why.step}\`: ${reason}`;
}

/** A step filter word in words: a step's name, or what NO_STEP_FILTER means. */
export function stepWords(step: string): string {
  return step === NO_STEP_FILTER ? 'no deciding step' : step;
}

/** A step filter in a sentence: "at security_review", or "with no deciding step". */
export function atStepWords(step: string): string {
  return step === NO_STEP_FILTER ? 'with no deciding step' : `at ${step}`;
}
