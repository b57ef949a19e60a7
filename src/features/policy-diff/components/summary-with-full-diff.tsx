import { useState } from 'react';
import type { PolicyDiff } from '../structural/types';
import { ChangeSummary } from './change-summary';
import { StructuralDiffView } from './structural-diff-view';

interface SummaryWithFullDiffProps {
  diff: PolicyDiff;
  idPrefix: string;
  headingLevel: 3 | 4;
  /** A box around the full diff, when the place it stands in needs one. */
  fullDiffClassName?: string;
}

/** What a diff changes in a few lines, and a button that shows or hides the whole diff under them. */
export function SummaryWithFullDiff({ diff, idPrefix, headingLevel, fullDiffClassName }: SummaryWithFullDiffProps) {
  const [shown, setShown] = useState(false);
  const full = <StructuralDiffView diff={diff} idPrefix={idPrefix} headingLevel={headingLevel} />;
  return (
    <>
      <ChangeSummary items={diff.summary} />
      <button
        type="button"
        className="button button--small"
        aria-expanded={shown}
        onClick={() => setShown((was) => !was)}
      >
        {shown ? 'Hide the full diff' : 'Show the full diff'}
      </button>
      {shown && (fullDiffClassName ? <div className={fullDiffClassName}>{full}</div> : full)}
    </>
  );
}
