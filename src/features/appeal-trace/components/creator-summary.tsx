import type { AppealTrace } from '@/lib/appeal';
import { formatValue } from '@/lib/appeal/describe-trace';
import { ExpressionResult } from './expression-result';

const LOOKUP_WORDS = {
  ok: 'answered',
  failed: 'failed',
  'failed-allowed': 'failed; allow_creator_details_failure lets the appeal go on without a creator',
  'not-needed': 'not asked',
} as const;

/** `$appeal.creator` and where it came from: no IAM, the IAM's answer as is, or mapped by the schema. */
export function CreatorSummary({ trace }: { trace: AppealTrace }) {
  const { creator } = trace;
  return (
    <details className="trace-creator" open={creator.plan === 'schema' || creator.failure !== undefined}>
      <summary>
        <strong>$appeal.creator</strong>{' '}
        <span className="muted">
          {creator.plan === 'none'
            ? '— nil: the policy has no iam, so Guardian sets no creator'
            : creator.plan === 'unknown-provider'
              ? '— the policy’s IAM provider is not one Guardian knows'
              : creator.plan === 'response'
                ? `— the IAM answer as it is (no schema); lookup ${LOOKUP_WORDS[creator.lookup]}`
                : `— mapped by the policy’s iam.schema; lookup ${LOOKUP_WORDS[creator.lookup]}`}
        </span>
      </summary>
      {creator.failure && <p className="trace-creator__failure">{creator.failure.message}</p>}
      {creator.fields.length > 0 && (
        <table className="table trace-creator__fields">
          <caption className="visually-hidden">Creator fields from the IAM schema</caption>
          <thead>
            <tr>
              <th scope="col">Creator key</th>
              <th scope="col">From the answer</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {creator.fields.map((field) => (
              <tr key={field.key}>
                <th scope="row" className="mono">
                  {field.key}
                </th>
                <td>
                  {field.expression ? (
                    <ExpressionResult label="expression" trace={field.expression} />
                  ) : (
                    <code className="mono">{field.from}</code>
                  )}
                </td>
                <td>
                  <code className={field.value === null ? 'mono trace-value trace-value--nil' : 'mono trace-value'}>
                    {formatValue(field.value, 120)}
                  </code>
                  {field.missing && <span className="muted"> (the answer has no {field.from})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creator.plan === 'response' && creator.value !== null && (
        <pre className="trace-json-block mono">{JSON.stringify(creator.value, null, 2)}</pre>
      )}
    </details>
  );
}
