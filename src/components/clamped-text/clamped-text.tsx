import { useId, useState } from 'react';
import { formatCount } from '@/lib/format/format-number';
import './clamped-text.css';

interface ClampedTextProps {
  text: string;
  /** Characters shown before "Show more". */
  limit?: number;
  /** Lines shown before "Show more". */
  maxLines?: number;
  className?: string;
  /** What the text is, for the expanded region's name: "Description". */
  label: string;
}

/** Where a long text is cut: at `limit` characters or after `maxLines` lines, whichever comes first. */
function clampAt(text: string, limit: number, maxLines: number): number {
  let end = Math.min(text.length, limit);
  let newlines = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++newlines >= maxLines) {
      end = i;
      break;
    }
  }
  return end;
}

/**
 * Free text from a policy, which anyone may have made any length: the first few lines, and the
 * rest behind "Show more", so a 100,000-character description does not push the page's content
 * sixty screens down. Expanded, it scrolls in a box of its own.
 */
export function ClampedText({ text, limit = 400, maxLines = 6, className, label }: ClampedTextProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const end = clampAt(text, limit, maxLines);
  if (end >= text.length) return <p className={className}>{text}</p>;
  const hidden = text.length - end;
  return (
    <div className="clamped-text">
      {open ? (
        <p id={id} className={`${className ?? ''} clamped-text__full`} tabIndex={0} role="region" aria-label={label}>
          {text}
        </p>
      ) : (
        <p id={id} className={className}>
          {text.slice(0, end).trimEnd()}…
        </p>
      )}
      <button
        type="button"
        className="button button--small button--ghost clamped-text__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        {open
          ? `Show less of the ${label.toLowerCase()}`
          : `Show more of the ${label.toLowerCase()} (${formatCount(hidden)} more characters)`}
      </button>
    </div>
  );
}
