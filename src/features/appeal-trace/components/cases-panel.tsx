import { useId, useRef, useState, type ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import { downloadText } from '@/components/code-view/download-text';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { FileProblem } from '../cases/cases-file';
import { casesFileName } from '../cases/cases-file-name';
import { importCases, removeCase, usePolicyCases } from '../cases/cases-store';
import type { CaseResult } from '../cases/run-case';
import type { TestCase } from '../cases/test-case';
import type { CaseResultsState } from '../run/use-case-results';
import { CodeText } from '@/components/code-text/code-text';
import { TraceResult } from './trace-result';
import '../trace.css';

interface CasesPanelProps {
  policyId: string;
  /** The policy the cases run against (for imports: defaults and step names). */
  policy: () => Pick<Policy, 'id' | 'requirements' | 'steps'>;
  state: CaseResultsState;
  /** What the cases ran against, e.g. "this draft" or "v3". */
  against: string;
  /** A link to the trace view for a case, when there is a saved version to trace. */
  traceLink?: (testCase: TestCase) => ReactNode;
  onLoad?: (testCase: TestCase) => void;
  headingLevel?: 2 | 3;
}

function summary(results: readonly CaseResult[]): string {
  const failed = results.filter((r) => !r.pass).length;
  return `${results.length} ${results.length === 1 ? 'case' : 'cases'}: ${results.length - failed} pass, ${failed} ${failed === 1 ? 'fails' : 'fail'}`;
}

/** A policy's test cases with their results, and their file: export, import. */
export function CasesPanel({ policyId, policy, state, against, traceLink, onLoad, headingLevel = 2 }: CasesPanelProps) {
  const id = useId();
  const { cases, persistent } = usePolicyCases(policyId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<FileProblem[] | undefined>(undefined);
  const [imported, setImported] = useState<string | undefined>(undefined);
  const results = state.status === 'done' ? state.results : state.status === 'running' ? state.previous : undefined;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const onFile = async (file: File) => {
    const text = await file.text().catch(() => null);
    if (text === null) {
      setProblems([{ message: `Could not read ${file.name}.` }]);
      return;
    }
    const { parseCasesFile } = await import('../cases/cases-file');
    const parsed = parseCasesFile(text, policy());
    importCases(policyId, parsed.cases);
    setProblems(parsed.problems);
    setImported(`${parsed.cases.length} ${parsed.cases.length === 1 ? 'case' : 'cases'} loaded from ${file.name}.`);
  };

  return (
    <section className="cases-panel" aria-labelledby={`${id}-title`}>
      <div className="cases-panel__head">
        <Heading id={`${id}-title`} className="cases-panel__title">
          Test cases
        </Heading>
        <p className="cases-panel__summary" role="status">
          {cases.length === 0
            ? 'No cases yet.'
            : results && results.length === cases.length
              ? `${summary(results)} on ${against}${state.status === 'running' ? ' (running again…)' : ''}`
              : state.status === 'failed'
                ? `Could not run the cases: ${state.message}`
                : `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}: running on ${against}…`}
        </p>
        <div className="cases-panel__actions">
          <button
            type="button"
            className="button button--small"
            disabled={cases.length === 0}
            onClick={() =>
              void import('../cases/cases-file').then(({ toCasesYaml }) =>
                downloadText(toCasesYaml(policyId, cases), casesFileName(policyId), 'application/yaml'),
              )
            }
          >
            <Icon name="download" /> Export {casesFileName(policyId)}
          </button>
          <button type="button" className="button button--small" onClick={() => fileInput.current?.click()}>
            Import cases…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            className="visually-hidden"
            aria-label="Cases file to import"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void onFile(file);
            }}
          />
        </div>
      </div>
      {!persistent && (
        <p className="trace-notice trace-notice--warning">
          This browser does not allow storage, so test cases cannot be kept: they last until this tab closes. Export
          them to keep them.
        </p>
      )}
      {imported && <p className="trace-notice trace-notice--info">{imported}</p>}
      {problems && problems.length > 0 && (
        <div className="trace-notice trace-notice--warning" role="alert">
          <p>Some of the file could not be used:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.index !== undefined && (
                  <strong>
                    Case {p.index}
                    {p.name ? ` “${p.name}”` : ''}:{' '}
                  </strong>
                )}
                <CodeText codeClassName="trace-code" text={p.message} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {cases.length === 0 ? (
        <p className="muted">
          Trace an appeal and choose “Save as test case”; or import a {casesFileName(policyId)} file.
        </p>
      ) : (
        <ul className="cases-list" aria-label="Cases">
          {cases.map((testCase, i) => {
            const result = results?.[i]?.name === testCase.name ? results[i] : undefined;
            return (
              <li key={testCase.name} className="case-row">
                <div className="case-row__line">
                  <span
                    className={
                      result ? (result.pass ? 'badge badge--success' : 'badge badge--danger') : 'badge badge--neutral'
                    }
                  >
                    <Icon name={result ? (result.pass ? 'approved' : 'blocked') : 'processing'} />{' '}
                    {result ? (result.pass ? 'Pass' : 'Fails') : 'Running'}
                  </span>
                  <span className="case-row__name break-anywhere">{testCase.name}</span>
                  <span className="case-row__buttons">
                    {onLoad && (
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        onClick={() => onLoad(testCase)}
                      >
                        Load
                      </button>
                    )}
                    {traceLink?.(testCase)}
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      aria-label={`Remove case ${testCase.name}`}
                      onClick={() => removeCase(policyId, testCase.name)}
                    >
                      <Icon name="x" /> Remove
                    </button>
                  </span>
                </div>
                {result && (
                  <p className="case-row__reason">
                    <CodeText codeClassName="trace-code" text={result.reason} />
                  </p>
                )}
                {result && (
                  <details className="case-row__trace">
                    <summary>Trace on {against}</summary>
                    <TraceResult trace={result.trace} />
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
