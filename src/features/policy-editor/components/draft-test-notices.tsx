import { Icon } from '@/components/icon/icon';
import { ErrorState } from '@/components/states/error-state';
import { UNSUPPORTED_DRAFTS, type DraftRefusal } from '@/features/policy-tests';

/** Why the draft could not be tested: a server that takes no drafts, or one that failed. */
export function DraftTestRefusal({
  refusal,
  onRetry,
}: {
  refusal: Exclude<DraftRefusal, { kind: 'invalid' }>;
  onRetry: () => void;
}) {
  if (refusal.kind === 'failed')
    return <ErrorState compact error={refusal.error} what="the test of this draft" onRetry={onRetry} />;
  return (
    <div className="notice notice--warning" role="alert">
      <Icon name="info" />
      <div>
        <p className="notice__title">{UNSUPPORTED_DRAFTS}</p>
        {refusal.serverSays.length > 0 && (
          <p className="break-anywhere">The server said: {refusal.serverSays.slice(0, 3).join(' ')}</p>
        )}
      </div>
    </div>
  );
}

/** The draft is being tested, but its saved version could not be tested beside it. */
export function DraftBaseProblem({ error }: { error: unknown }) {
  return <ErrorState compact error={error} what="the test of the saved version (the draft’s own test runs)" />;
}
