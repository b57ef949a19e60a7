/**
 * go-playground/validator's words. `ValidationErrors.Error()` prints one line per failing field,
 * joined with "\n", in struct-field order, and stops at the first failing tag of each field.
 */
export function fieldError(namespace: string, tag: string): string {
  const field = namespace.slice(namespace.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
  return `Key: '${namespace}' Error:Field validation for '${field}' failed on the '${tag}' tag`;
}

/** The `url` tag: Go's url.Parse plus "has a scheme" and "has a host (or is opaque)". */
export function isUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() !== value || value === '') return false;
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.host !== '' || !value.includes('://');
  } catch {
    return false;
  }
}
