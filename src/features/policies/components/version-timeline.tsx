import { Link } from '@/lib/router';
import { formatDate } from '@/lib/format/format-date';
import { Icon } from '@/components/icon/icon';
import type { VersionStamp } from '../catalog/summarize-policies';
import { useVersionChanges, type VersionChanges } from '../version/use-version-changes';
import { versionPath } from '../version/version-paths';

function ChangeHint({ changes }: { changes: VersionChanges | undefined }) {
  if (!changes) return null;
  if (changes.count === undefined) return <span className="timeline__change">First version</span>;
  if (changes.count === 0) return <span className="timeline__change">No change in content</span>;
  return (
    <span className="timeline__change" title={changes.first}>
      {changes.risky && (
        <span className="timeline__risky">
          <Icon name="error" /> Risky ·{' '}
        </span>
      )}
      {changes.count === 1 ? '1 change' : `${changes.count} changes`}: {changes.first}
    </span>
  );
}

interface VersionTimelineProps {
  id: string;
  /** Newest first. */
  versions: readonly VersionStamp[];
  current: number;
}

/**
 * Every version of the policy, newest first; the one on screen is marked, the latest labelled, and
 * each says what it changed from the one before.
 */
export function VersionTimeline({ id, versions, current }: VersionTimelineProps) {
  const latest = versions[0]?.version;
  const changes = useVersionChanges(id, versions);
  return (
    <nav className="timeline" aria-label="Versions">
      <h2 className="timeline__title">
        Versions <span className="muted">({versions.length})</span>
      </h2>
      <ol className="timeline__list">
        {versions.map((version) => {
          const isCurrent = version.version === current;
          return (
            <li
              key={version.version}
              className={isCurrent ? 'timeline__item timeline__item--current' : 'timeline__item'}
            >
              <Link
                to={versionPath(id, version.version)}
                className="timeline__link"
                aria-current={isCurrent ? 'page' : undefined}
              >
                <span className="timeline__number">v{version.version}</span>
                {version.version === latest && <span className="badge badge--success">Latest</span>}
                <span className="timeline__meta">
                  <span>{formatDate(version.createdAt ?? version.updatedAt)}</span>
                  {version.createdBy && <span className="timeline__author">{version.createdBy}</span>}
                </span>
                <ChangeHint changes={changes?.get(version.version)} />
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
