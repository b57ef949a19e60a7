import { useMemo } from 'react';
import { CodeView } from '@/components/code-view';
import { Icon } from '@/components/icon/icon';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { policyDocument, policyFileName, type DocumentFormat } from '@/lib/policy-document';
import { containsSecrets } from '@/lib/secrets';
import { CliFileView } from './cli-file-view';
import './cli-file.css';

/**
 * The version as JSON (the REST body, secrets masked) or as YAML (the CLI's file, secrets left out),
 * with copy and download.
 */
export function RawDocument({ policy, format }: { policy: Policy; format: DocumentFormat }) {
  if (format === 'yaml') return <CliFileView policy={policy} />;
  return <RestDocument policy={policy} />;
}

function RestDocument({ policy }: { policy: Policy }) {
  const text = useMemo(() => policyDocument(policy, 'json'), [policy]);
  const masked = useMemo(() => containsSecrets(policy), [policy]);
  return (
    <CodeView
      code={text}
      label={`${policy.id} version ${policy.version} as JSON`}
      fileName={policyFileName(policy, 'json')}
      mimeType="application/json"
      downloadLabel="Download JSON"
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
