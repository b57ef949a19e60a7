import { memo, useState } from 'react';
import { Icon } from '@/components/icon/icon';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import { SegmentedProgressBar } from '@/components/progress-bar/segmented-progress-bar';
import { isApiError } from '@/lib/api/api-error';
import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatDate } from '@/lib/format/format-date';
import { formatCount, formatPercent } from '@/lib/format/format-number';
import { checkTestCounts, type CountCheck } from '../progress/count-problems';
import { addSample, estimateTimeLeft, formatDuration, type ProgressSample } from '../progress/estimate-time-left';
import type { RecentTest } from '../recent/recent-tests-store';
import { errorsDominate } from '../progress/errors-dominate';
import { ErrorsDominateNotice } from './errors-dominate-notice';
import { TestStatusBadge } from './status-badges';
import { useNow } from '@/lib/time/use-now';

interface TestProgressCardProps {
  test: PolicyTest;
  terminal: boolean;
  /** When the last answer arrived (ms), the clock of the rate estimate. */
  updatedAt: number;
  recent: RecentTest | undefined;
  /** Set while the status endpoint is failing and the view shows the last answer. */
  reconnecting?: { error: unknown; attempts: number };
  onRetryNow: () => void;
}

/** `trustPercents`: the server's percentages agree with its counts (else they are computed from the counts). */
function outcomeSegments(test: PolicyTest, trustPercents: boolean) {
  const segments = [
    {
      key: 'approved',
      label: 'Approved',
      value: test.usersApproved,
      percent: test.percentApproved,
      tone: 'success',
      icon: 'approved',
    },
    {
      key: 'blocked',
      label: 'Blocked',
      value: test.usersBlocked,
      percent: test.percentBlocked,
      tone: 'danger',
      icon: 'blocked',
    },
    {
      key: 'errored',
      label: 'Errored',
      value: test.usersErrored,
      percent: test.percentErrored,
      tone: 'warning',
      icon: 'error',
    },
  ] as const;
  return trustPercents ? segments : segments.map((segment) => ({ ...segment, percent: undefined }));
}

