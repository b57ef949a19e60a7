import type { Iam } from '@/lib/api/guardian/policy-schema';
import { configEntries } from '../version/config-entries';
import { ExpressionText } from './expression-text';
import { SecretValue } from './secret-value';

/** Where Guardian looks up the appeal creator: provider, config (secrets masked), field mapping. */
export function IamView({ iam }: { iam: Iam | undefined }) {
  if (!iam) return <p className="muted">No IAM: Guardian reads no creator details for this policy.</p>;
  const entries = configEntries(iam.config);
  const schema = Object.entries(iam.schema);
  return (
    <div className="iam">
      <dl className="kv">
        <div>
          <dt>Provider</dt>
          <dd className="mono">{iam.provider || '(none)'}</dd>
        </div>
        {entries.map((entry) => (
          <div key={entry.path}>
            <dt className="mono">config.{entry.path}</dt>
            <dd>
              {entry.secret ? (
                <SecretValue value={entry.value} name={`config.${entry.path}`} />
              ) : (
                <span className="mono">{entry.value}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {schema.length > 0 && (
        <>
          <h3 className="subsection-title">Creator fields (schema)</h3>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">How the IAM response maps to creator fields</caption>
              <thead>
                <tr>
                  <th scope="col">Creator field</th>
                  <th scope="col">From the IAM response</th>
                </tr>
              </thead>
              <tbody>
                {schema.map(([key, value]) => (
                  <tr key={key}>
                    <td className="mono">$appeal.creator.{key}</td>
                    <td>
                      <ExpressionText>{value}</ExpressionText>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
