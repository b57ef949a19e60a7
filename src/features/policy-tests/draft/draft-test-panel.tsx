import type { MouseEvent } from 'react';
import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { ErrorState } from '@/components/states/error-state';
import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { Link } from '@/lib/router';
import { isGoneError, isTerminal, usePolicyTest } from '../api/get-policy-test';
import { compareTestsPath } from '../compare/compare-params';
import { ErrorsDominateNotice } from '../components/errors-dominate-notice';
import { TestStatusBadge } from '../components/status-badges';
import { errorsDominate } from '../progress/errors-dominate';
import { useRecentTests, type RecentTest } from '../recent/recent-tests-store';
import { testProgressPath } from '../test-progress-path';
import './draft-test.css';

export interface DraftTestPanelProps {
  /** The policy whose latest draft test to show. */
  policyId: string;
  /** Called before the view leaves for the delta (the editor keeps its draft and lets it go). */
  onLeave?: () => void;
}

/**
 * The latest test of an unsaved draft of this policy, with its saved version's test beside it: both
 * bars while they run, and the delta one click away. Read from the tests this browser remembers, so
 * it is still here after a reload.
 */
export function DraftTestPanel({ policyId, onLeave }: DraftTestPanelProps) {
  const entry = useRecentTests().find((t) => t.draft?.policyId === policyId);
  if (!entry?.draft) return null;
  return <DraftTestCard key={entry.id} entry={entry} onLeave={onLeave} />;
}

function DraftTestCard({ entry, onLeave }: { entry: RecentTest; onLeave?: () => void }) {
  const { baseVersion, baseTestId } = entry.draft!;
  // Only a plain click leaves this page; one that opens a new tab leaves the editor as it was.
  const leave = (event: MouseEvent) => {
    if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) onLeave?.();
  };
  const draft = usePolicyTest(entry.id);
  const started = entry.startedAt ? new Date(entry.startedAt) : undefined;
  return (
    <section className="card draft-test" aria-labelledby="draft-test-heading">
      <div className="draft-test__head">
        <h2 id="draft-test-heading">Test of this draft</h2>
        {started && (
          <span className="muted">
            started {started.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}; later edits are not
            in it
          </span>
        )}
      </div>
      {draft.data && isTerminal(draft.data) && errorsDominate(draft.data) && <ErrorsDominateNotice test={draft.data} />}
      <div className="draft-test__sides">
        {baseTestId && baseVersion !== undefined && (
          <SideProgress label={`Saved version v${baseVersion}`} testId={baseTestId} />
        )}
        <SideProgress label="This draft (unsaved)" testId={entry.id} />
      </div>
      <div className="draft-test__actions">
        {baseTestId ? (
          <Link className="button button--primary" to={compareTestsPath(baseTestId, entry.id)} onClick={leave}>
            <Icon name="compare" />
            Open the delta
          </Link>
        ) : (
          <p className="muted">
            {baseVersion === undefined
              ? 'A new policy has no saved version to compare with.'
              : 'The saved version could not be tested beside it; the draft’s own results are complete.'}
          </p>
        )}
        <Link className="button" to={testProgressPath(entry.id)} onClick={leave}>
          <Icon name="tests" />
          The draft’s users
        </Link>
      </div>
    </section>
  );
}

function SideProgress({ label, testId }: { label: string; testId: string }) {
  const query = usePolicyTest(testId);
  const test = query.data;
  if (isGoneError(query.error)) return <p className="tone--danger">{label}: this test no longer exists.</p>;
  if (!test && query.isError)
    return <ErrorState compact error={query.error} what={label} onRetry={() => void query.refetch()} />;
  const processed = test ? processedUsers(test) : undefined;
  return (
    <div className="draft-test__side">
      <ProgressBar
        label={label}
        value={processed}
        max={test?.totalUsers ?? 0}
        tone={test?.status === 'exceeded time' ? 'warning' : 'accent'}
      />
      {/* Kept while the status is on its way: its arrival must not move the buttons below under the pointer. */}
      <p className="draft-test__counts">
        {test ? (
          <>
            <TestStatusBadge status={test.status} /> <Counts test={test} />
          </>
        ) : (
          <span className="muted">Waiting for its status…</span>
        )}
      </p>
    </div>
  );
}

function Counts({ test }: { test: PolicyTest }) {
  return (
    <span className="muted">
      {formatCount(test.usersApproved)} approved · {formatCount(test.usersBlocked)} blocked ·{' '}
      {formatCount(test.usersErrored)} errored
    </span>
  );
}
