import { TARGETS } from '@/lib/expr';
import type { AppealTrace } from '@/lib/appeal';
import { StatusBadge } from './status-badge';
import { outcomeStatus, stepStatus } from './trace-status';

/** The same appeal on every server target, step by step, side by side. */
export function TargetComparison({ traces }: { traces: readonly AppealTrace[] }) {
  const steps = traces[0]?.steps ?? [];
  const label = (target: string) => TARGETS.find((t) => t.id === target)?.label ?? target;
  return (
    <div className="table-wrap trace-compare">
      <table className="table">
        <caption className="visually-hidden">The same appeal on each server target</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            {traces.map((t) => (
              <th scope="col" key={t.target}>
                {label(t.target)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {steps.map((step, i) => (
            <tr key={i}>
              <th scope="row" className="mono">
                {i + 1}. {step.name}
              </th>
              {traces.map((t) => (
                <td key={t.target}>
                  <StatusBadge status={stepStatus(t.steps[i]!)} />
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Outcome</th>
            {traces.map((t) => (
              <td key={t.target}>
                <StatusBadge status={outcomeStatus(t)} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
