import type { Policy } from '@/lib/api/guardian/policy-schema';
import { Link } from '@/lib/router';
import { useSettings } from '@/lib/settings';
import { usePolicyCases } from '../cases/cases-store';
import { useCaseResults } from '../run/use-case-results';
import { tracePath } from '../trace-paths';
import '../trace.css';

/** "6 cases: 5 pass, 1 fails" for a saved version, linking to its trace view where they are listed. */
export function VersionCasesSummary({ policy }: { policy: Policy }) {
  const { exprTarget } = useSettings();
  const { cases } = usePolicyCases(policy.id);
  const state = useCaseResults(() => policy, cases, exprTarget, `${policy.id}@${policy.version}`, 0);
  if (cases.length === 0) return null;
  const count = `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}`;
  let text = `${count}: running…`;
  let tone = 'neutral';
  if (state.status === 'done') {
    const failed = state.results.filter((r) => !r.pass).length;
    text = `${count}: ${cases.length - failed} pass, ${failed} ${failed === 1 ? 'fails' : 'fail'}`;
    tone = failed > 0 ? 'danger' : 'success';
  } else if (state.status === 'failed') text = `${count}: could not run (${state.message})`;
  return (
    <p className="version-cases" role="status">
      <span className={`badge badge--${tone}`}>Test cases</span>{' '}
      <Link to={tracePath(policy.id, policy.version)}>{text}</Link>
    </p>
  );
}
