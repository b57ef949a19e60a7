import { useState } from 'react';
import type { SummaryItem } from '../structural/types';
import './structural-diff.css';

interface ChangeSummaryProps {
  items: readonly SummaryItem[];
  /** Makes each item a link to its change in a StructuralDiffView on the same page. */
  hrefOf?: (item: SummaryItem) => string | undefined;
  /** Show this many items, then a button for the rest (a big diff must not bury its detail). */
  limit?: number;
}

/** The diff in plain words: "Step `manager_approval`: approvers changed". */
export function ChangeSummary({ items, hrefOf, limit = 12 }: ChangeSummaryProps) {
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) return <p className="change-summary change-summary--none">No changes in content.</p>;
  // Folding only pays when it hides more than a couple of lines.
  const shown = expanded || items.length <= limit + 2 ? items : items.slice(0, limit);
  return (
    <>
      <ul className="change-summary">
        {shown.map((item, i) => {
          const href = hrefOf?.(item);
          const phrases = item.phrases.join(', ');
          const head = item.subject && (
            <>
              {item.subject}
              {item.name !== undefined && (
                <>
                  {' '}
                  <code className="mono">{item.name}</code>
                </>
              )}
              {item.phrases.length === 1 && (phrases === 'added' || phrases === 'removed') ? ' ' : ': '}
            </>
          );
          const content = (
            <>
              {head}
              {phrases}
            </>
          );
          return <li key={`${item.changeId}-${i}`}>{href ? <a href={href}>{content}</a> : content}</li>;
        })}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="button button--small change-summary__more" onClick={() => setExpanded(true)}>
          Show all {items.length} changes
        </button>
      )}
    </>
  );
}
