import { useState } from 'react';
import { Link } from '@/lib/router';
import { useNavigate } from '@/lib/router/use-navigate';
import { Icon } from '@/components/icon/icon';
import { EmptyState } from '@/components/states/empty-state';
import { formatDate } from '@/lib/format/format-date';
import { formatCount } from '@/lib/format/format-number';
import { PolicyRefs } from '../components/policy-refs';
import { RecentTestsTransfer } from '../components/recent-tests-transfer';
import { MissingTestBadge, TestStatusBadge } from '../components/status-badges';
import { testProgressPath } from '../test-progress-path';
import { forgetTest, processedOf, useRecentTests, type RecentTest } from '../recent/recent-tests-store';
import { useLiveStatuses } from '../recent/use-live-statuses';
import { ProgressBar } from '@/components/progress-bar/progress-bar';
import '../policy-tests.css';
import { PageHeader } from '@/components/page-header/page-header';

/** `/tests`: the tests this browser launched or opened (the API cannot list them). */
export function RecentTestsRoute() {
  const tests = useRecentTests();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  useLiveStatuses(tests);

  const chosen = selected.filter((id) => tests.some((t) => t.id === id));
  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((x) => x !== id) : [...current.filter((x) => x !== id), id].slice(-2),
    );
  const compare = () => {
    // The older test is A (before), the newer B (after).
    const [first, second] = chosen.map((id) => tests.find((t) => t.id === id)!).sort((x, y) => startOf(x) - startOf(y));
    void navigate(`/tests/compare?a=${encodeURIComponent(first!.id)}&b=${encodeURIComponent(second!.id)}`);
  };

  return (
    <section className="page">
      <PageHeader
        title="Tests"
        subtitle={
          <>
            <strong>Kept in this browser only.</strong> The policy-test API keeps no list of tests, so this one lists
            the tests started or opened here: another browser, or cleared site data, starts empty. Export it to keep it
            or to hand it on.
          </>
        }
        actions={
          <>
            <RecentTestsTransfer tests={tests} />
            <button type="button" className="button" disabled={chosen.length !== 2} onClick={compare}>
              <Icon name="compare" />
              Compare selected{chosen.length > 0 ? ` (${chosen.length} of 2)` : ''}
            </button>
            <Link className="button button--primary" to="/tests/new">
              <Icon name="plus" />
              New test
            </Link>
          </>
        }
      />
      {tests.length === 0 ? (
        <EmptyState title="No tests yet">
          <p>
            Start one with <Link to="/tests/new">New test</Link>, or with “Test this version” on a policy version. Tests
            you open by link show up here too.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="muted recent__hint" id="recent-hint">
            Tick two tests to compare their outcomes user by user (say, two versions of one policy).
          </p>
          <div className="table-wrap">
            <table className="table recent-table">
              <caption className="visually-hidden">Recent tests</caption>
              <thead>
                <tr>
                  <th scope="col" className="recent-table__pick">
                    <span className="visually-hidden">Select to compare</span>
                  </th>
                  <th scope="col">Test</th>
                  <th scope="col">Policy</th>
                  <th scope="col">Started</th>
                  <th scope="col" className="num">
                    Users
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tests.map((test) => (
                  <RecentRow
                    key={test.id}
                    test={test}
                    selected={chosen.includes(test.id)}
                    onToggle={() => toggle(test.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** " (62%)": a share of the users processed, so runs of different sizes compare at a glance. */
function share(count: number | undefined, processed: number): string {
  return processed > 0 ? ` (${Math.round(((count ?? 0) / processed) * 100)}%)` : '';
}

function startOf(test: RecentTest): number {
  return Date.parse(test.startedAt ?? test.firstSeenAt);
}

function RecentRow({ test, selected, onToggle }: { test: RecentTest; selected: boolean; onToggle: () => void }) {
  const processed = processedOf(test);
  return (
    <tr data-selected={selected || undefined}>
      <td className="recent-table__pick">
        <input
          type="checkbox"
          checked={selected}
          onChange={onToggle}
          aria-label={`Select test ${test.id} to compare`}
          aria-describedby="recent-hint"
        />
      </td>
      <td>
        <Link className="mono" to={testProgressPath(test.id)}>
          {test.id}
        </Link>
      </td>
      <td>
        <PolicyRefs policies={test.policies} />
      </td>
      <td>{formatDate(test.startedAt ?? test.firstSeenAt)}</td>
      <td className="num">
        {test.totalUsers === undefined ? <span className="muted">—</span> : formatCount(test.totalUsers)}
      </td>
      <td>
        {test.missing ? (
          <MissingTestBadge />
        ) : test.lastStatus ? (
          <TestStatusBadge status={test.lastStatus} />
        ) : (
          <span className="muted">Unknown</span>
        )}
      </td>
      <td className="recent-table__outcome">
        {test.missing ? (
          <span className="muted">The server no longer has this test.</span>
        ) : test.lastStatus === 'processing' && test.totalUsers ? (
          <ProgressBar compact label={`Test ${test.id} processed`} value={processed} max={test.totalUsers} />
        ) : test.lastStatus ? (
          <span className="recent-table__counts">
            <span>
              <Icon name="approved" className="tone--success" /> {formatCount(test.approved ?? 0)} approved
              {share(test.approved, processed)}
            </span>
            <span>
              <Icon name="blocked" className="tone--danger" /> {formatCount(test.blocked ?? 0)} blocked
              {share(test.blocked, processed)}
            </span>
            <span>
              <Icon name="error" className="tone--warning" /> {formatCount(test.errored ?? 0)} errored
              {share(test.errored, processed)}
            </span>
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="recent-table__actions">
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => forgetTest(test.id)}
          aria-label={`Forget test ${test.id}`}
        >
          <Icon name="x" />
          Forget
        </button>
      </td>
    </tr>
  );
}
