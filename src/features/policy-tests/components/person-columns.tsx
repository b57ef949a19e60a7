import { dataTableColumns, type DataTableColumn } from '@/components/data-table';
import type { UserResultStatus } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import { UserStatusBadge } from './status-badges';

/** A user as a row of a table: with its position in the whole (filtered) list. */
interface NumberedPerson {
  n: number;
  name: string;
  email: string;
}

/**
 * The columns every table of test users starts with: row number, name and email. A page of users
 * cannot be sorted in the browser (it would sort one page, not the list), so no column sorts.
 */
export function personColumns<T extends NumberedPerson>(): DataTableColumn<T>[] {
  const helper = dataTableColumns<T>();
  return [
    helper.accessor((row) => row.n, {
      id: 'n',
      header: '#',
      cell: (info) => formatCount(info.getValue()),
      enableSorting: false,
      meta: { numeric: true, className: 'col-row muted', label: 'Row number' },
    }),
    helper.accessor((row) => row.name, {
      id: 'name',
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
    helper.accessor((row) => row.email, {
      id: 'email',
      header: 'Email',
      cell: (info) => (
        <span className="mono" title={info.getValue() || undefined}>
          {info.getValue() || '—'}
        </span>
      ),
      enableSorting: false,
      meta: { className: 'col-email' },
    }),
  ];
}

/** A user's result in one test, as a badge. */
export function statusColumn<T extends object>(
  id: string,
  header: string,
  status: (row: T) => UserResultStatus | undefined,
) {
  return dataTableColumns<T>().accessor(status, {
    id,
    header,
    cell: (info) => <UserStatusBadge status={info.getValue()} />,
    enableSorting: false,
    meta: { className: 'col-status' },
  });
}
