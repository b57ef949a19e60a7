import type { TextPart } from '../structural/types';

/**
 * A text diff inline: removed runs struck through, added runs underlined, each also named for
 * screen readers, so the change does not rest on colour.
 */
export function TextParts({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="diff-ins">
            <span className="visually-hidden">[added: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.removed ? (
          <del key={i} className="diff-del">
            <span className="visually-hidden">[removed: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </>
  );
}
