import { useEffect, useMemo } from 'react';
import { findPolicyRisks, placeWords } from '@/lib/appeal';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import type { Target } from '@/lib/expr';
import { usePolicyCases } from '../cases/cases-store';
import { useCaseResults } from '../run/use-case-results';
import { CodeText } from '@/components/code-text/code-text';
import '../trace.css';

export interface SaveRisksProps {
  policy: Policy;
  target: Target;
  /** How many problems there are to acknowledge, once known (undefined while cases run). */
  onCount: (count: number | undefined) => void;
}

/**
 * Before a save: what the policy would do wrong on the real server — expressions it cannot run,
 * creator fields it cannot have, expressions that fail on the sample appeal — and test cases that
 * fail. Listed so that saving anyway is a choice made with eyes open.
 */
export function SaveRisks({ policy, target, onCount }: SaveRisksProps) {
  const risks = useMemo(() => findPolicyRisks(policy, { target }), [policy, target]);
  const { cases } = usePolicyCases(policy.id);
  const results = useCaseResults(() => policy, cases, target, `${policy.id}@review`, 0);
  const failing = results.status === 'done' ? results.results.filter((r) => !r.pass) : [];
  const pending = results.status === 'running';
  const count = pending ? undefined : risks.length + failing.length;
  useEffect(() => onCount(count), [count, onCount]);
  if (risks.length === 0 && failing.length === 0) {
    return pending ? <p className="muted">Running {cases.length} test cases on this version…</p> : null;
  }
  return (
    <section className="policy-notice policy-notice--warning" aria-labelledby="save-risks-title">
      <h3 id="save-risks-title" className="save-risks__title">
        {risks.length + failing.length} {risks.length + failing.length === 1 ? 'problem' : 'problems'} to acknowledge
        before saving
      </h3>
      <p className="save-risks__lead">
        Guardian accepts this policy, but it will not work as written for every appeal
        {target === 'guardian-1.12' ? ' on raystack/guardian' : ''}:
      </p>
      <ul className="save-risks__list">
        {risks.map((risk, i) => (
          <li key={`r${i}`}>
            <CodeText
              codeClassName="trace-code"
              text={`${placeWords(risk)}: \`${risk.source.length > 80 ? `${risk.source.slice(0, 79)}…` : risk.source}\` ${risk.message}.`}
            />
          </li>
        ))}
        {failing.map((result) => (
          <li key={`c${result.name}`}>
            <CodeText codeClassName="trace-code" text={`Test case “${result.name}” fails: ${result.reason}.`} />
          </li>
        ))}
      </ul>
      {pending && <p className="muted">Running {cases.length} test cases on this version…</p>}
    </section>
  );
}
