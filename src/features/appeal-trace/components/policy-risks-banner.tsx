import { useMemo } from 'react';
import { Icon } from '@/components/icon/icon';
import { findPolicyRisks, placeWords } from '@/lib/appeal';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { useSettings } from '@/lib/settings';
import { Link } from '@/lib/router';
import { tracePath } from '../trace-paths';
import { CodeText } from '@/components/code-text/code-text';
import '../trace.css';

/** A saved version whose expressions will fail on the target server says so where it is read. */
export function PolicyRisksBanner({ policy, label }: { policy: Policy; label?: string }) {
  const { exprTarget } = useSettings();
  const risks = useMemo(() => findPolicyRisks(policy, { target: exprTarget }), [policy, exprTarget]);
  if (risks.length === 0) return null;
  return (
    <div
      className="trace-notice trace-notice--warning policy-risks"
      role="note"
      aria-label={`Problems in ${label ?? `v${policy.version}`}`}
    >
      <p>
        <Icon name="error" />{' '}
        <strong>
          {label ?? `Version ${policy.version}`} has {risks.length} {risks.length === 1 ? 'expression' : 'expressions'}{' '}
          that will not work as written on this server target:
        </strong>
      </p>
      <ul>
        {risks.slice(0, 5).map((risk, i) => (
          <li key={i}>
            <CodeText codeClassName="trace-code" text={`${placeWords(risk)}: ${risk.message}.`} />
          </li>
        ))}
        {risks.length > 5 && <li>…and {risks.length - 5} more.</li>}
      </ul>
      <p>
        <Link to={tracePath(policy.id, policy.version)}>Trace an appeal through v{policy.version}</Link> to see one
        happen.
      </p>
    </div>
  );
}
