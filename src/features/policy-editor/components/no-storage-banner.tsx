import { Icon } from '@/components/icon/icon';

/** Said before any typing: with no storage, a reload or a closed tab loses what is not saved. */
export function NoStorageBanner() {
  return (
    <div className="editor__banner editor__banner--warning" role="status">
      <Icon name="info" />
      <p>
        This browser does not let the console store data (site data is blocked, or the console runs in a frame of
        another site), so <strong>drafts cannot be kept</strong>: a reload or a closed tab loses what is not saved.
        Everything else works.
      </p>
    </div>
  );
}
