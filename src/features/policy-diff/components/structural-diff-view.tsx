import type { EntityChange, PolicyDiff, SectionId } from '../structural/types';
import { ChangeKindBadge } from './change-kind-badge';
import { FieldChangeRow } from './field-change-row';
import './structural-diff.css';

const SECTION_TITLES: Record<SectionId, string> = {
  policy: 'Policy details',
  steps: 'Steps',
  requirements: 'Requirements',
  appeal: 'Appeal settings',
  durations: 'Duration options',
  questions: 'Questions',
  labels: 'Labels',
  iam: 'IAM',
  other: 'Other settings',
};

const SUBJECT: Record<EntityChange['entity'], string> = {
  policy: 'Policy',
  step: 'Step',
  requirement: 'Requirement',
  appeal: 'Appeal settings',
  'duration option': 'Duration option',
  question: 'Question',
  label: 'Label',
  iam: 'IAM',
  setting: 'Setting',
};

/** The DOM id of the n-th change (0-based), for jumping to it. */
export const changeElementId = (prefix: string, index: number) => `${prefix}-change-${index}`;

interface StructuralDiffViewProps {
  diff: PolicyDiff;
  /** Prefix for element ids, when two diffs are on one page. */
  idPrefix?: string;
  /** The level of the section headings (the view sits under a heading of level - 1). */
  headingLevel?: 2 | 3 | 4;
  /** The change that has the keyboard's attention (0-based), highlighted. */
  current?: number;
}

function ChangeCard({
  change,
  index,
  idPrefix,
  current,
}: {
  change: EntityChange;
  index: number;
  idPrefix: string;
  current: boolean;
}) {
  const showName = change.entity !== 'appeal' && change.entity !== 'iam' && change.entity !== 'policy';
  return (
    <li
      id={changeElementId(idPrefix, index)}
      className={`diff-change diff-change--${change.kind}${current ? ' diff-change--current' : ''}`}
      tabIndex={-1}
      data-change-index={index}
      aria-current={current ? 'true' : undefined}
    >
      <div className="diff-change__head">
        <ChangeKindBadge kind={change.kind} />
        <span className="diff-change__subject">{SUBJECT[change.entity]}</span>
        {showName && <code className="diff-change__name mono">{change.key}</code>}
        {change.renamedFrom !== undefined && (
          <span className="muted">
            renamed from <code className="mono">{change.renamedFrom}</code>
          </span>
        )}
        {change.move && (
          <span className="muted">
            moved from position {change.move.from} to {change.move.to}
          </span>
        )}
      </div>
      {change.fields.length > 0 && (
        <dl className="diff-change__fields">
          {change.fields.map((field) => (
            <FieldChangeRow key={field.field} field={field} />
          ))}
        </dl>
      )}
    </li>
  );
}

/** Every change of a structural diff, grouped by part of the policy, field by field. */
export function StructuralDiffView({ diff, idPrefix = 'diff', headingLevel = 2, current }: StructuralDiffViewProps) {
  if (diff.identical) {
    return <p className="diff-identical">These two versions have the same content.</p>;
  }
  const Heading = `h${headingLevel}` as const;
  const sections: { id: SectionId; items: { change: EntityChange; index: number }[] }[] = [];
  diff.changes.forEach((change, index) => {
    const last = sections[sections.length - 1];
    if (last && last.id === change.section) last.items.push({ change, index });
    else sections.push({ id: change.section, items: [{ change, index }] });
  });
  return (
    <div className="structural-diff">
      {sections.map((section) => (
        <section key={section.id} className="diff-section" aria-labelledby={`${idPrefix}-section-${section.id}`}>
          <Heading id={`${idPrefix}-section-${section.id}`} className="diff-section__title">
            {SECTION_TITLES[section.id]}{' '}
            <span className="muted diff-section__count">
              ({section.items.length} {section.items.length === 1 ? 'change' : 'changes'})
            </span>
          </Heading>
          <ol className="stacked-list">
            {section.items.map(({ change, index }) => (
              <ChangeCard
                key={change.id}
                change={change}
                index={index}
                idPrefix={idPrefix}
                current={current === index}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
