import { describe, expect, it } from 'vitest';
import { runningTest } from '../test/running-test';
import { checkTestCounts } from './count-problems';

const test = runningTest;

describe('checkTestCounts', () => {
  it('finds nothing wrong with counts that add up', () => {
    expect(checkTestCounts(test({}), 1500)).toEqual({
      problems: [],
      percentsAgree: true,
      processed: 2000,
      total: 5000,
    });
  });

  it('says a "complete" test that evaluated 2,000 of 5,000 users is not what it claims', () => {
    const check = checkTestCounts(test({ status: 'complete' }));
    expect(check.problems).toEqual([
      'The server calls the test complete, but only 2,000 of 5,000 users were evaluated: 3,000 were not.',
    ]);
  });

  it('refuses percentages over 100% and percentages its counts contradict, computing them instead', () => {
    const check = checkTestCounts(test({ percentUsersProcessed: 140, percentApproved: 180 }));
    expect(check.percentsAgree).toBe(false);
    expect(check.problems.join('\n')).toMatch(/140% of users were processed: more than all of them/);
    expect(check.problems.join('\n')).toMatch(/says 180% approved, but its own counts make 50%/);
  });

  it('says when progress goes backwards', () => {
    expect(checkTestCounts(test({}), 3000).problems).toEqual([
      'Progress went backwards: the server had reported 3,000 users evaluated, and now reports 2,000.',
    ]);
  });

  it('treats a total of 0 beside evaluated users, or below them, as unknown', () => {
    expect(checkTestCounts(test({ totalUsers: 0 }))).toMatchObject({
      total: 0,
      problems: ['The server reports 0 users in all, yet 2,000 users evaluated: its total is missing.'],
    });
    expect(checkTestCounts(test({ totalUsers: 1500 }))).toMatchObject({
      total: 0,
      problems: ['The server counts 2,000 users evaluated out of only 1,500.'],
    });
  });

  it('does not hold percentages a server left out (zero values are omitted) against it', () => {
    const check = checkTestCounts(test({ percentApproved: 0, percentBlocked: 0, percentErrored: 0 }));
    expect(check).toMatchObject({ problems: [], percentsAgree: false });
  });
});
