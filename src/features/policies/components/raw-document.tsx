import { useMemo } from 'react';
import { CodeView } from '@/components/code-view';
import { Icon } from '@/components/icon/icon';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyDocument, policyFileName, type DocumentFormat } from '@/lib/policy-document';
import { containsSecrets } from '@/lib/secrets';

/** The version as Guardian writes it, in JSON or YAML, secrets masked, with copy and download. */
export function RawDocument({ policy, format }: { policy: Policy; format: DocumentFormat }) {
  const text = useMemo(() => policyDocument(policy, format), [policy, format]);
  const masked = useMemo(() => containsSecrets(policy), [policy]);
  return (
    <CodeView
      code={text}
      label={`${policy.id} version ${policy.version} as ${format.toUpperCase()}`}
      fileName={policyFileName(policy, format)}
      mimeType={format === 'json' ? 'application/json' : 'application/yaml'}
      highlight
      note={
        masked ? (
          <>
            <Icon name="eye" /> Secrets are masked here and in the download.
          </>
        ) : undefined
      }
    />
  );
}
