import { dataTableColumns, type DataTableColumn } from '@/components/data-table';
import type { PolicyTestUser } from '@/lib/api/policy-tests/policy-test-schema';
import { personColumns, statusColumn } from './person-columns';

/** A user as a row of a page: with its position in the whole (filtered) list. */
export interface NumberedUser extends PolicyTestUser {
  n: number;
}

const helper = dataTableColumns<NumberedUser>();

/** Module scope: stable columns keep the row model from being rebuilt on every render. */
export const userColumns: DataTableColumn<NumberedUser>[] = [
  ...personColumns<NumberedUser>(),
  helper.accessor('id', {
    header: 'User id',
    cell: (info) => <span className="mono muted">{info.getValue()}</span>,
    enableSorting: false,
    meta: { className: 'col-id' },
  }),
  statusColumn<NumberedUser>('status', 'Status', (user) => user.status),
];

export const userRowId = (user: NumberedUser) => user.id;

export function numberUsers(users: readonly PolicyTestUser[], firstRow: number): NumberedUser[] {
  return users.map((user, i) => ({ ...user, n: firstRow + i }));
}
