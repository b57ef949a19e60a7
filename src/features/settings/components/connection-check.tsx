import type { UseMutationResult } from '@tanstack/react-query';
import { Icon } from '@/components/icon/icon';
import type { ConnectionReport } from '../connection/connection-report';

/**
 * "Test connection" for one endpoint, with the settings as typed (saved or not): a real request,
 * and its answer in words next to the button.
 */
export function ConnectionCheck<V>({
  check,
  values,
  what,
}: {
  check: UseMutationResult<ConnectionReport, Error, V>;
  values: V;
  /** "Guardian", "the policy-test API": for the button's accessible name. */
  what: string;
}) {
  const report = check.data;
  return (
    <div className="settings__connection">
      <button
        type="button"
        className="button button--small"
        aria-label={`Test connection to ${what}`}
        disabled={check.isPending}
        onClick={() => check.mutate(values)}
      >
        {check.isPending ? 'Testing…' : 'Test connection'}
      </button>
      <div role="status" className="settings__connection-result">
        {check.isPending && <span className="muted">Asking {what}…</span>}
        {!check.isPending && check.isError && (
          <p className="settings__verdict settings__verdict--bad">
            <Icon name="error" /> The test itself failed: {check.error.message}
          </p>
        )}
        {!check.isPending && report && (
          <>
            <p className={`settings__verdict settings__verdict--${report.outcome === 'connected' ? 'good' : 'bad'}`}>
              <Icon name={report.outcome === 'connected' ? 'approved' : 'error'} /> {report.summary}
            </p>
            {report.detail && <p className="settings__verdict-detail">{report.detail}</p>}
            {report.request && <p className="settings__verdict-detail mono">{report.request}</p>}
          </>
        )}
      </div>
    </div>
  );
}
