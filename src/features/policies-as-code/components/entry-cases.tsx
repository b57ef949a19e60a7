import { Link } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { CodeText } from '@/components/code-text/code-text';
import { tracePath } from '@/features/appeal-trace';
import type { PlanEntry } from '../plan/plan-entry';
import { casesCountText } from './cases-check';

/** The version a case's trace can be shown on: the one applied, or else the server's latest. */
function traceVersion(entry: PlanEntry): { version: number; label: string } | undefined {
  const result = entry.result;
  if (result && (result.kind === 'applied' || result.kind === 'already')) {
    return { version: result.version, label: `Trace on v${result.version}` };
  }
  if (entry.latest) {
    const now = entry.status === 'unchanged' ? '' : ' (the server’s, before this file)';
    return { version: entry.latest.version, label: `Trace on v${entry.latest.version}${now}` };
  }
  return undefined;
}

/** A policy's test cases in its details: where they came from, and each failing case with its reason. */
export function EntryCases({ entry }: { entry: PlanEntry }) {
  const cases = entry.cases;
  if (!cases || cases.state === 'none') return null;
  const source = cases.source;
  const from =
    source?.kind === 'file' ? (
      <>
        from <code className="mono">{source.path}</code>
      </>
    ) : source?.kind === 'browser' ? (
      <>kept in this browser for “{entry.id}”</>
    ) : null;
  const trace = traceVersion(entry);
  const failing = cases.state === 'done' ? cases.results.filter((result) => !result.pass) : [];
  return (
    <div className="plan-details__block">
      <h3 className="plan-details__title">Test cases {from && <span className="plan-details__from">{from}</span>}</h3>
      {cases.state === 'failed' && <p className="plan-details__block--problem">{cases.message}</p>}
      {(cases.state === 'waiting' || cases.state === 'running') && (
        <p className="muted">Running {cases.count} cases against this file’s policy…</p>
      )}
      {cases.state === 'done' && (
        <>
          <p className="plan-cases__summary">
            {casesCountText(cases)} against what applying this file would write
            {source?.kind === 'file' && source.leftOut > 0 && ' — the file’s own row says which were left out'}.
          </p>
          {failing.length > 0 && (
            <ul className="plan-cases" aria-label={`Failing test cases of ${entry.id ?? entry.path}`}>
              {failing.map((result) => (
                <li key={result.name} className="plan-cases__case">
                  <span className="badge badge--danger">
                    <Icon name="blocked" /> Fails
                  </span>{' '}
                  <strong className="break-anywhere">{result.name}</strong>
                  <span className="plan-cases__reason">
                    <CodeText codeClassName="trace-code" text={result.reason} />
                  </span>
                  {trace && entry.id && (
                    <Link className="plan-cases__trace" to={tracePath(entry.id, trace.version, result.traceQuery)}>
                      {trace.label}
                      <span className="visually-hidden">: {result.name}</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          {failing.length > 0 && !trace && (
            <p className="muted">“{entry.id}” is not on the server yet: once applied, each case links to its trace.</p>
          )}
        </>
      )}
    </div>
  );
}
