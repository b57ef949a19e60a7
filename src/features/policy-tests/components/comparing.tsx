import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { processedUsers } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { isTerminal, usePolicyTest } from '../api/get-policy-test';
import type { CompareView } from '../compare/compare-params';
import { comparisonKey, useComparison, useComparisonProgress } from '../compare/comparison-query';
import type { RecentTest } from '../recent/recent-tests-store';
import { CountsSideBySide } from './compare-counts';
import { CompareResults } from './compare-results';

/** Both tests' counts while they run, then the user-by-user comparison once both have finished. */
export function Comparing({
  view,
  recent,
  go,
  search,
}: {
  view: CompareView & { notices: string[] };
  recent: readonly RecentTest[];
  go: (patch: Partial<CompareView>) => void;
  search: URLSearchParams;
}) {
  const a = usePolicyTest(view.a);
  const b = usePolicyTest(view.b);
  const bothDone = isTerminal(a.data) && isTerminal(b.data);
  const expectedA = a.data ? processedUsers(a.data) : 0;
  const expectedB = b.data ? processedUsers(b.data) : 0;
  const comparison = useComparison({ id: view.a, expected: expectedA }, { id: view.b, expected: expectedB }, bothDone);
  const progress = useComparisonProgress(view.a, view.b);
  const queryClient = useQueryClient();
  const [cancelled, setCancelled] = useState(false);

  const sides = [
    { key: 'A', id: view.a, query: a, recent: recent.find((t) => t.id === view.a) },
    { key: 'B', id: view.b, query: b, recent: recent.find((t) => t.id === view.b) },
  ] as const;

  return (
    <>
      <CountsSideBySide sides={sides} />
      {sides.map(
        (side) =>
          side.query.data &&
          !isTerminal(side.query.data) && (
            <p key={side.key} className="notice" role="status">
              <span className="spinner" aria-hidden="true" />
              Test {side.key} is still running ({side.query.data.percentUsersProcessed}%). The user-by-user comparison
              starts when both tests have finished.
            </p>
          ),
      )}
      {comparison.isFetching && progress && (
        <section className="card compare-progress" aria-label="Comparison progress">
          {progress.phase === 'fetching' ? (
            <div className="compare-progress__bars">
              <ProgressBar
                label="Fetching the users of test A"
                value={progress.a}
                max={Math.max(progress.expectedA, 1)}
              />
              <ProgressBar
                label="Fetching the users of test B"
                value={progress.b}
                max={Math.max(progress.expectedB, 1)}
              />
            </div>
          ) : (
            <LoadingState label={`Matching ${formatCount(progress.a + progress.b)} results user by user…`} />
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setCancelled(true);
              void queryClient.cancelQueries({ queryKey: comparisonKey(view.a, view.b) });
            }}
          >
            <Icon name="x" />
            Cancel
          </button>
        </section>
      )}
      {!comparison.isFetching && cancelled && !comparison.data && (
        <div className="notice" role="status">
          <Icon name="info" />
          <p>
            Comparison cancelled.{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setCancelled(false);
                void comparison.refetch();
              }}
            >
              Start it again
            </button>
          </p>
        </div>
      )}
      {comparison.isError && (
        <ErrorState
          error={comparison.error}
          what="the users of both tests"
          onRetry={() => void comparison.refetch()}
          retrying={comparison.isFetching}
        />
      )}
      {comparison.data && <CompareResults comparison={comparison.data} view={view} go={go} search={search} />}
    </>
  );
}
