import { useEffect, useRef } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import type { RowData } from '@tanstack/react-table';

/** Above this many rows a page renders only the rows in view. */
export const VIRTUALIZE_ABOVE = 50;

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
export function PagedTable<T extends RowData>({ rows, columns, getRowId, caption, stale, pageKey }: PagedTableProps<T>) {
  const wrapper = useRef<HTMLDivElement>(null);
  // Same table, new rows: cheaper than remounting it, but a long page must start at its top.
  useEffect(() => {
    const scroller = wrapper.current?.querySelector('.table-wrap');
    if (scroller) scroller.scrollTop = 0;
  }, [pageKey]);
  return (
    <div ref={wrapper} className="paged-table" data-stale={stale || undefined} aria-busy={stale || undefined}>
      <DataTable
        data={rows}
        columns={columns}
        getRowId={getRowId}
        caption={caption}
        manualSorting
        virtualize={rows.length > VIRTUALIZE_ABOVE ? { estimateRowHeight: 35, maxHeight: 'min(70vh, 44rem)' } : undefined}
      />
    </div>
  );
}
