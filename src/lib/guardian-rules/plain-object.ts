/** A JSON object: not null, not a list. What Guardian's messages and maps decode from. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
