import { policySchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { carryOverSecrets, formatJsonPath } from '@/lib/secrets';
import { policyDocumentObject, sameContent } from '@/lib/policy-document';

export type Classification =
  | { status: 'new'; policy: Policy }
  | {
      status: 'changed' | 'unchanged';
      /** What would be written: the file, plus the server's secrets the file leaves out. */
      policy: Policy;
      latest: Policy;
      /** Secrets kept from the server's version, as paths (`iam.config.auth.password`). */
      keptSecrets: string[];
    };

/**
 * A file's policy against the latest version on the server: new (no such id), unchanged (the same
 * content, once the secrets the file leaves out are kept from the server) or changed.
 */
export function classify(filePolicy: Policy, latest: Policy | undefined): Classification {
  if (!latest) return { status: 'new', policy: filePolicy };
  const file = policyDocumentObject(filePolicy, { metadata: false, maskSecrets: false });
  const server = policyDocumentObject(latest, { metadata: false, maskSecrets: false });
  const { value, kept } = carryOverSecrets(file, server);
  const policy = kept.length > 0 ? policySchema.parse(value) : filePolicy;
  return {
    status: sameContent(policy, latest) ? 'unchanged' : 'changed',
    policy,
    latest,
    keptSecrets: kept.map(formatJsonPath),
  };
}

/** Paths of files that name the same policy id, by id (only ids named more than once). */
export function duplicateIds(files: readonly { path: string; id: string | undefined }[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    if (file.id === undefined) continue;
    byId.set(file.id, [...(byId.get(file.id) ?? []), file.path]);
  }
  for (const [id, paths] of byId) if (paths.length < 2) byId.delete(id);
  return byId;
}
