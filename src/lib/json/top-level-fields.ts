/**
 * Where an object's top-level members are in its JSON text, four numbers each: where its key's
 * string begins, where its `:` is, where the member ends (its `,` or the object's `}`), and 1 if the
 * value is an object or array (else 0). JsonArraySplitter notes them as it scans a list's items.
 */
export type Members = number[];

/**
 * Some top-level fields of a JSON object, read from its text at the members' offsets without
 * parsing the rest: a policy version's id, number and dates are a few dozen characters of a row
 * that may be 5 kB of steps. Each wanted field's value is parsed with `JSON.parse` (an object or
 * array reads as `{}`, so a schema refuses it as it would the real value); a repeated key reads as
 * its last. `undefined` when the text is not an object. What is skipped is not validated as JSON.
 */
export function readMembers(
  text: string,
  members: Members,
  wanted: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  if (text.charCodeAt(i) !== 123 /* { */) return undefined;
  const fields: Record<string, unknown> = {};
  for (let m = 0; m < members.length; m += 4) {
    const key = readKey(text.slice(members[m], members[m + 1]));
    if (key === undefined || !wanted.has(key)) continue;
    fields[key] = members[m + 3] ? {} : JSON.parse(text.slice(members[m + 1]! + 1, members[m + 2]));
  }
  return fields;
}

/** A key as JSON text (`"created_at"`, quotes and any spaces around included) → created_at; escapes are rare in keys, so only then parse. */
export function readKey(raw: string): string | undefined {
  const quoted = raw.trim();
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}
