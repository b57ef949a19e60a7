import { dataTableColumns, type DataTableColumn } from '@/components/data-table';
import { Link } from '@/lib/router';
import type { UserWhy } from '@/lib/api/policy-tests/policy-test-schema';
import { WhyCell } from './why-cell';

interface Explained {
  email: string;
  name: string;
  why?: UserWhy;
}

/** The "Why" column: deciding step and reason in words (our test servers' extension). */
export function whyColumn<T extends Explained>(id = 'why', header = 'Why', why = (row: T) => row.why) {
  return dataTableColumns<T>().accessor(why, {
    id,
    header,
    cell: (info) => <WhyCell why={info.getValue()} />,
    enableSorting: false,
    meta: { className: 'col-why' },
  });
}

/**
 * A link per row to the trace of that person's appeal through a saved version: the step-by-step
 * account behind the Why. Absent when the test ran no single saved version (nothing to trace).
 */
export function traceColumn<T extends Explained>(
  traceOf: (email: string) => string,
  label = 'Trace',
): DataTableColumn<T> {
  return dataTableColumns<T>().display({
    id: 'trace',
    header: 'Trace',
    cell: (info) => {
      const { email, name } = info.row.original;
      if (!email) return null;
      return (
        <Link className="why-trace" to={traceOf(email)} aria-label={`${label}: ${name || email}`}>
          {label}
        </Link>
      );
    },
    meta: { className: 'col-trace' },
  });
}
