import { Link } from '@/lib/router';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { versionPath } from '@/features/policies';
import { PageHeader } from '@/components/page-header/page-header';

interface EditorHeaderProps {
  policyId: string | undefined;
  base: Policy | undefined;
  latestVersion: number | undefined;
}

/** What is being edited, from which version, and which version a save would make. */
export function EditorHeader({ policyId, base, latestVersion }: EditorHeaderProps) {
  const isNew = policyId === undefined;
  const nextVersion = latestVersion !== undefined ? latestVersion + 1 : undefined;
  return (
    <PageHeader
      titleId="editor-title"
      title={
        isNew ? (
          'New policy'
        ) : (
          <>
            Edit <span className="mono">{policyId}</span>
          </>
        )
      }
      subtitle={
        isNew
          ? 'Saved as version 1 of a new policy.'
          : `Editing from version ${base?.version ?? '?'}${base && base.version === latestVersion ? ' (the latest)' : ''}. Saving adds version ${nextVersion ?? 'latest + 1'}; older versions never change.`
      }
      actions={
        !isNew &&
        base && (
          <Link className="button button--ghost" to={versionPath(base.id, base.version)}>
            View version {base.version}
          </Link>
        )
      }
    />
  );
}
