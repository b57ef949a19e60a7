import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount, formatPercent } from '@/lib/format/format-number';
import { reasonWords } from '../why/why-words';

/** More than half of the evaluated users errored: the result says more about the policy than about people. */
export function errorsDominate(test: PolicyTest): boolean {
  const processed = processedUsers(test);
  return processed > 0 && test.usersErrored * 2 > processed;
}

/**
 * The warning in words: "3,912 of 5,000 users (78%) errored: the most common error is “…”, at step
 * `security_review`." The most common error comes from the status's reasons, where the server says.
 */
export function errorsDominateWords(test: PolicyTest): { headline: string; detail: string } {
  const processed = processedUsers(test);
  const headline = `${formatCount(test.usersErrored)} of ${formatCount(processed)} users (${formatPercent(test.usersErrored, processed)}) errored`;
  const top = test.reasons?.find((r) => r.status === 'error');
  if (!top) {
    return {
      headline: `${headline}.`,
      detail: test.reasons
        ? 'The server did not say which error.'
        : 'This server does not report why a user errored: open the errored users below to see who.',
    };
  }
  const what = top.error ? `“${top.error}”` : reasonWords(top.reason);
  const where = top.step === undefined ? 'before the first step' : `at step \`${top.step}\``;
  const share = top.users === test.usersErrored ? 'every one of them' : `${formatCount(top.users)} of them`;
  return {
    headline: `${headline}: the most common error is ${what}, ${where} (${share}).`,
    detail:
      'A result this dominated by errors says more about the policy than about who may get access: fix the error first.',
  };
}
