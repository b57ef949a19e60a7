import { useQueries } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isGoneError, policyTestQueryOptions } from '../api/get-policy-test';
import { recordTestStatus, updateRecentTest, type RecentTest } from './recent-tests-store';

/** Running tests refresh through the same single polling query the progress page uses. */
export function useLiveStatuses(tests: readonly RecentTest[]) {
  const live = tests.filter((t) => !t.missing && (t.lastStatus === undefined || t.lastStatus === 'processing'));
  const results = useQueries({ queries: live.map((t) => policyTestQueryOptions(t.id)) });
  const signature = results.map((r, i) => `${live[i]?.id}:${r.dataUpdatedAt}:${r.errorUpdatedAt}`).join('|');
  useEffect(() => {
    results.forEach((result, i) => {
      const test = live[i];
      if (!test) return;
      if (result.data) recordTestStatus(test.id, result.data, result.data.status !== 'processing');
      else if (isGoneError(result.error)) updateRecentTest(test.id, { missing: true });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature covers every result that matters
  }, [signature]);
}
