/**
 * The Guardian schemas, fetched on first use in parallel with the request they validate: the first
 * view paints without zod on its critical path, and the schema chunk is cached after that.
 */
export function loadPolicySchemas() {
  const schemas = import('./policy-schema');
  // Awaited later by the caller; this only stops an offline chunk load from being reported twice.
  schemas.catch(() => undefined);
  return schemas;
}
