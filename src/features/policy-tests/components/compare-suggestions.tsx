import { Link } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { formatDate } from '@/lib/format/format-date';
import { compareCandidates, testedVersion } from '../compare/compare-candidates';
import type { RecentTest } from '../recent/recent-tests-store';
import { useLiveStatuses } from '../recent/use-live-statuses';
import { TestStatusBadge } from './status-badges';
import { outcomeFacts } from './test-outcome-facts';

/**
 * "Compare with…" from a test: the recent tests of the same policy, other versions first, each one
 * click from the comparison. Typing a test id stays possible below (the picker).
 */
export function CompareSuggestions({
  testId,
  recent,
  onPick,
}: {
  testId: string;
  recent: readonly RecentTest[];
  onPick: (a: string, b: string) => void;
}) {
  const self = recent.find((test) => test.id === testId);
  const mine = testedVersion(self);
  const candidates = compareCandidates(recent, testId);
  // A test left before it finished has no counts yet: they are read now, as the recent list does.
  useLiveStatuses(candidates.map((candidate) => candidate.test));
  return (
    <section className="card compare-suggestions" aria-labelledby="compare-suggestions-title">
      <h2 id="compare-suggestions-title" className="compare-suggestions__title">
        {mine ? (
          <>
            Compare the test of <span className="mono">{mine.policyId}</span> v{mine.version} with…
          </>
        ) : (
          'Compare this test with…'
        )}
      </h2>
      {candidates.length === 0 ? (
        <p className="muted">
          {mine ? (
            <>
              No other test of <span className="mono">{mine.policyId}</span> in this browser.{' '}
              <Link to={`/policies/${encodeURIComponent(mine.policyId)}`}>Open the policy</Link> and test another
              version, or paste a test id below.
            </>
          ) : (
            'Paste the other test’s id below.'
          )}
        </p>
      ) : (
        <ul className="compare-suggestions__list">
          {candidates.map(({ test, version, a, b }) => (
            <li key={test.id} className="compare-suggestions__item">
              <button
                type="button"
                className="button button--small"
                onClick={() => onPick(a, b)}
                aria-label={`Compare with the test of v${version} started ${formatDate(test.startedAt ?? test.firstSeenAt)}`}
              >
                <Icon name="compare" /> Compare
              </button>
              <span className="compare-suggestions__what">
                <strong>v{version}</strong>
                {version === mine?.version && <span className="muted"> (this version, an earlier run)</span>}
              </span>
              {test.lastStatus && <TestStatusBadge status={test.lastStatus} />}
              <span className="muted">{outcomeFacts(test) || 'No counts known yet'}</span>
              <span className="muted">started {formatDate(test.startedAt ?? test.firstSeenAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
