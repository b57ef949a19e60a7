import { APPEAL_CONFIG_KEYS, POLICY_KEYS, iamSchema, type Policy } from '@/lib/api/guardian/policy-schema';
import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import { containsSecrets, maskSecrets } from '@/lib/secrets';

export interface OtherPart {
  /** Where it sits: `stages`, `appeal.metadata_sources`. */
  path: string;
  value: unknown;
  secrets: boolean;
}

/** The parts of a policy this console does not model (a fork's or a newer server's), secrets masked. */
export function otherParts(policy: Policy): OtherPart[] {
  const parts: OtherPart[] = [];
  for (const key of undeclaredKeys(policy, POLICY_KEYS)) {
    const value = (policy as Record<string, unknown>)[key];
    parts.push({ path: key, value: maskSecrets(value, { at: [key] }), secrets: containsSecrets(value, [key]) });
  }
  if (policy.appeal) {
    for (const key of undeclaredKeys(policy.appeal, APPEAL_CONFIG_KEYS)) {
      const value = (policy.appeal as Record<string, unknown>)[key];
      parts.push({
        path: `appeal.${key}`,
        value: maskSecrets(value, { at: ['appeal', key] }),
        secrets: containsSecrets(value, ['appeal', key]),
      });
    }
  }
  if (policy.iam) {
    for (const key of undeclaredKeys(policy.iam, iamSchema.declaredKeys)) {
      const value = (policy.iam as Record<string, unknown>)[key];
      parts.push({
        path: `iam.${key}`,
        value: maskSecrets(value, { at: ['iam', key] }),
        secrets: containsSecrets(value, ['iam', key]),
      });
    }
  }
  return parts;
}

/** Shown read-only as JSON: never dropped, never edited here. */
export function OtherSettings({ parts }: { parts: readonly OtherPart[] }) {
  return (
    <div className="other-settings">
      <p className="muted">
        This version carries parts that this console does not edit (for example from the goto fork of Guardian). They
        are kept as they are when a new version is saved.
      </p>
      {parts.map((part) => (
        <section key={part.path} className="other-settings__part" aria-label={part.path}>
          <h3 className="mono subsection-title">{part.path}</h3>
          {part.secrets && <p className="muted">Secret values in it are masked.</p>}
          <pre className="json-block mono" tabIndex={0} aria-label={`${part.path} as JSON`}>
            {JSON.stringify(part.value, null, 2)}
          </pre>
        </section>
      ))}
    </div>
  );
}
