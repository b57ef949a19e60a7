import { Link } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { forgetTest } from '../recent/recent-tests-store';

/** A 404 from the status endpoint: said plainly, with the ways out. */
export function GoneTest({ testId, remembered }: { testId: string; remembered: boolean }) {
  return (
    <div className="state state--empty gone-test" role="alert">
      <Icon name="info" className="state__icon" />
      <p className="state__title">This test no longer exists</p>
      <div className="state__message">
        <p>
          The policy-test API knows no test with the id <span className="mono">{testId}</span>. Tests are kept for a
          limited time, and an id from another account or server is unknown here.
        </p>
        <p>
          <Link to="/tests">Back to recent tests</Link>
          {' · '}
          <Link to="/tests/new">Start a new test</Link>
          {remembered && (
            <>
              {' · '}
              <button type="button" className="button button--small" onClick={() => forgetTest(testId)}>
                Remove it from recent tests
              </button>
            </>
          )}
        </p>
      </div>
    </div>
  );
}
