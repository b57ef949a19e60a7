import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useTable, type Header, type OnChangeFn, type Row } from '@tanstack/react-table';
import { useVirtualizer, type Virtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { Icon } from '@/components/icon/icon';
import {
  dataTableFeatures,
  type DataTableColumn,
  type DataTableColumnMeta,
  type DataTableFeatures,
  type RowData,
  type SortingState,
} from './data-table-features';
import './data-table.css';

export interface DataTableProps<T extends RowData> {
  /** Keep it referentially stable (memoise it): a new array re-sorts every row. */
  data: readonly T[];
  /** Define at module scope or memoise. */
  columns: DataTableColumn<T>[];
  getRowId: (row: T) => string;
  /** What the table lists, for screen readers: "Policies". */
  caption: string;
  /** Controlled sorting (e.g. from the URL). Without it the table sorts on its own. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** The rows come sorted (a server-paged table): headers still toggle, rows are not reordered. */
  manualSorting?: boolean;
  /**
   * Render only the rows in view. The table then scrolls inside its own box (`maxHeight`),
   * with the header sticky at its top.
   */
  virtualize?: {
    estimateRowHeight?: number;
    maxHeight?: string;
    overscan?: number;
    /**
     * Every row is exactly this many pixels high (cells on one line, cut with an ellipsis): rows
     * are then placed by arithmetic, never measured, and keyed by position, so new data (the next
     * page) reuses the row elements on screen and only their text changes.
     */
    fixedRowHeight?: number;
  };
  /** When this changes, a virtualised table scrolls back to its top (e.g. a new page). */
  scrollResetKey?: string;
  /** Shown in place of the body when there are no rows. */
  empty?: ReactNode;
  /** Extra class per row, e.g. for a highlighted row. */
  rowClassName?: (row: T) => string | undefined;
  /** Whether a third click on a header removes the sort (default: no, it flips direction). */
  enableSortingRemoval?: boolean;
}

const NO_SORTING: SortingState = [];

function metaOf(header: { column: { columnDef: { meta?: unknown } } }): DataTableColumnMeta {
  return (header.column.columnDef.meta ?? {}) as DataTableColumnMeta;
}

function SortableHeader<T extends RowData>({
  header,
  children,
}: {
  header: Header<DataTableFeatures, T, unknown>;
  children: ReactNode;
}) {
  const sorted = header.column.getIsSorted();
  const toggle = header.column.getToggleSortingHandler();
  const meta = metaOf(header);
  const next = header.column.getNextSortingOrder();
  const nextWords = next === 'asc' ? 'ascending' : next === 'desc' ? 'descending' : 'unsorted';
  return (
    <th
      scope="col"
      className={[meta.numeric ? 'num' : '', meta.className ?? ''].join(' ').trim() || undefined}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="table__sort" onClick={toggle} title={`Sort ${nextWords}`}>
        <span>{children}</span>
        <Icon
          name={sorted === 'desc' ? 'chevronDown' : 'chevronUp'}
          className={sorted ? 'table__sort-icon table__sort-icon--active' : 'table__sort-icon'}
        />
      </button>
    </th>
  );
}

/**
 * A table of rows with sortable headers (buttons with `aria-sort`), a sticky header, and optional
 * row virtualisation for long lists. Generic: give it rows, columns and how to name a row.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const {
    data,
    columns,
    getRowId,
    caption,
    sorting,
    onSortingChange,
    manualSorting,
    virtualize,
    empty,
    rowClassName,
    enableSortingRemoval = false,
    scrollResetKey,
  } = props;
  const controlled = sorting !== undefined;
  const handleSortingChange: OnChangeFn<SortingState> | undefined = onSortingChange
    ? (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting ?? NO_SORTING) : updater)
    : undefined;
  // State, not a ref: the virtualizer must re-render once the box exists (a child's layout effect
  // runs before its parent's ref is attached).
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const fixed = virtualize?.fixedRowHeight;
  // Rows the server ordered stay in the order they came: the table needs rows for the ones in view
  // only (a 1,000-row page builds some 30, not 1,000, on every page switch).
  const windowed = Boolean(virtualize && manualSorting);
  let sortedRows: Row<DataTableFeatures, T>[] = [];
  // eslint-disable-next-line react-hooks/incompatible-library -- we use no React Compiler memoisation here
  const virtualizer = useVirtualizer({
    count: virtualize ? data.length : 0,
    enabled: Boolean(virtualize),
    getScrollElement: () => scrollElement,
    estimateSize: () => fixed ?? virtualize?.estimateRowHeight ?? 40,
    getItemKey: fixed
      ? byPosition
      : windowed
        ? (index) => getRowId(data[index]!)
        : (index) => sortedRows[index]?.id ?? index,
    overscan: virtualize?.overscan ?? 12,
  });
  const windowItems = windowed ? virtualizer.getVirtualItems() : undefined;
  const windowStart = windowItems?.[0]?.index ?? 0;
  const windowEnd = windowItems ? (windowItems.at(-1)?.index ?? -1) + 1 : data.length;
  const tableData = useMemo(
    () => (windowed ? data.slice(windowStart, windowEnd) : data),
    [windowed, data, windowStart, windowEnd],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: tableData as T[],
    getRowId: (row: T) => getRowId(row),
    enableMultiSort: false,
    enableSortingRemoval,
    manualSorting,
    ...(controlled ? { state: { sorting }, onSortingChange: handleSortingChange } : {}),
  });
  const rows = table.getRowModel().rows;
  sortedRows = rows;
  const columnCount = columns.length;

  return (
    <div
      ref={setScrollElement}
      className={
        virtualize
          ? `table-wrap data-table data-table--virtual${virtualize.fixedRowHeight ? ' data-table--fixed-rows' : ''}`
          : 'table-wrap data-table'
      }
      style={
        virtualize
          ? {
              maxHeight: virtualize.maxHeight ?? 'calc(100vh - 16rem)',
              ...(virtualize.fixedRowHeight
                ? { ['--data-table-row-height' as string]: `${virtualize.fixedRowHeight}px` }
                : {}),
            }
          : undefined
      }
      // A scrolling region must be reachable by keyboard.
      tabIndex={virtualize ? 0 : undefined}
      role={virtualize ? 'region' : undefined}
      aria-label={virtualize ? caption : undefined}
    >
      <table className="table" aria-rowcount={data.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                if (header.column.getCanSort()) {
                  return (
                    <SortableHeader key={header.id} header={header}>
                      {content}
                    </SortableHeader>
                  );
                }
                const meta = metaOf(header);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={[meta.numeric ? 'num' : '', meta.className ?? ''].join(' ').trim() || undefined}
                  >
                    {content}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        {data.length === 0 && empty ? (
          <tbody>
            <tr>
              <td colSpan={columnCount} className="data-table__empty">
                {empty}
              </td>
            </tr>
          </tbody>
        ) : virtualize ? (
          <VirtualBody
            rows={rows}
            firstRowIndex={windowStart}
            items={windowItems ?? virtualizer.getVirtualItems()}
            virtualizer={virtualizer}
            table={table}
            columnCount={columnCount}
            fixed={Boolean(fixed)}
            rowClassName={rowClassName}
            scrollResetKey={scrollResetKey}
          />
        ) : (
          <tbody>
            {rows.map((row, i) => (
              <BodyRow key={row.id} row={row} table={table} rowIndex={i} className={rowClassName?.(row.original)} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

const byPosition = (index: number) => index;

type AnyTable<T extends RowData> = ReturnType<typeof useTable<DataTableFeatures, T>>;

function BodyRow<T extends RowData>({
  row,
  table,
  rowIndex,
  className,
  measureRef,
}: {
  row: Row<DataTableFeatures, T>;
  table: AnyTable<T>;
  rowIndex: number;
  className?: string;
  measureRef?: (element: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr ref={measureRef} data-index={rowIndex} aria-rowindex={rowIndex + 2} className={className}>
      {row.getAllCells().map((cell) => {
        const meta = (cell.column.columnDef.meta ?? {}) as DataTableColumnMeta;
        return (
          // Keyed by column: a row element reused for another row (fixed-height tables) keeps its cells.
          <td
            key={cell.column.id}
            className={[meta.numeric ? 'num' : '', meta.className ?? ''].join(' ').trim() || undefined}
          >
            <table.FlexRender cell={cell} />
          </td>
        );
      })}
    </tr>
  );
}

function VirtualBody<T extends RowData>({
  rows,
  firstRowIndex,
  items,
  virtualizer,
  table,
  columnCount,
  fixed,
  rowClassName,
  scrollResetKey,
}: {
  /** The rows from `firstRowIndex` on (all of them unless the table is windowed). */
  rows: Row<DataTableFeatures, T>[];
  firstRowIndex: number;
  items: VirtualItem[];
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  table: AnyTable<T>;
  columnCount: number;
  fixed: boolean;
  rowClassName?: (row: T) => string | undefined;
  scrollResetKey?: string;
}) {
  // New data starts at its top; nothing to do (and no layout to force) when already there.
  useLayoutEffect(() => {
    if (virtualizer.scrollOffset) virtualizer.scrollToOffset(0);
  }, [scrollResetKey, virtualizer]);
  const before = items.length > 0 ? items[0]!.start - virtualizer.options.scrollMargin : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <tbody>
      {before > 0 && (
        <tr aria-hidden="true" className="data-table__spacer">
          <td colSpan={columnCount} style={{ height: before }} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index - firstRowIndex]!;
        return (
          <BodyRow
            key={fixed ? item.index : row.id}
            row={row}
            table={table}
            rowIndex={item.index}
            className={rowClassName?.(row.original)}
            measureRef={fixed ? undefined : virtualizer.measureElement}
          />
        );
      })}
      {after > 0 && (
        <tr aria-hidden="true" className="data-table__spacer">
          <td colSpan={columnCount} style={{ height: after }} />
        </tr>
      )}
    </tbody>
  );
}
