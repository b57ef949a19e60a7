import type { AppealConfig } from '@/lib/api/guardian/policy-schema';
import { describeDuration, explainDurationError, parseGoDuration } from '@/lib/duration/parse-go-duration';
import { Icon } from '@/components/icon/icon';

function Duration({ value }: { value: string }) {
  const parsed = parseGoDuration(value);
  return (
    <>
      <span className="mono">{value}</span>{' '}
      {parsed.ok ? (
        <span className="muted">({describeDuration(parsed.nanoseconds)})</span>
      ) : (
        <span className="field__error">{explainDurationError(value) ?? 'not a valid duration'}</span>
      )}
    </>
  );
}

function Flag({ on, yes, no }: { on: boolean; yes: string; no: string }) {
  return (
    <span className={on ? 'flag flag--on' : 'flag flag--off'}>
      <Icon name={on ? 'approved' : 'minus'} />
      {on ? yes : no}
    </span>
  );
}

/** How people appeal under this policy: durations, permanent access, extensions, on-behalf, questions. */
export function AppealSettingsView({ appeal }: { appeal: AppealConfig | undefined }) {
  if (!appeal)
    return <p className="muted">No appeal settings: Guardian’s defaults apply (no duration choices, no questions).</p>;
  return (
    <div className="appeal-settings">
      <dl className="kv kv--wide">
        <div>
          <dt>Duration options</dt>
          <dd>
            {appeal.durationOptions.length === 0 ? (
              <span className="muted">(none)</span>
            ) : (
              <ul className="plain-list">
                {appeal.durationOptions.map((option, i) => (
                  <li key={i}>
                    <span className="break-anywhere">{option.name || <span className="muted">(no name)</span>}</span>
                    {' — '}
                    <Duration value={option.value} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Permanent access</dt>
          <dd>
            <Flag on={appeal.allowPermanentAccess} yes="Allowed" no="Not allowed" />
          </dd>
        </div>
        <div>
          <dt>Extension window</dt>
          <dd>
            {appeal.allowActiveAccessExtensionIn ? (
              <>
                active access can be extended within <Duration value={appeal.allowActiveAccessExtensionIn} /> of expiry
              </>
            ) : (
              <span className="muted">not set</span>
            )}
          </dd>
        </div>
        <div>
          <dt>On behalf of others</dt>
          <dd>
            <Flag on={appeal.allowOnBehalf} yes="Allowed" no="Not allowed" />
          </dd>
        </div>
        <div>
          <dt>Creator details fail to load</dt>
          <dd>
            <Flag on={appeal.allowCreatorDetailsFailure} yes="Appeal goes on" no="Appeal is refused" />
          </dd>
        </div>
      </dl>
      <h3 className="subsection-title">Questions</h3>
      {appeal.questions.length === 0 ? (
        <p className="muted">No questions: people appeal without answering anything.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Questions asked when appealing</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Question</th>
                <th scope="col">Required</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {appeal.questions.map((question, i) => (
                <tr key={i}>
                  <td className="mono question-key">{question.key}</td>
                  <td className="break-anywhere">{question.question}</td>
                  <td>{question.required ? 'Required' : 'Optional'}</td>
                  <td className="break-anywhere">{question.description ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
