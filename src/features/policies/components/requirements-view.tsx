import type { Requirement } from '@/lib/api/guardian/policy-schema';
import { ExpressionText } from './expression-text';

const TRIGGER_FIELDS = [
  ['providerType', 'provider_type'],
  ['providerUrn', 'provider_urn'],
  ['resourceType', 'resource_type'],
  ['resourceUrn', 'resource_urn'],
  ['role', 'role'],
] as const;

/** Requirements: when an appeal matches a trigger, these extra appeals are created with it. */
export function RequirementsView({ requirements }: { requirements: readonly Requirement[] }) {
  if (requirements.length === 0)
    return <p className="muted">No requirements: an approved appeal grants only what was asked.</p>;
  return (
    <ol className="requirements">
      {requirements.map((requirement, i) => {
        const on = requirement.on;
        return (
          <li key={i} className="requirement card">
            <h3 className="requirement__title">When an appeal matches</h3>
            <dl className="kv">
              {TRIGGER_FIELDS.map(([key, wire]) =>
                on[key] ? (
                  <div key={key}>
                    <dt className="mono">{wire}</dt>
                    <dd className="mono">{on[key]}</dd>
                  </div>
                ) : null,
              )}
              {on.conditions.map((condition, c) => (
                <div key={`c${c}`}>
                  <dt>condition</dt>
                  <dd className="mono">{JSON.stringify(condition)}</dd>
                </div>
              ))}
              {on.expression && (
                <div>
                  <dt className="mono">expression</dt>
                  <dd>
                    <ExpressionText>{on.expression}</ExpressionText>
                  </dd>
                </div>
              )}
            </dl>
            <h4 className="requirement__then">also request</h4>
            {requirement.appeals.length === 0 ? (
              <p className="muted">(no additional appeals)</p>
            ) : (
              <ul className="requirement__appeals">
                {requirement.appeals.map((appeal, a) => {
                  const r = appeal.resource ?? {};
                  return (
                    <li key={a}>
                      role <span className="mono">{appeal.role ?? '(none)'}</span> on{' '}
                      <span className="mono">
                        {[r.providerType, r.type].filter(Boolean).join(' ')}{' '}
                        {r.urn ?? (r.id !== undefined ? `id ${r.id}` : '(no resource)')}
                      </span>
                      {appeal.options?.duration && (
                        <>
                          {' '}
                          for <span className="mono">{appeal.options.duration}</span>
                        </>
                      )}
                      {appeal.options?.expirationDate && (
                        <>
                          {' '}
                          until <span className="mono">{appeal.options.expirationDate}</span>
                        </>
                      )}
                      {appeal.policy?.id && (
                        <>
                          {' '}
                          under policy <span className="mono">{appeal.policy.id}</span>
                          {appeal.policy.version ? ` v${appeal.policy.version}` : ''}
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
