/**
 * Some top-level fields of a JSON object, read from its text without parsing the rest: a policy
 * version's id, number and dates are a few dozen characters of a row that may be 5 kB of steps.
 * Each wanted field's value is parsed with `JSON.parse` (an object or array reads as `{}`, so a
 * schema refuses it as it would the real value). `undefined` when the text is not an object.
 * Only the structure is checked here; what is skipped is not validated as JSON.
 */
export function topLevelFields(text: string, wanted: ReadonlySet<string>): Record<string, unknown> | undefined {
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  if (text.charCodeAt(i) !== 123 /* { */) return undefined;
  const fields: Record<string, unknown> = {};
  let depth = 0;
  let key: string | undefined;
  let keyStart = -1;
  let valueStart = -1;
  let nested = false;
  let backslash = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the string to its closing quote (past escaped ones).
      const start = i;
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote === -1) return fields; // cut short: what was read is what there is
        if (backslash < i + 1) {
          const next = text.indexOf('\\', i + 1);
          backslash = next === -1 ? n : next;
        }
        if (backslash < quote) {
          i = backslash + 1; // the escaped character
          backslash = -1;
          continue;
        }
        i = quote;
        break;
      }
      if (depth === 1 && valueStart === -1) keyStart = start;
      continue;
    }
    switch (c) {
      case 123: // {
      case 91: // [
        if (depth === 1 && valueStart !== -1) nested = true;
        depth++;
        break;
      case 125: // }
      case 93: // ]
        if (depth === 1) take(i);
        depth--;
        break;
      case 58: // :
        if (depth === 1 && valueStart === -1 && keyStart !== -1) {
          key = readKey(text.slice(keyStart, i));
          valueStart = i + 1;
        }
        break;
      case 44: // ,
        if (depth === 1) take(i);
        break;
    }
  }
  return fields;

  function take(end: number): void {
    if (valueStart !== -1 && key !== undefined && wanted.has(key)) {
      fields[key] = nested ? {} : JSON.parse(text.slice(valueStart, end));
    }
    key = undefined;
    keyStart = -1;
    valueStart = -1;
    nested = false;
  }
}

/** `"created_at"` (quotes and any spaces before the colon included) → created_at. */
function readKey(raw: string): string | undefined {
  const quoted = raw.trim();
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}
