import { SummaryWithFullDiff } from '@/features/policy-diff';
import type { PolicyProblem } from '@/features/policy-editor';
import { CodeText } from '@/components/code-text/code-text';
import type { PlanEntry } from '../plan/plan-entry';
import { EntryCases } from './entry-cases';

function Problems({ title, problems }: { title: string; problems: readonly PolicyProblem[] }) {
  return (
    <div className="plan-details__block">
      <h3 className="plan-details__title">{title}</h3>
      <ul className="plan-details__problems">
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.path && <code className="mono">{problem.path}</code>} {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Everything known about one file: why it cannot apply, what it changes, what the checks said. */
export function EntryDetails({ entry, idPrefix }: { entry: PlanEntry; idPrefix: string }) {
  const result = entry.result;
  return (
    <div className="plan-details">
      {entry.problem && (
        <div className="plan-details__block plan-details__block--problem">
          <p>{entry.problem.message}</p>
          {entry.problem.details.length > 0 && (
            // A cases file's details are the parser's messages; other files' are paths.
            <ul className={`plan-details__problems${entry.status === 'cases' ? '' : ' mono'}`}>
              {entry.problem.details.map((detail, i) => (
                <li key={i}>
                  {entry.status === 'cases' ? <CodeText codeClassName="trace-code" text={detail} /> : detail}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result?.kind === 'conflict' && (
        <p className="plan-details__block plan-details__block--problem">{result.message}</p>
      )}
      {result?.kind === 'failed' && (
        <p className="plan-details__block plan-details__block--problem">{result.message}</p>
      )}
      {result?.kind === 'refused' && <Problems title="Guardian refused this policy" problems={result.problems} />}
      {result?.kind === 'applied' && result.notKept.length > 0 && (
        <p className="plan-details__block plan-details__block--warning">
          The server did not store {result.notKept.map((key) => `“${key}”`).join(', ')} as the file has it (a server
          without these fields drops them): planning this file again will show it as changed.
        </p>
      )}
      {entry.clientProblems && entry.clientProblems.length > 0 && (
        <Problems title="The console’s checks" problems={entry.clientProblems} />
      )}
      {entry.serverCheck?.state === 'refused' && (
        <Problems title="Guardian’s dry run refuses it" problems={entry.serverCheck.problems} />
      )}
      {entry.serverCheck?.state === 'failed' && (
        <p className="plan-details__block plan-details__block--warning">
          Guardian’s dry run could not be asked ({entry.serverCheck.message}); the console’s checks still apply.
        </p>
      )}
      <EntryCases entry={entry} />
      {entry.keptSecrets.length > 0 && (
        <p className="plan-details__block">
          Keeps the server’s {entry.keptSecrets.length === 1 ? 'secret' : 'secrets'} that the file leaves out:{' '}
          {entry.keptSecrets.map((path, i) => (
            <span key={path}>
              {i > 0 && ', '}
              <code className="mono">{path}</code>
            </span>
          ))}
          .
        </p>
      )}
      {entry.notices.length > 0 && (
        <ul className="plan-details__block plan-details__notices muted">
          {entry.notices.map((notice, i) => (
            <li key={i}>{notice}</li>
          ))}
        </ul>
      )}
      {entry.diff && (
        <div className="plan-details__block">
          <h3 className="plan-details__title">
            {entry.status === 'new'
              ? `What “${entry.id}” will be (v1)`
              : `Changes against v${entry.latest?.version} (→ v${(entry.latest?.version ?? 0) + 1})`}
          </h3>
          <SummaryWithFullDiff
            diff={entry.diff}
            idPrefix={idPrefix}
            headingLevel={4}
            fullDiffClassName="plan-details__diff"
          />
        </div>
      )}
      {entry.status === 'unchanged' && (
        <p className="plan-details__block muted">
          The server’s latest version (v{entry.latest?.version}) has this content: nothing to apply.
        </p>
      )}
    </div>
  );
}
