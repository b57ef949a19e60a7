/**
 * DOM ids derived from form paths, so that an error summary link, the first-error focus and the
 * server-error mapping can all find a field by its path (`steps.0.name` → `f-steps-0-name`).
 * A path whose inputs are a list (approvers, rows) puts its id on the list's "Add" button.
 */
export const fieldDomId = (path: string): string => `f-${path.replace(/\./g, '-')}`;
export const errorDomId = (path: string): string => `${fieldDomId(path)}-error`;
export const hintDomId = (path: string): string => `${fieldDomId(path)}-hint`;

export const describedBy = (...ids: unknown[]): string | undefined =>
  ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ') || undefined;
