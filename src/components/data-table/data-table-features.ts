import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';

/** The one feature set every DataTable uses: sorting (client-side, or trusted from a server). */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic, datetime: sortFn_datetime },
});

export type DataTableFeatures = typeof dataTableFeatures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types, as TanStack's own helper returns
export type DataTableColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>;
export type { RowData, SortingState };

/** A typed column helper for a DataTable of `T`. Call once at module scope. */
export const dataTableColumns = <T extends RowData>() => createColumnHelper<DataTableFeatures, T>();

/** Per-column presentation, set as `meta` on a column definition. */
export interface DataTableColumnMeta {
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Extra class on the header and cells. */
  className?: string;
  /** The header's accessible name when its visible label is an icon or abbreviation. */
  label?: string;
}
