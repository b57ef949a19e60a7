import { Suspense, lazy, memo, useState } from 'react';
import { formatCount } from '@/lib/format/format-number';
import { isApplicable, type PlanEntry } from '../plan/plan-entry';
import { ChecksCell, PlanStatusBadge, ResultCell } from './plan-badges';

interface PlanTableProps {
  entries: readonly PlanEntry[];
  busy: boolean;
  onSelect: (keys: readonly string[], selected: boolean) => void;
}

const rowId = (index: number) => `plan-file-${index}`;

// The diff views come with the first row opened, not with the page.
const EntryDetails = lazy(() => import('./entry-details').then((m) => ({ default: m.EntryDetails })));

const PlanRow = memo(function PlanRow({
  entry,
  index,
  busy,
  onSelect,
}: {
  entry: PlanEntry;
  index: number;
  busy: boolean;
  onSelect: PlanTableProps['onSelect'];
}) {
  const [open, setOpen] = useState(false);
  const applicable = isApplicable(entry);
  const detailsId = `${rowId(index)}-details`;
  const hasDetails = entry.stage !== 'waiting' && entry.stage !== 'reading';
  return (
    <>
      <tr className={`plan-row plan-row--${entry.status ?? 'pending'}`}>
        <td className="plan-row__select">
          <input
            type="checkbox"
            aria-label={`Apply ${entry.path}`}
            checked={entry.selected}
            disabled={!applicable || busy}
            onChange={(event) => onSelect([entry.key], event.target.checked)}
          />
        </td>
        <td className="plan-row__file">
          <span className="mono break-anywhere">{entry.path}</span>
          {entry.problem && <span className="plan-row__problem">{entry.problem.message}</span>}
        </td>
        <td className="mono break-anywhere">{entry.id ?? <span className="muted">—</span>}</td>
        <td>
          <PlanStatusBadge entry={entry} />
        </td>
        <td>
          <ChecksCell entry={entry} />
        </td>
        <td>
          <ResultCell entry={entry} />
        </td>
        <td className="plan-row__toggle">
          {hasDetails && (
            <button
              type="button"
              className="button button--small button--ghost"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen((shown) => !shown)}
            >
              {open ? 'Hide details' : 'Details'}
              <span className="visually-hidden"> of {entry.path}</span>
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr id={detailsId} className="plan-row__details">
          <td colSpan={7}>
            <Suspense fallback={<p className="muted">Loading the details…</p>}>
              <EntryDetails entry={entry} idPrefix={rowId(index)} />
            </Suspense>
          </td>
        </tr>
      )}
    </>
  );
});

// Fixed widths: statuses change many times while a folder is planned; the table must not reflow each
// time. The file's column takes what is left.
const COLUMNS: { heading: string; width?: string }[] = [
  { heading: 'File' },
  { heading: 'Policy', width: '12rem' },
  { heading: 'Plan', width: '10.5rem' },
  { heading: 'Checks', width: '19rem' },
  { heading: 'Result', width: '9rem' },
];

/** One row per file: what it is, what applying it would do, its checks and, once applied, its result. */
export function PlanTable({ entries, busy, onSelect }: PlanTableProps) {
  const applicable = entries.filter(isApplicable);
  const selected = applicable.filter((entry) => entry.selected);
  const all = applicable.length > 0 && selected.length === applicable.length;
  return (
    <div className="table-wrap plan-table">
      <table className="table">
        <caption className="visually-hidden">
          {formatCount(entries.length)} files and what applying each would do
        </caption>
        <colgroup>
          <col className="plan-col--select" />
          {COLUMNS.map(({ heading, width }) => (
            <col key={heading} style={width ? { width } : undefined} />
          ))}
          <col className="plan-col--details" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="plan-row__select">
              <input
                type="checkbox"
                aria-label="Apply every file that can be applied"
                checked={all}
                ref={(input) => {
                  if (input) input.indeterminate = selected.length > 0 && !all;
                }}
                disabled={applicable.length === 0 || busy}
                onChange={(event) =>
                  onSelect(
                    applicable.map((entry) => entry.key),
                    event.target.checked,
                  )
                }
              />
            </th>
            {COLUMNS.map(({ heading }) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <PlanRow key={entry.key} entry={entry} index={index} busy={busy} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
