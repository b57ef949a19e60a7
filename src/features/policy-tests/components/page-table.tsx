import { useTable, type ColumnDef, type ReactTable, type Row, type RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { pageTableFeatures, type PageTableFeatures } from './table-features';

/** Above this many rows a page renders only what is in view. */
export const VIRTUALIZE_ABOVE = 100;
const ESTIMATED_ROW_HEIGHT = 35;

interface PageTableProps<T extends RowData> {
  rows: T[];
  columns: ColumnDef<PageTableFeatures, T>[];
  getRowId: (row: T) => string;
  caption: string;
  /** 1-based position of the first row in the whole list: row numbers and aria-rowindex. */
  firstRow: number;
  /** Rows in the whole list (all pages), for aria-rowcount. */
  totalRows: number;
  /** The rows shown are a previous page while the next loads. */
  stale?: boolean;
  /** Changes when the reader moves to another page: the scroll area goes back to the top. */
  pageKey: string;
}

/** One page of a long list as a real table, with sticky headers; long pages are virtualised. */
export function PageTable<T extends RowData>({ rows, columns, getRowId, caption, firstRow, totalRows, stale, pageKey }: PageTableProps<T>) {
  const table = useTable(
    { features: pageTableFeatures, columns, data: rows, getRowId: (row) => getRowId(row), meta: { firstRow } },
    () => null,
  );
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [pageKey]);

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <div
      ref={scrollRef}
      className={virtual ? 'table-wrap page-table page-table--virtual' : 'table-wrap page-table'}
      data-stale={stale || undefined}
      // The scroll area is focusable so that keyboard users can scroll a long page.
      tabIndex={virtual ? 0 : undefined}
      role={virtual ? 'region' : undefined}
      aria-label={virtual ? caption : undefined}
    >
      <table className="table" aria-rowcount={totalRows + 1} aria-busy={stale || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {headers.map((header) => (
            <col key={header.id} style={{ width: header.column.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {headers.map((header) => (
              <th key={header.id} scope="col" className={header.column.columnDef.meta?.className}>
                <table.FlexRender header={header} />
              </th>
            ))}
          </tr>
        </thead>
        {virtual ? (
          <VirtualBody table={table} scrollRef={scrollRef} firstRow={firstRow} columnCount={headers.length} />
        ) : (
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <PageRow key={row.id} table={table} row={row} rowIndex={firstRow + row.index + 1} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

type AnyTable<T extends RowData> = ReactTable<PageTableFeatures, T, null>;

function PageRow<T extends RowData>({
  table,
  row,
  rowIndex,
  measureRef,
  virtualIndex,
}: {
  table: AnyTable<T>;
  row: Row<PageTableFeatures, T>;
  rowIndex: number;
  measureRef?: (node: Element | null) => void;
  virtualIndex?: number;
}) {
  return (
    <tr aria-rowindex={rowIndex} ref={measureRef} data-index={virtualIndex}>
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={cell.column.columnDef.meta?.className}>
          <table.FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}

function VirtualBody<T extends RowData>({
  table,
  scrollRef,
  firstRow,
  columnCount,
}: {
  table: AnyTable<T>;
  scrollRef: React.RefObject<HTMLDivElement | null>;
  firstRow: number;
  columnCount: number;
}) {
  const rows = table.getRowModel().rows;
  // The virtualizer's functions are fresh each render by design; nothing here is memoised with them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  return (
    <tbody>
      {padTop > 0 && (
        <tr aria-hidden="true" className="page-table__spacer" style={{ height: padTop }}>
          <td colSpan={columnCount} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <PageRow
            key={row.id}
            table={table}
            row={row}
            rowIndex={firstRow + item.index + 1}
            measureRef={virtualizer.measureElement}
            virtualIndex={item.index}
          />
        );
      })}
      {padBottom > 0 && (
        <tr aria-hidden="true" className="page-table__spacer" style={{ height: padBottom }}>
          <td colSpan={columnCount} />
        </tr>
      )}
    </tbody>
  );
}
