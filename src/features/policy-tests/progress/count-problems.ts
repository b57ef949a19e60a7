import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';

/**
 * What does not add up in a test's status, in words. The server's counts are checked against each
 * other and against what this page saw before; the view shows them as reported but never states a
 * conclusion ("every user was evaluated", a bar past its end) that they do not support.
 */
export interface CountCheck {
  problems: string[];
  /** The server's own percentages agree with its counts (else percentages are computed from the counts). */
  percentsAgree: boolean;
  /** Users the test has evaluated, and the whole base, as far as the counts can be trusted. */
  processed: number;
  /** 0 when the server's total is missing or below what it evaluated: then the total is unknown. */
  total: number;
}

const OUTCOMES = [
  ['approved', 'usersApproved', 'percentApproved'],
  ['blocked', 'usersBlocked', 'percentBlocked'],
  ['errored', 'usersErrored', 'percentErrored'],
] as const;

const users = (n: number) => `${formatCount(n)} ${n === 1 ? 'user' : 'users'}`;

/** `seenProcessed`: the most users this page has seen evaluated so far (progress never goes back). */
export function checkTestCounts(test: PolicyTest, seenProcessed = 0): CountCheck {
  const problems: string[] = [];
  const processed = processedUsers(test);
  let total = test.totalUsers;

  if (total === 0 && processed > 0) {
    problems.push(`The server reports 0 users in all, yet ${users(processed)} evaluated: its total is missing.`);
  } else if (processed > total) {
    problems.push(`The server counts ${users(processed)} evaluated out of only ${formatCount(total)}.`);
    total = 0;
  }
  if (test.percentUsersProcessed > 100) {
    problems.push(`The server says ${test.percentUsersProcessed}% of users were processed: more than all of them.`);
  }
  // A server that leaves the percentages out (zero values are omitted) is not contradicting anything.
  const reportsPercents = OUTCOMES.some(([, , percent]) => test[percent] > 0) || processed === 0;
  let percentsAgree = reportsPercents;
  for (const [word, count, percent] of reportsPercents ? OUTCOMES : []) {
    const reported = test[percent];
    const computed = processed > 0 ? (test[count] / processed) * 100 : 0;
    if (reported > 100 || (processed > 0 && Math.abs(reported - computed) > 1.5)) {
      percentsAgree = false;
      problems.push(
        `The server says ${reported}% ${word}, but its own counts make ${Math.round(computed)}% (${formatCount(test[count])} of ${formatCount(processed)}); the percentages shown are computed from the counts.`,
      );
    }
  }
  if (processed < seenProcessed) {
    problems.push(
      `Progress went backwards: the server had reported ${users(seenProcessed)} evaluated, and now reports ${formatCount(processed)}.`,
    );
  }
  if (test.status === 'complete' && total > 0 && processed < total) {
    problems.push(
      `The server calls the test complete, but only ${formatCount(processed)} of ${users(total)} were evaluated: ${formatCount(total - processed)} were not.`,
    );
  }
  return { problems, percentsAgree, processed, total };
}
