import type { SummaryItem } from '../structural/types';
import './structural-diff.css';

interface ChangeSummaryProps {
  items: readonly SummaryItem[];
  /** Makes each item a link to its change in a StructuralDiffView on the same page. */
  hrefOf?: (item: SummaryItem) => string | undefined;
}

/** The diff in plain words: "Step `manager_approval`: approvers changed". */
export function ChangeSummary({ items, hrefOf }: ChangeSummaryProps) {
  if (items.length === 0) return <p className="change-summary change-summary--none">No changes in content.</p>;
  return (
    <ul className="change-summary">
      {items.map((item, i) => {
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
  );
}
