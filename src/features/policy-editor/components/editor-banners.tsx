import { Link } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import type { Policy } from '@/lib/api/guardian/policy-schema';

/** Saving needs the admin's identity email; once a save asked for it, the banner is an alert. */
export function IdentityBanner({ asked }: { asked: boolean }) {
  return (
    <div
      id="editor-identity"
      tabIndex={-1}
      className={`editor__banner ${asked ? 'editor__banner--danger' : 'editor__banner--warning'}`}
      role={asked ? 'alert' : undefined}
    >
      <Icon name="info" />
      <p>
        Saving needs your identity email: Guardian records it as the author (sent as <code>X-Auth-Email</code>). Set it
        in <Link to="/settings">Settings</Link> — your changes are kept as a draft meanwhile.
      </p>
    </div>
  );
}

/** Someone else saved a newer version while this edit was open. */
export function TheirsBanner({ theirs, onShow }: { theirs: Policy; onShow: () => void }) {
  return (
    <div className="editor__banner editor__banner--warning" role="status">
      <Icon name="info" />
      <p>
        {theirs.createdBy ?? 'Someone'} saved version {theirs.version} after your edit began. You will be asked what to
        do when you save.{' '}
        <button type="button" className="button button--small" onClick={onShow}>
          Show their change
        </button>
      </p>
    </div>
  );
}

/** Notes about what just happened to the form (a restore, an import, a rebase). */
export function NoticesBanner({ notices, onDismiss }: { notices: string[]; onDismiss: () => void }) {
  return (
    <div className="editor__banner editor__banner--info" role="status">
      <Icon name="info" />
      <ul className="editor__notices">
        {notices.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--icon button--ghost"
        aria-label="Dismiss these notes"
        onClick={onDismiss}
      >
        <Icon name="x" />
      </button>
    </div>
  );
}
