import type { JsonPath } from './mask-secrets';

/** `iam.config.auth.password`, `steps[0].approvers[1]`: a path as a person (and a YAML comment) reads it. */
export function formatJsonPath(path: JsonPath): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}
