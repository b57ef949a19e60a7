export { DataTable } from './data-table';
export { dataTableColumns, type DataTableColumn } from './data-table-features';
