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
  cell: (row: IndexedSummary, actions: RowActions) => ReactNode;
}

interface RowActions {
  /** Adds a label to the catalog's filters (a chip in a row was clicked). */
  onLabel: (key: string, value: string) => void;
}

/** "2 manual · 1 auto": how a policy decides, at a glance. */
function strategyMix(row: IndexedSummary): string {
  let manual = 0;
  let auto = 0;
  for (const step of row.latest.steps) {
    if (step.strategy === 'auto') auto++;
    else if (step.strategy === 'manual') manual++;
  }
  return [manual ? `${manual} manual` : '', auto ? `${auto} auto` : ''].filter(Boolean).join(' · ');
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
  {
    // The latest version and the count of versions are one number unless versions are missing.
    key: 'versions',
    header: 'Versions',
    numeric: true,
    cell: (row) => (
      <>
        v{row.latest.version}
        {row.versions.length !== row.latest.version && (
          <span className="catalog__sub muted"> {row.versions.length} listed</span>
        )}
      </>
    ),
  },
  {
    key: 'steps',
    header: 'Steps',
    className: 'catalog__steps',
    cell: (row) => (
      <>
        {row.stepCount}
        {row.stepCount > 0 && <span className="catalog__sub muted">{strategyMix(row)}</span>}
      </>
    ),
  },
  {
    key: 'labels',
    header: 'Labels',
    className: 'catalog__labels-cell',
    cell: (row, { onLabel }) => {
      const entries = Object.entries(row.labels);
      if (entries.length === 0) return dash;
      return (
        <span className="catalog__labels">
          {entries.map(([key, value]) => (
            <button
              key={key}
              type="button"
              className="chip catalog__chip"
              title={`Show only policies labelled ${key}: ${value}`}
              aria-label={`Filter by label ${key}: ${value}`}
              onClick={() => onLabel(key, value)}
            >
              <span className="mono">{key}</span>: <span className="mono">{value}</span>
            </button>
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
  onLabel: RowActions['onLabel'];
  /** Shown in place of the rows when there are none. */
  empty: ReactNode;
}

/**
 * One page of the catalog as a plain table: every row in it is in the page (the browser's find works),
 * headers are sort buttons and say their order with `aria-sort`.
 */
export function CatalogTable({ rows, sort, dir, onSort, onLabel, empty }: CatalogTableProps) {
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
                    {column.cell(row, { onLabel })}
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
