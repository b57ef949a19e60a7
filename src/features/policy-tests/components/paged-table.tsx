import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { RowData } from '@tanstack/react-table';

/** Above this many rows a page renders only the rows in view. */
const VIRTUALIZE_ABOVE = 50;

/** Rows of one fixed height, placed by arithmetic: a page switch measures nothing. */
const PAGED_ROW_HEIGHT = 36;
const PAGE_VIRTUALIZE = { fixedRowHeight: PAGED_ROW_HEIGHT, maxHeight: 'min(70vh, 44rem)', overscan: 3 };

interface PagedTableProps<T extends RowData> {
  rows: readonly T[];
  columns: DataTableColumn<T>[];
  getRowId: (row: T) => string;
  caption: string;
  /** The rows on screen belong to the previous page while the next one loads. */
  stale?: boolean;
  /** Identifies the page: a new page starts scrolled to its top. */
  pageKey: string;
}

/** One page of a long list on the shared DataTable, virtualised for the long page sizes. */
export function PagedTable<T extends RowData>({
  rows,
  columns,
  getRowId,
  caption,
  stale,
  pageKey,
}: PagedTableProps<T>) {
  // Same table, new rows (cheaper than remounting it); a long page starts at its top.
  return (
    <div className="paged-table" data-stale={stale || undefined} aria-busy={stale || undefined}>
      <DataTable
        data={rows}
        columns={columns}
        getRowId={getRowId}
        caption={caption}
        manualSorting
        scrollResetKey={pageKey}
        virtualize={rows.length > VIRTUALIZE_ABOVE ? PAGE_VIRTUALIZE : undefined}
      />
    </div>
  );
}
