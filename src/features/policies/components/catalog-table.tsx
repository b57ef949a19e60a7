import type { ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import { formatDate } from '@/lib/format/format-date';
import { Link } from '@/lib/router';
import { DEFAULT_DIR, type CatalogSortKey, type SortDirection } from '../catalog/catalog-params';
import type { IndexedSummary } from '../catalog/filter-catalog';
import { versionPath } from '../version/version-paths';
import { BreakPoints } from './break-points';

interface Column {
  key: CatalogSortKey;
  header: string;
  numeric?: boolean;
  className?: string;
  cell: (row: IndexedSummary) => ReactNode;
}

/** An email wraps after its `@` or not at all. */
const AFTER_AT = /(?<=@)/;

const dash = <span className="muted">—</span>;

/** The catalog's columns; keys are the `sort` words of the URL. */
const COLUMNS: readonly Column[] = [
  {
    key: 'id',
    header: 'Policy',
    className: 'catalog__id-cell',
    cell: (row) => (
      <Link className="mono catalog__id" to={versionPath(row.id, row.latest.version)}>
        <BreakPoints text={row.id} />
      </Link>
    ),
  },
  {
    key: 'title',
    header: 'Title / description',
    className: 'catalog__title-cell',
    cell: ({ title, description }) =>
      !title && !description ? (
        dash
      ) : (
        <span
          className={title ? 'catalog__title' : 'catalog__title muted'}
          title={(title || description).slice(0, 500)}
        >
          {(title || description).slice(0, 500)}
        </span>
      ),
  },
  { key: 'latest', header: 'Latest', numeric: true, cell: (row) => `v${row.latest.version}` },
  { key: 'versions', header: 'Versions', numeric: true, cell: (row) => row.versions.length },
  { key: 'steps', header: 'Steps', numeric: true, cell: (row) => row.stepCount },
  {
    key: 'labels',
    header: 'Labels',
    className: 'catalog__labels-cell',
    cell: (row) => {
      const entries = Object.entries(row.labels);
      if (entries.length === 0) return dash;
      return (
        <span className="catalog__labels">
          {entries.map(([key, value]) => (
            <span key={key} className="chip catalog__chip" title={`${key}: ${value}`}>
              <span className="mono">{key}</span>: <span className="mono">{value}</span>
            </span>
          ))}
        </span>
      );
    },
  },
  {
    key: 'author',
    header: 'Author',
    className: 'catalog__author',
    cell: (row) => (row.author ? <BreakPoints text={row.author} at={AFTER_AT} /> : dash),
  },
  {
    key: 'updated',
    header: 'Updated',
    cell: (row) => <span className="catalog__date">{formatDate(row.updatedAt)}</span>,
  },
];

const cellClass = (column: Column) =>
  [column.numeric ? 'num' : '', column.className ?? ''].join(' ').trim() || undefined;

interface CatalogTableProps {
  rows: readonly IndexedSummary[];
  sort: CatalogSortKey;
  dir: SortDirection;
  onSort: (sort: CatalogSortKey, dir: SortDirection) => void;
  /** Shown in place of the rows when there are none. */
  empty: ReactNode;
}

/**
 * One page of the catalog as a plain table: every row in it is in the page (the browser's find works),
 * headers are sort buttons and say their order with `aria-sort`.
 */
export function CatalogTable({ rows, sort, dir, onSort, empty }: CatalogTableProps) {
  return (
    <div className="table-wrap catalog__table">
      <table className="table">
        <caption className="visually-hidden">Policies</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const sorted = column.key === sort ? dir : undefined;
              // The same column again flips it; another starts in its natural order.
              const next: SortDirection = sorted ? (sorted === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[column.key];
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={cellClass(column)}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button
                    type="button"
                    className="table__sort"
                    onClick={() => onSort(column.key, next)}
                    title={`Sort ${next === 'asc' ? 'ascending' : 'descending'}`}
                  >
                    <span>{column.header}</span>
                    <Icon
                      name={sorted === 'desc' ? 'chevronDown' : 'chevronUp'}
                      className={sorted ? 'table__sort-icon table__sort-icon--active' : 'table__sort-icon'}
                    />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length} className="catalog__empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                {COLUMNS.map((column) => (
                  <td key={column.key} className={cellClass(column)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
