import { createColumnHelper } from '@tanstack/react-table';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { UserStatusBadge } from './status-badges';
import type { PageTableFeatures } from './table-features';

const helper = createColumnHelper<PageTableFeatures, PolicyTestUser>();

/** Module scope: stable columns keep the table's row model from being rebuilt on every render. */
export const userColumns = helper.columns([
  helper.display({
    id: 'row',
    header: '#',
    cell: ({ row, table }) => formatCount((table.options.meta?.firstRow ?? 1) + row.index),
    meta: { className: 'num muted', width: '5.5rem' },
  }),
  helper.accessor('name', {
    header: 'Name',
    cell: (info) => <span className="break-anywhere">{info.getValue() || '—'}</span>,
    meta: { width: '28%' },
  }),
  helper.accessor('email', {
    header: 'Email',
    cell: (info) => <span className="mono">{info.getValue() || '—'}</span>,
    meta: { width: '34%' },
  }),
  helper.accessor('id', {
    header: 'User id',
    cell: (info) => <span className="mono muted">{info.getValue()}</span>,
  }),
  helper.accessor('status', {
    header: 'Status',
    cell: (info) => <UserStatusBadge status={info.getValue()} />,
    meta: { width: '8.5rem' },
  }),
]);

export const userRowId = (user: PolicyTestUser) => user.id;
