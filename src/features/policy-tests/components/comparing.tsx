import { useMemo } from 'react';
import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { ErrorState } from '@/components/states/error-state';
import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { isTerminal, usePolicyTest } from '../api/get-policy-test';
import type { CompareView } from '../compare/compare-params';
import { useLiveComparison } from '../compare/use-live-comparison';
import type { RecentTest } from '../recent/recent-tests-store';
import { traceOfTest } from '../why/user-trace-path';
import { parseGuardianPolicyRef } from '../api/start-policy-test';
import { CountsSideBySide } from './compare-counts';
import { CompareResults } from './compare-results';
import { CompareStepGroups } from './compare-step-groups';
import { DraftLink } from './draft-link';

interface ComparingProps {
  view: CompareView & { notices: string[] };
  recent: readonly RecentTest[];
  go: (patch: Partial<CompareView>) => void;
  hrefFor: (patch: Partial<CompareView>) => string;
}

/**
 * Both tests' counts and bars, and the user-by-user comparison filling in while they run: the
 * delta of a change is there as soon as both tests have reported the first thousand users.
 */
export function Comparing({ view, recent, go, hrefFor }: ComparingProps) {
  const a = usePolicyTest(view.a);
  const b = usePolicyTest(view.b);
  const live = useLiveComparison(view.a, view.b, a.data, b.data);
  const recentA = recent.find((t) => t.id === view.a);
  const recentB = recent.find((t) => t.id === view.b);
  const sides = [
    { key: 'A', id: view.a, query: a, recent: recentA },
    { key: 'B', id: view.b, query: b, recent: recentB },
  ] as const;
  const trace = useMemo(() => traceFor(recentA, recentB), [recentA, recentB]);
  const comparison = live.comparison;
  const state = live.state;

  return (
    <>
      {[recentA, recentB].map((r, i) => r?.draft && <DraftLink key={i} side={i === 0 ? 'A' : 'B'} test={r} />)}
      <CountsSideBySide sides={sides} />
      <section className="card compare-progress" aria-label="Both tests’ progress">
        <div className="compare-progress__bars">
          <SideBar side="A" test={a.data} read={comparison?.read.a} />
          <SideBar side="B" test={b.data} read={comparison?.read.b} />
        </div>
        {state?.kind === 'running' && !(isTerminal(a.data) && isTerminal(b.data)) && (
          <p className="muted compare-progress__note">
            <span className="spinner" aria-hidden="true" /> The comparison fills in as both tests report users; the page
            you are on stays put.
          </p>
        )}
        {state?.kind === 'stopped' && (
          <div className="notice" role="status">
            <Icon name="info" />
            <p>
              Comparison paused.{' '}
              <button type="button" className="button button--small" onClick={() => live.run?.start()}>
                Go on
              </button>
            </p>
          </div>
        )}
        {state?.kind === 'running' && (
          <button type="button" className="button button--small" onClick={() => live.run?.stop()}>
            <Icon name="x" />
            Pause
          </button>
        )}
      </section>
      {state?.kind === 'failed' && (
        <ErrorState error={state.error} what="the users of both tests" onRetry={() => live.run?.start()} />
      )}
      {comparison && (
        <CompareStepGroups
          groups={comparison.groups}
          explained={comparison.explained}
          complete={comparison.complete}
          view={view}
          hrefFor={hrefFor}
        />
      )}
      {comparison && <CompareResults comparison={comparison} view={view} go={go} hrefFor={hrefFor} trace={trace} />}
    </>
  );
}

/** One test's progress: users it evaluated, and how many of them the comparison has read. */
function SideBar({ side, test, read }: { side: 'A' | 'B'; test: PolicyTest | undefined; read: number | undefined }) {
  const processed = test ? processedUsers(test) : undefined;
  const total = test?.totalUsers ?? 0;
  const readText = read === undefined ? '' : `; ${formatCount(read)} compared`;
  return (
    <ProgressBar
      label={`Test ${side} (${side === 'A' ? 'before' : 'after'})`}
      value={processed}
      max={total}
      valueText={
        processed === undefined
          ? 'Waiting for its status…'
          : `${formatCount(processed)} of ${formatCount(total)} users evaluated${readText}`
      }
      tone={test?.status === 'exceeded time' ? 'warning' : 'accent'}
    />
  );
}

/** Each person's trace through a saved version: B's when B is one (it now decides), else A's. */
function traceFor(a: RecentTest | undefined, b: RecentTest | undefined) {
  for (const test of [b, a]) {
    const of = traceOfTest(test?.policies);
    const ref = test?.policies.length === 1 ? parseGuardianPolicyRef(test.policies[0]!) : undefined;
    if (of && ref) return { of, label: `Trace in v${ref.version}` };
  }
  return undefined;
}
