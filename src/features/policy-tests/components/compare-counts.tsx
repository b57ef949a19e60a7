import { Link } from '@/lib/router';
import { ErrorState } from '@/components/states/error-state';
import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { isGoneError, type usePolicyTest } from '../api/get-policy-test';
import { testProgressPath } from '../test-progress-path';
import type { RecentTest } from '../recent/recent-tests-store';
import { PolicyRefs } from './policy-refs';
import { TestStatusBadge } from './status-badges';

export type Side = {
  key: 'A' | 'B';
  id: string;
  query: ReturnType<typeof usePolicyTest>;
  recent: RecentTest | undefined;
};

/** Each test's status and outcome counts, with the change from A to B. */
export function CountsSideBySide({ sides }: { sides: readonly Side[] }) {
  const rows: { label: string; of: (t: PolicyTest) => number }[] = [
    { label: 'Approved', of: (t) => t.usersApproved },
    { label: 'Blocked', of: (t) => t.usersBlocked },
    { label: 'Errored', of: (t) => t.usersErrored },
    { label: 'Evaluated', of: (t) => processedUsers(t) },
  ];
  const [A, B] = sides;
  return (
    <section className="card compare-counts" aria-labelledby="compare-counts-heading">
      <h2 id="compare-counts-heading">Outcomes side by side</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Outcome counts of test A and test B</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Measure</span>
              </th>
              {sides.map((side) => (
                <th scope="col" key={side.key} className="num compare-counts__test">
                  {side.key === 'A' ? 'A (before)' : 'B (after)'}
                  <div className="compare-counts__id">
                    <Link className="mono" to={testProgressPath(side.id)}>
                      {side.id}
                    </Link>
                  </div>
                  {side.recent && side.recent.policies.length > 0 && (
                    <div className="compare-counts__policy">
                      <PolicyRefs policies={side.recent.policies} />
                    </div>
                  )}
                </th>
              ))}
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Status</th>
              {sides.map((side) => (
                <td key={side.key} className="num">
                  <SideStatus side={side} />
                </td>
              ))}
              <td />
            </tr>
            {rows.map((row) => {
              const a = A!.query.data ? row.of(A!.query.data) : undefined;
              const b = B!.query.data ? row.of(B!.query.data) : undefined;
              const delta = a !== undefined && b !== undefined ? b - a : undefined;
              return (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{a === undefined ? '—' : formatCount(a)}</td>
                  <td className="num">{b === undefined ? '—' : formatCount(b)}</td>
                  <td className="num">
                    {delta === undefined
                      ? '—'
                      : delta === 0
                        ? '±0'
                        : `${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta))}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SideStatus({ side }: { side: Side }) {
  const { query } = side;
  if (isGoneError(query.error)) return <span className="tone--danger">This test no longer exists</span>;
  if (query.data) return <TestStatusBadge status={query.data.status} />;
  if (query.isError)
    return <ErrorState compact error={query.error} what={`test ${side.key}`} onRetry={() => void query.refetch()} />;
  return <span className="muted">Loading…</span>;
}
