import { dataTableColumns } from '@/components/data-table';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { UserStatusBadge } from './status-badges';

/** A user as a row of a page: with its position in the whole (filtered) list. */
export interface NumberedUser extends PolicyTestUser {
  n: number;
}

const helper = dataTableColumns<NumberedUser>();

/**
 * Module scope: stable columns keep the row model from being rebuilt on every render. A server
 * page cannot be sorted in the browser (it would sort one page, not the list), so no column sorts.
 */
export const userColumns = helper.columns([
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
    meta: { className: 'col-name' },
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
  helper.accessor('id', {
    header: 'User id',
    cell: (info) => <span className="mono muted">{info.getValue()}</span>,
    enableSorting: false,
    meta: { className: 'col-id' },
  }),
  helper.accessor('status', {
    header: 'Status',
    cell: (info) => <UserStatusBadge status={info.getValue()} />,
    enableSorting: false,
    meta: { className: 'col-status' },
  }),
]);

export const userRowId = (user: NumberedUser) => user.id;

export function numberUsers(users: readonly PolicyTestUser[], firstRow: number): NumberedUser[] {
  return users.map((user, i) => ({ ...user, n: firstRow + i }));
}
