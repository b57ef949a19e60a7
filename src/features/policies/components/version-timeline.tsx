import { Link } from '@/lib/router';
import { formatDate } from '@/lib/format/format-date';
import type { VersionStamp } from '../catalog/summarize-policies';
import { versionPath } from '../version/version-paths';

interface VersionTimelineProps {
  id: string;
  /** Newest first. */
  versions: readonly VersionStamp[];
  current: number;
}

/** Every version of the policy, newest first; the one on screen is marked, the latest labelled. */
export function VersionTimeline({ id, versions, current }: VersionTimelineProps) {
  const latest = versions[0]?.version;
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
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
