import { useState } from 'react';
import { Icon } from '@/components/icon/icon';
import { joinsWithoutColon, riskReason } from '../structural/summarize-diff';
import type { SummaryItem } from '../structural/types';
import './structural-diff.css';

interface ChangeSummaryProps {
  items: readonly SummaryItem[];
  /** Makes each item a link to its change in a StructuralDiffView on the same page. */
  hrefOf?: (item: SummaryItem) => string | undefined;
  /** Show this many items, then a button for the rest (a big diff must not bury its detail). */
  limit?: number;
}

/** The diff in plain words: "Step `manager_approval`: approvers changed"; risky changes first, marked. */
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
          const joined = item.phrases.join(', ');
          // Policy-wide settings have no subject: their phrase begins the line.
          const phrases = item.subject ? joined : joined.charAt(0).toUpperCase() + joined.slice(1);
          const name = item.name !== undefined && <code className="mono">{item.name}</code>;
          const head = item.subject && (
            <>
              {item.subject}
              {name && ' '}
              {item.nameWords ? (
                <>
                  {item.nameWords} ({name})
                </>
              ) : (
                name
              )}
              {joinsWithoutColon(item) ? ' ' : ': '}
            </>
          );
          const content = (
            <>
              {head}
              {phrases}
            </>
          );
          const reason = riskReason(item);
          return (
            <li key={`${item.changeId}-${i}`} className={item.risk ? 'change-summary__risky' : undefined}>
              {item.risk && (
                <span className="badge badge--danger change-summary__risk">
                  <Icon name="error" />
                  Risky
                </span>
              )}
              {item.risk && ' '}
              {href ? <a href={href}>{content}</a> : content}
              {reason && <span className="change-summary__why"> — {reason}</span>}
            </li>
          );
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
