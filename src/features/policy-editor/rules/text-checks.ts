/** Small predicates the rules share; each mirrors a check Guardian (or Go) makes. */

/** Indexes of entries whose key (after `keyOf`) already appeared earlier in the list. */
export function laterDuplicates<T>(items: readonly T[], keyOf: (item: T) => string): Map<number, number> {
  const firstIndex = new Map<string, number>();
  const duplicates = new Map<number, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === '') return;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else duplicates.set(index, first);
  });
  return duplicates;
}

/** Quotes untrusted text for a message, shortened so a 10,000-character value cannot flood it. */
export function quote(value: string, max = 60): string {
  const short = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return `“${short}”`;
}

/** A suggestion for a name with spaces: `manager approval` → `manager_approval`. */
export const withoutWhitespace = (value: string): string => value.trim().replace(/[\t\n\f\r ]+/g, '_');

/** JS RegExp is close enough to Go's RE2 to catch the typos people make in trigger patterns. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : 'invalid pattern';
  }
}

/** RFC 3339 date-time, as Guardian's `expiration_date` (a protobuf Timestamp) needs it. */
export function isRfc3339(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
