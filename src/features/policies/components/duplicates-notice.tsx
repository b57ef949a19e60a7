import { Icon } from '@/components/icon/icon';
import { formatCount } from '@/lib/format/format-number';
import type { DuplicateVersion } from '../api/get-policies';

/** Versions the server listed more than once: shown once each, and the repeat told rather than hidden. */
export function DuplicatesNotice({ duplicates }: { duplicates: readonly DuplicateVersion[] }) {
  if (duplicates.length === 0) return null;
  const differing = duplicates.filter((duplicate) => duplicate.differs);
  return (
    <details className="policy-notice policy-notice--warning unreadable-notice">
      <summary>
        <Icon name="info" />
        <span>
          The server listed {duplicates.length === 1 ? '1 version' : `${formatCount(duplicates.length)} versions`} more
          than once; each is shown once
          {differing.length > 0 ? `, and ${formatCount(differing.length)} of them came with different content` : ''}.
          Show details
        </span>
      </summary>
      <p className="muted">
        A version never changes, so a list should hold each once. Where the copies differ, the first one listed is
        shown; open the version to see what the server answers for it on its own.
      </p>
      <ul className="unreadable-notice__list">
        {duplicates.slice(0, 50).map((duplicate) => (
          <li key={`${duplicate.id}\u0000${duplicate.version}`}>
            <span className="mono break-anywhere">{duplicate.id}</span> v{duplicate.version}
            <span className="muted">
              {' '}
              · listed {duplicate.repeats + 1} times{duplicate.differs ? ', not all the same' : ''}
            </span>
          </li>
        ))}
        {duplicates.length > 50 && <li className="muted">…and {formatCount(duplicates.length - 50)} more.</li>}
      </ul>
    </details>
  );
}
