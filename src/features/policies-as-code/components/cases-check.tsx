import { Icon } from '@/components/icon/icon';
import { casesNeedAttention, type CasesSource, type EntryCases, type PlanEntry } from '../plan/plan-entry';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Where the cases came from, in a few words. */
function casesSourceText(source: CasesSource | undefined): string {
  if (!source) return '';
  return source.kind === 'file'
    ? `from ${source.path.slice(source.path.lastIndexOf('/') + 1)}`
    : 'kept in this browser';
}

/** "6 cases: 5 pass, 1 fails". */
export function casesCountText(cases: Extract<EntryCases, { state: 'done' }>): string {
  const failed = cases.results.filter((result) => !result.pass).length;
  const leftOut = cases.source.kind === 'file' ? cases.source.leftOut : 0;
  return `${plural(cases.results.length, 'case', 'cases')}: ${cases.results.length - failed} pass, ${failed} ${failed === 1 ? 'fails' : 'fail'}${leftOut > 0 ? ` (${leftOut} left out)` : ''}`;
}

/** The policy's test cases in the checks column: their count and verdict, and where they came from. */
export function CasesCheck({ entry }: { entry: PlanEntry }) {
  const cases = entry.cases;
  if (!cases || cases.state === 'none') return null;
  const bad = casesNeedAttention(entry);
  let verdict;
  if (cases.state === 'done') {
    verdict = (
      <span className={`plan-checks__cases ${bad ? 'plan-checks__bad' : 'plan-checks__ok'}`}>
        <Icon name={bad ? 'blocked' : 'approved'} /> {casesCountText(cases)}
      </span>
    );
  } else if (cases.state === 'failed') {
    verdict = (
      <span className="plan-checks__cases plan-checks__bad">
        <Icon name="error" /> Test cases not run
      </span>
    );
  } else {
    verdict = (
      <span className="plan-checks__cases">
        <span className="spinner spinner--small" aria-hidden="true" /> {plural(cases.count, 'case', 'cases')}:{' '}
        {cases.state === 'running' ? 'running…' : 'waiting…'}
      </span>
    );
  }
  return (
    <span className="plan-checks__cases-line">
      {verdict}
      {cases.source && <span className="muted plan-checks__source">{casesSourceText(cases.source)}</span>}
      {bad && entry.selected && (
        <span className="plan-checks__acknowledged">
          <Icon name="error" /> Selected although its cases fail
        </span>
      )}
    </span>
  );
}