/** Status, time and the two bars of a test, with what a terminal status means in words. */
export const TestProgressCard = memo(function TestProgressCard({
  test,
  terminal,
  updatedAt,
  recent,
  reconnecting,
  onRetryNow,
}: TestProgressCardProps) {
  const processed = processedUsers(test);
  const [rate, setRate] = useState<{ at: number; samples: ProgressSample[]; seen: number; check: CountCheck }>(() => ({
    at: 0,
    samples: [],
    seen: 0,
    check: checkTestCounts(test),
  }));
  if (updatedAt !== rate.at) {
    setRate({
      at: updatedAt,
      samples: addSample(rate.samples, { at: updatedAt, processed }),
      seen: Math.max(rate.seen, processed),
      check: checkTestCounts(test, rate.seen),
    });
  }
  const { check } = rate;
  const total = check.total;

  const now = useNow(!terminal);
  const time = elapsedText(recent, terminal, now);
  const left = terminal || total === 0 ? undefined : estimateTimeLeft(rate.samples, total);
  const percentProcessed =
    total > 0 ? formatPercent(processed, total) : `${Math.min(100, test.percentUsersProcessed)}% reported`;

  const dominated = terminal && errorsDominate(test);

  return (
    <section className="card test-progress" aria-labelledby="test-progress-heading">
      <h2 id="test-progress-heading" className="visually-hidden">
        Progress
      </h2>
      {dominated && <ErrorsDominateNotice test={test} />}
      <dl className="test-progress__facts">
        <div>
          <dt>Status</dt>
          <dd>
            <TestStatusBadge status={test.status} />
          </dd>
        </div>
        <div>
          <dt>{recent?.startedAt ? 'Started' : 'First seen'}</dt>
          <dd>{formatDate(recent?.startedAt ?? recent?.firstSeenAt)}</dd>
        </div>
        <div>
          <dt>{terminal ? 'Took' : 'Elapsed'}</dt>
          <dd className="num">{time}</dd>
        </div>
        {!terminal && (
          <div>
            <dt>Time left</dt>
            <dd className="num">
              {reconnecting
                ? 'paused — reconnecting'
                : left === undefined
                  ? 'estimating…'
                  : `about ${formatDuration(left)}`}
            </dd>
          </div>
        )}
        <div>
          <dt>Users</dt>
          <dd className="num">{total > 0 || processed === 0 ? formatCount(test.totalUsers) : 'not reported'}</dd>
        </div>
      </dl>

      {reconnecting && (
        <div className="notice notice--warning" role="status">
          <span className="spinner" aria-hidden="true" />
          <div>
            <p className="notice__title">Reconnecting…</p>
            <p>
              The status did not come through ({failureWords(reconnecting.error)}
              {reconnecting.attempts > 1 ? `; ${reconnecting.attempts} tries so far` : ''}). Showing the last progress
              received; it updates by itself when the server answers again.
            </p>
            <button type="button" className="button button--small" onClick={onRetryNow}>
              Try now
            </button>
          </div>
        </div>
      )}

      {check.problems.length > 0 && (
        <div className="notice notice--warning" role="status">
          <Icon name="info" />
          <div>
            <p className="notice__title">The server’s numbers do not add up</p>
            <ul>
              {check.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
            <p>The counts below are shown as the server sent them; read them with care.</p>
          </div>
        </div>
      )}

      <div className="test-progress__bars">
        <ProgressBar
          label="Users processed"
          value={processed}
          max={total > 0 ? total : Math.max(processed, 1)}
          valueText={
            total > 0
              ? `${formatCount(processed)} of ${formatCount(total)} users (${percentProcessed})`
              : `${formatCount(processed)} users; the total is not known (${percentProcessed})`
          }
          tone={test.status === 'exceeded time' ? 'warning' : 'accent'}
        />
        <SegmentedProgressBar
          label="Outcome"
          segments={outcomeSegments(test, check.percentsAgree)}
          max={Math.max(total, processed)}
          percentOf={processed}
        />
      </div>

      <TerminalExplanation test={test} processed={processed} total={total} dominated={dominated} />
    </section>
  );
});

function TerminalExplanation({
  test,
  processed,
  total,
  dominated,
}: {
  test: PolicyTest;
  processed: number;
  total: number;
  dominated: boolean;
}) {
  if (test.status === 'exceeded time') {
    const rest = Math.max(0, total - processed);
    return (
      <div className="notice notice--warning">
        <Icon name="clock" />
        <div>
          <p className="notice__title">The test ran out of time</p>
          <p>
            It stopped at its time limit after evaluating {formatCount(processed)}
            {total > 0 ? ` of ${formatCount(total)}` : ''} users
            {total > 0 ? `; the other ${formatCount(rest)} were not evaluated` : ''}. The counts and the users below
            cover only the evaluated ones, so they are a sample, not the full picture. Run it again when the account is
            quieter, or test a simpler policy.
          </p>
        </div>
      </div>
    );
  }
  if (test.status === 'blocked') {
    return (
      <div className="notice notice--danger">
        <Icon name="blocked" />
        <div>
          <p className="notice__title">The server did not run this test</p>
          <p>
            “Blocked” is the test’s own status, not a user outcome: the account already had as many policy tests running
            as it may, so this one was refused and evaluated nobody. Wait for the other tests to finish, then run it
            again.
          </p>
        </div>
      </div>
    );
  }
  if (test.status === 'complete') {
    // Only what the counts support: an incomplete "complete" is listed with the other problems.
    if (total === 0 || processed !== total || dominated) return null;
    return (
      <p className="test-progress__done">
        <Icon name="approved" className="tone--success" /> Every user was evaluated.
      </p>
    );
  }
  return null;
}

/** A short reason for a failed poll: "HTTP 503", "no answer", … */
export function failureWords(error: unknown): string {
  if (!isApiError(error)) return 'an unexpected error';
  if (error.kind === 'http') return `the server answered HTTP ${error.status ?? '?'}`;
  if (error.kind === 'timeout') return 'no answer in time';
  if (error.kind === 'malformed') return 'the answer was not JSON';
  if (error.kind === 'network') return 'the server could not be reached';
  return error.message;
}

/**
 * The API keeps no times: a test's start is known only if this console started it, its end only
 * to within a poll if this console watched it finish. Say exactly as much as is known.
 */
export function elapsedText(recent: RecentTest | undefined, terminal: boolean, now: number): string {
  if (!recent) return '—';
  const started = Date.parse(recent.startedAt ?? '');
  const firstSeen = Date.parse(recent.firstSeenAt);
  if (!terminal) {
    return Number.isNaN(started) ? `at least ${formatDuration(now - firstSeen)}` : formatDuration(now - started);
  }
  const finished = Date.parse(recent.finishedAt ?? '');
  if (Number.isNaN(finished)) return '—';
  if (!Number.isNaN(started))
    return recent.finishSeen ? formatDuration(finished - started) : `at most ${formatDuration(finished - started)}`;
  return recent.finishSeen ? `at least ${formatDuration(finished - firstSeen)}` : '—';
}
