export { DataTable, type DataTableProps } from './data-table';
export {
  dataTableColumns,
  dataTableFeatures,
  type DataTableColumn,
  type DataTableColumnMeta,
  type DataTableFeatures,
  type SortingState,
} from './data-table-features';
