import { Link } from '@/lib/router';
import { parseDraftPolicyRef, parseGuardianPolicyRef } from '../api/start-policy-test';

/** The policies a test ran: Guardian versions link to their page, raw Access ids show as ids. */
export function PolicyRefs({ policies, max = 3 }: { policies: readonly string[]; max?: number }) {
  if (policies.length === 0) return <span className="muted">Unknown policy</span>;
  const shown = policies.slice(0, max);
  return (
    <span className="policy-refs">
      {shown.map((ref, i) => {
        const guardian = parseGuardianPolicyRef(ref);
        const draftOf = parseDraftPolicyRef(ref);
        if (draftOf !== undefined)
          return (
            <span key={`${ref}-${i}`} className="policy-refs__item">
              <span className="mono">{draftOf}</span> <span className="badge badge--warning">unsaved draft</span>
            </span>
          );
        return (
          <span key={`${ref}-${i}`} className="policy-refs__item">
            {guardian ? (
              <Link
                className="mono"
                to={`/policies/${encodeURIComponent(guardian.policyId)}/versions/${guardian.version}`}
                title={ref.length > 80 ? ref : undefined}
              >
                {guardian.policyId}
                <span className="policy-refs__version"> v{guardian.version}</span>
              </Link>
            ) : (
              <span className="mono">{ref}</span>
            )}
          </span>
        );
      })}
      {policies.length > max && <span className="muted"> and {policies.length - max} more</span>}
    </span>
  );
}
