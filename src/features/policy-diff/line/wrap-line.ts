/**
 * Wrapping for the line diff, done here rather than by the browser: rows are sized by arithmetic
 * (never measured), so the number of visual lines must be known exactly, and a YAML line reads
 * better broken at a space or a punctuation mark, its continuation aligned under its text, than
 * cut mid-word at the box's edge.
 */
export interface WrappedPart {
  text: string;
  /** Columns of hanging indent before this part (0 for the first). */
  indent: number;
}

/** Characters a line may break after, when there is no space to break at. */
const BREAK_AFTER = new Set([',', ';', ':', ')', ']', '}', '/', '-', '.', '=', '&', '|', '_', '?', '!', '>']);

/** Where the continuation of a line starts: under its value, past the indentation, a YAML `- ` and a `key: `. */
function hangingIndent(text: string, columns: number): number {
  const indent = /^[ \t]*(?:- )?(?:[^\s:"']+: )?/.exec(text)![0].length;
  // A deeply indented line in a narrow box still gets at least half the width for its text.
  return Math.min(indent, Math.floor(columns / 2));
}

/** The best place to end a piece of at most `width` characters of `rest` (which is longer than that). */
function breakAt(rest: string, width: number): number {
  // Prefer a space (after it), then punctuation, then the hard edge.
  for (let i = width; i > 0; i--) if (rest[i - 1] === ' ') return i;
  for (let i = width; i > 0; i--) if (BREAK_AFTER.has(rest[i - 1]!)) return i;
  return width;
}

/** One diff line as the visual lines it takes in a box `columns` characters wide. */
export function wrapLine(text: string, columns: number): WrappedPart[] {
  if (!Number.isFinite(columns) || text.length <= columns) return [{ text, indent: 0 }];
  const cols = Math.max(1, Math.floor(columns));
  const indent = hangingIndent(text, cols);
  const parts: WrappedPart[] = [];
  let rest = text;
  let width = cols;
  let hang = 0;
  while (rest.length > width) {
    // A break right after the indentation would leave an empty first line.
    const end = Math.max(breakAt(rest, width), hang === 0 ? Math.min(width, indent + 1) : 1);
    parts.push({ text: rest.slice(0, end), indent: hang });
    rest = rest.slice(end);
    hang = indent;
    width = cols - indent;
  }
  parts.push({ text: rest, indent: hang });
  return parts;
}

/** How many visual lines a diff line takes: what its row's height is computed from. */
export function wrappedLineCount(text: string, columns: number): number {
  return text.length <= columns ? 1 : wrapLine(text, columns).length;
}
