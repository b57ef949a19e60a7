import { Icon } from '@/components/icon/icon';
import { Link } from '@/lib/router';
import type { RecentTest } from '../recent/recent-tests-store';

/** A side of the comparison is an unsaved draft: say so, and lead back to it. */
export function DraftLink({ side, test }: { side: 'A' | 'B'; test: RecentTest }) {
  const draft = test.draft!;
  const editor =
    draft.baseVersion === undefined ? '/policies/new' : `/policies/${encodeURIComponent(draft.policyId)}/edit`;
  return (
    <div className="notice draft-link" role="note">
      <Icon name="edit" />
      <p>
        Test {side} is an unsaved draft of <span className="mono">{draft.policyId}</span>
        {draft.baseVersion === undefined ? ' (a new policy)' : `, made from version ${draft.baseVersion}`}; it was
        tested as it stood when the test started. <Link to={editor}>Back to the draft</Link>
      </p>
    </div>
  );
}
