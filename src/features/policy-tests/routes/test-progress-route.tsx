import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { Link } from '@/lib/router';
import { useParams } from '@/lib/router/use-params';
import { Icon } from '@/components/icon/icon';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { processedUsers } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { isGoneError, isTerminal, pollingCanRecover, usePolicyTest } from '../api/get-policy-test';
import { parseGuardianPolicyRef } from '../api/start-policy-test';
import { GoneTest } from '../components/gone-test';
import { launchTestPath } from '../launch/launch-params';
import { PolicyRefs } from '../components/policy-refs';
import { failureWords, TestProgressCard } from '../components/test-progress-card';
import { TestUsersSection } from '../components/test-users-section';
import { recordTestStatus, rememberTest, updateRecentTest, useRecentTest } from '../recent/recent-tests-store';
import { traceOfTest } from '../why/user-trace-path';
import '../policy-tests.css';
import { TESTS_CRUMBS } from '../tests-crumbs';
import { PageHeader } from '@/components/page-header/page-header';

/** `/tests/:id`: one test's live progress and its users. */
export function TestProgressRoute() {
  const testId = useParams().id ?? '';
  const status = usePolicyTest(testId);
  const recent = useRecentTest(testId);
  const test = status.data;
  const terminal = isTerminal(test);
  const gone = isGoneError(status.error);

  // Remember a test opened by link, and keep its last known state for the recent list.
  useEffect(() => {
    if (test) {
      rememberTest({ id: testId });
      recordTestStatus(testId, test, isTerminal(test));
    }
  }, [testId, test]);
  useEffect(() => {
    if (gone) updateRecentTest(testId, { missing: true });
  }, [gone, testId]);

  const failing = status.failureCount > 0 || status.isError;
  const failure = status.failureReason ?? status.error;
  const canReconnect = Boolean(test) && failing && !gone && pollingCanRecover(failure);
  const attempts = Math.max(status.failureCount, 1);
  // Stable while nothing fails, so the (memoised) progress card skips the re-render a page switch causes.
  const reconnecting = useMemo(
    () => (canReconnect ? { error: failure, attempts } : undefined),
    [canReconnect, failure, attempts],
  );
  const { refetch } = status;
  const retryNow = useCallback(() => void refetch(), [refetch]);
  const processed = test ? processedUsers(test) : 0;
  const traceOf = useMemo(() => traceOfTest(recent?.policies), [recent?.policies]);

  const name = testName(recent?.policies ?? [], testId);
  return (
    <section className="page test-page">
      <title>
        {`${test?.status === 'processing' ? `${test.percentUsersProcessed}% · ` : ''}${name.text} · Policy Console`}
      </title>
      <PageHeader
        crumbs={TESTS_CRUMBS}
        title={name.title}
        subtitle={
          <>
            {recent && recent.policies.length > 0 && (
              <>
                Policy <PolicyRefs policies={recent.policies} /> ·{' '}
              </>
            )}
            Test id <span className="mono break-anywhere">{testId}</span>
          </>
        }
        actions={
          (test || (recent && recent.policies.length > 0)) && (
            <>
              {test && (
                <Link className="button" to={`/tests/compare?b=${encodeURIComponent(testId)}`}>
                  <Icon name="compare" />
                  Compare with…
                </Link>
              )}
              {recent && recent.policies.length > 0 && !recent.draft && (
                <Link
                  className="button"
                  to={rerunPath(recent.policies)}
                  title="The New test form with this test’s choices, to change them or start it again"
                >
                  <Icon name="restore" />
                  Run again…
                </Link>
              )}
            </>
          )
        }
      />

      <div className="visually-hidden" role="status">
        {test && terminal
          ? `Test ${describeStatus(test.status)}: ${formatCount(test.usersApproved)} approved, ${formatCount(test.usersBlocked)} blocked, ${formatCount(test.usersErrored)} errored.`
          : ''}
      </div>

      {gone && <GoneTest testId={testId} remembered={Boolean(recent)} />}
      {!gone && status.isPending && (
        <LoadingState
          label={
            status.failureCount > 0
              ? `Connecting… (${failureWords(status.failureReason)}; try ${status.failureCount + 1})`
              : 'Loading the test status…'
          }
        />
      )}
      {!gone && status.isError && !test && (
        <ErrorState
          error={status.error}
          what="this test"
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      )}
      {!gone && test && (
        <>
          {status.isError && !reconnecting && (
            <ErrorState
              compact
              error={status.error}
              what="the latest status (showing the last one received)"
              onRetry={() => void status.refetch()}
            />
          )}
          <TestProgressCard
            test={test}
            terminal={terminal}
            updatedAt={status.dataUpdatedAt}
            recent={recent}
            reconnecting={reconnecting}
            onRetryNow={retryNow}
          />
          {test.status === 'blocked' && processed === 0 ? null : (
            <TestUsersSection testId={testId} test={test} settled={terminal} traceOf={traceOf} />
          )}
        </>
      )}
    </section>
  );
}

/** "Test of bigquery_approval v3": what was tested, which a person recognises; the id only when nothing else is known. */
function testName(policies: readonly string[], testId: string): { title: ReactNode; text: string } {
  const only = policies.length === 1 ? parseGuardianPolicyRef(policies[0]!) : undefined;
  if (only) {
    return {
      title: (
        <>
          Test of <span className="mono">{only.policyId}</span> v{only.version}
        </>
      ),
      text: `Test of ${only.policyId} v${only.version}`,
    };
  }
  if (policies.length > 1)
    return { title: `Test of ${policies.length} policies`, text: `Test of ${policies.length} policies` };
  return {
    title: (
      <>
        Test <span className="mono">{testId.slice(0, 8)}</span>
      </>
    ),
    text: `Test ${testId}`,
  };
}

function describeStatus(status: string): string {
  if (status === 'complete') return 'complete';
  if (status === 'exceeded time') return 'stopped: exceeded time';
  if (status === 'blocked') return 'blocked by the server';
  return status;
}

/** "Run again" pre-fills the launch page with the same policies. */
function rerunPath(policies: readonly string[]): string {
  const guardian = policies.length === 1 ? parseGuardianPolicyRef(policies[0]!) : undefined;
  return launchTestPath(guardian ?? { ids: policies });
}
