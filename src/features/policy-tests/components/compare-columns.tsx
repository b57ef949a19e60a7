import { dataTableColumns } from '@/components/data-table';
import { Icon, type IconName } from '@/components/icon/icon';
import { formatCount } from '@/lib/format/format-number';
import { CHANGE_LABELS, type ChangeKind, type CompareRow } from '../compare/compare-outcomes';
import { UserStatusBadge } from './status-badges';

export interface NumberedCompareRow extends CompareRow {
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

function ChangeBadge({ change }: { change: ChangeKind }) {
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

export const compareColumns = helper.columns([
  helper.accessor('n', {
    header: '#',
    cell: (info) => formatCount(info.getValue()),
    enableSorting: false,
    meta: { numeric: true, className: 'col-row muted', label: 'Row number' },
  }),
  helper.accessor('name', {
    header: 'Name',
    // Long pages cut a long value with an ellipsis: the tooltip has all of it.
    cell: (info) => (
      <span className="break-anywhere" title={info.getValue() || undefined}>
        {info.getValue() || '—'}
      </span>
    ),
    enableSorting: false,
  }),
  helper.accessor('email', {
    header: 'Email',
    cell: (info) => (
      <span className="mono" title={info.getValue() || undefined}>
        {info.getValue() || '—'}
      </span>
    ),
    enableSorting: false,
    meta: { className: 'col-email' },
  }),
  helper.accessor('a', {
    header: 'In A',
    cell: (info) => <UserStatusBadge status={info.getValue()} />,
    enableSorting: false,
    meta: { className: 'col-status' },
  }),
  helper.accessor('b', {
    header: 'In B',
    cell: (info) => <UserStatusBadge status={info.getValue()} />,
    enableSorting: false,
    meta: { className: 'col-status' },
  }),
  helper.accessor('change', {
    header: 'Change',
    cell: (info) => <ChangeBadge change={info.getValue()} />,
    enableSorting: false,
    meta: { className: 'col-change' },
  }),
]);

export const compareRowId = (row: NumberedCompareRow) => row.id;
