import { memo } from 'react';
import { NO_STEP_FILTER } from '@/lib/api/policy-tests/policy-test-schema';
import { Link } from '@/lib/router';
import type { CompareView } from '../compare/compare-params';
import type { StepGroup } from '../compare/live-comparison';
import { stepGroupWords } from '../compare/step-group-words';
import { CodeText } from '@/components/code-text/code-text';
import { changeIcon } from './compare-columns';

interface CompareStepGroupsProps {
  groups: readonly StepGroup[];
  explained: boolean;
  complete: boolean;
  view: CompareView;
  hrefFor: (patch: Partial<CompareView>) => string;
}

const SHOWN = 12;

/** The changes by the step that now decides them, most users first; each a filter of the table below. */
export const CompareStepGroups = memo(function CompareStepGroups({
  groups,
  explained,
  complete,
  view,
  hrefFor,
}: CompareStepGroupsProps) {
  return (
    <section className="card compare-steps" aria-labelledby="compare-steps-heading">
      <h2 id="compare-steps-heading">Changes by deciding step</h2>
      {!explained ? (
        <p className="muted">Not reported by this server: it does not say which step decided each user.</p>
      ) : groups.length === 0 ? (
        <p className="muted">{complete ? 'No user changed.' : 'No user has changed so far.'}</p>
      ) : (
        <ul className="compare-steps__list">
          {groups.slice(0, SHOWN).map((group) => {
            const step = group.step ?? NO_STEP_FILTER;
            const current = view.change === group.kind && view.step === step;
            return (
              <li key={`${group.kind}\n${step}`}>
                {changeIcon(group.kind)}
                <Link
                  to={hrefFor({ change: group.kind, step, page: 1 })}
                  aria-current={current ? 'true' : undefined}
                  className={current ? 'compare-steps__current' : undefined}
                >
                  <CodeText text={stepGroupWords(group)} />
                </Link>
              </li>
            );
          })}
          {groups.length > SHOWN && (
            <li className="muted">…and {groups.length - SHOWN} smaller groups (filter by kind of change below).</li>
          )}
        </ul>
      )}
    </section>
  );
});
