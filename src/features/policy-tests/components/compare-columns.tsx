import { dataTableColumns, type DataTableColumn } from '@/components/data-table';
import { Icon, type IconName } from '@/components/icon/icon';
import { CHANGE_LABELS, type ChangeKind } from '../compare/compare-outcomes';
import type { LiveRow } from '../compare/live-comparison';
import { traceColumn, whyColumn } from '../why/why-columns';
import { personColumns, statusColumn } from './person-columns';

export interface NumberedCompareRow extends LiveRow {
  n: number;
}

const CHANGE_LOOK: Record<ChangeKind, { icon: IconName; tone: string }> = {
  'newly-blocked': { icon: 'blocked', tone: 'danger' },
  'newly-approved': { icon: 'approved', tone: 'success' },
  'newly-errored': { icon: 'error', tone: 'warning' },
  unchanged: { icon: 'minus', tone: 'neutral' },
  'only-in-a': { icon: 'info', tone: 'neutral' },
  'only-in-b': { icon: 'info', tone: 'neutral' },
};

function ChangeBadge({ change }: { change: ChangeKind | undefined }) {
  if (!change) {
    return (
      <span className="badge badge--neutral">
        <Icon name="clock" />
        Not in both yet
      </span>
    );
  }
  const look = CHANGE_LOOK[change];
  return (
    <span className={`badge badge--${look.tone}`}>
      <Icon name={look.icon} />
      {CHANGE_LABELS[change]}
    </span>
  );
}

export function changeIcon(change: ChangeKind) {
  const look = CHANGE_LOOK[change];
  return <Icon name={look.icon} className={`tone--${look.tone}`} />;
}

const helper = dataTableColumns<NumberedCompareRow>();

const baseColumns: DataTableColumn<NumberedCompareRow>[] = [
  ...personColumns<NumberedCompareRow>(),
  statusColumn<NumberedCompareRow>('a', 'In A', (row) => row.a),
  statusColumn<NumberedCompareRow>('b', 'In B', (row) => row.b),
  helper.accessor('change', {
    header: 'Change',
    cell: (info) => <ChangeBadge change={info.getValue()} />,
    enableSorting: false,
    meta: { className: 'col-change' },
  }),
  whyColumn<NumberedCompareRow>('why-b', 'Why in B', (row) => row.whyB),
];

/** The comparison's columns; with each person's trace through a saved version when there is one. */
export function compareColumns(trace?: { of: (email: string) => string; label: string }) {
  return trace ? [...baseColumns, traceColumn<NumberedCompareRow>(trace.of, trace.label)] : baseColumns;
}

export const compareRowId = (row: NumberedCompareRow) => row.id;
