import { Icon } from '@/components/icon/icon';
import type { UnreadablePolicy } from '../api/get-policies';

/**
 * Rows of the list that failed the schema: told, not hidden, and not allowed to sink the list.
 * `rows` describes the first of them; `total` counts them all.
 */
export function UnreadableNotice({ rows, total = rows.length }: { rows: readonly UnreadablePolicy[]; total?: number }) {
  if (total === 0) return null;
  const names = rows
    .slice(0, 3)
    .map((row) => row.id ?? `row ${row.index + 1}`)
    .join(', ');
  return (
    <details className="policy-notice policy-notice--warning unreadable-notice">
      <summary>
        <Icon name="error" />
        <span>
          {total === 1 ? '1 policy could not be read' : `${total} policies could not be read`}:{' '}
          <span className="mono">{names}</span>
          {total > 3 ? ` and ${total - 3} more` : ''}. Show details
        </span>
      </summary>
      <p className="muted">
        The server sent these rows in a shape this console does not understand; they are left out of the list below.
        {total > rows.length && ` The first ${rows.length} are described here.`}
      </p>
      <ul className="unreadable-notice__list">
        {rows.map((row) => (
          <li key={row.index}>
            <span className="mono">{row.id ?? '(no id)'}</span>
            {row.version !== undefined && <span className="muted"> v{row.version}</span>}
            <span className="muted"> · row {row.index + 1} of the list</span>
            <ul>
              {row.problems.map((problem, i) => (
                <li key={i} className="mono">
                  {problem}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
