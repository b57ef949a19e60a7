import { memo, useEffect, useState, type ReactNode } from 'react';
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
  /** The column's width (a share of the table, or fixed): the layout is fixed, so no row's content moves the columns. */
  width: string;
  numeric?: boolean;
  className?: string;
  cell: (row: IndexedSummary, actions: RowActions) => ReactNode;
}

interface RowActions {
  /** Adds a label to the catalog's filters (a chip in a row was clicked). */
  onLabel: (key: string, value: string) => void;
}

/** "2 manual · 1 auto": how a policy decides, at a glance. */
const strategyMix = ({ manualSteps, autoSteps }: IndexedSummary) =>
  [manualSteps ? `${manualSteps} manual` : '', autoSteps ? `${autoSteps} auto` : ''].filter(Boolean).join(' · ');

/** An email wraps after its `@` or not at all. */
const AFTER_AT = /(?<=@)/;

const dash = <span className="muted">—</span>;

/** The catalog's columns; keys are the `sort` words of the URL. */
const COLUMNS: readonly Column[] = [
  {
    key: 'id',
    header: 'Policy',
    width: '17%',
    className: 'catalog__id-cell',
    cell: (row) => (
      <Link className="mono catalog__id" to={versionPath(row.id, row.latestVersion)}>
        <BreakPoints text={row.id} />
      </Link>
    ),
  },
  {
    key: 'title',
    header: 'Title / description',
    width: '15%',
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
    width: '6.5rem',
    numeric: true,
    cell: (row) => (
      <>
        v{row.latestVersion}
        {row.versions.length !== row.latestVersion && (
          <span className="catalog__sub muted"> {row.versions.length} listed</span>
        )}
      </>
    ),
  },
  {
    key: 'steps',
    header: 'Steps',
    width: '9.5rem',
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
    width: '19%',
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
    width: '12%',
    className: 'catalog__author',
    cell: (row) => (row.author ? <BreakPoints text={row.author} at={AFTER_AT} /> : dash),
  },
  {
    key: 'updated',
    header: 'Updated',
    width: '12rem',
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

/** The shortest a row is drawn: one line of text and its padding (47 px; a little less, to be sure). */
const ROW_MIN_PX = 44;
/** The least the shell, the header and the toolbar take above the table's rows, at the top of the page. */
const ABOVE_ROWS_MIN_PX = 150;

/**
 * Rows drawn in the first frame after a page, sort or search change: a screenful at the shortest rows
 * (18 in a 900 px high window, at the page's top), between 8 and 40. Each row more costs that frame
 * 0.6 ms of rendering, layout and paint on the first load; rows below the screen come a frame later.
 */
function firstRows(): number {
  const above = Math.max(0, ABOVE_ROWS_MIN_PX - window.scrollY);
  return Math.min(40, Math.max(8, Math.ceil((window.innerHeight - above) / ROW_MIN_PX)));
}
/**
 * Rows added in each later frame. Drawing the other 76 of a page at once cost one task 35 ms of layout
 * and paint on a busy machine (the longest of the catalog's load); a quarter page keeps each short.
 */
const MORE_ROWS = 25;

/**
 * One page of the catalog as a plain table: every row in it is in the page (the browser's find works),
 * headers are sort buttons and say their order with `aria-sort`. Another page, order or search draws
 * its first rows at once and the rest a slice per frame once that frame is on screen: the rows in view
 * change in one short task, and the layout is fixed, so the rows that follow never move the columns.
 */
export function CatalogTable({ rows, sort, dir, onSort, onLabel, empty }: CatalogTableProps) {
  const shown = useRowsInSlices(rows);
  return (
    <div className="table-wrap catalog__table">
      <table className="table catalog__grid">
        <caption className="visually-hidden">Policies</caption>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
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
            shown.map((row) => <CatalogRow key={row.id} row={row} onLabel={onLabel} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A row is the same as long as its summary is (and the label action, which the catalog keeps stable):
 * a search that keeps it on the page does not draw it again.
 */
const CatalogRow = memo(function CatalogRow({ row, onLabel }: { row: IndexedSummary; onLabel: RowActions['onLabel'] }) {
  return (
    <tr>
      {COLUMNS.map((column) => (
        <td key={column.key} className={cellClass(column)}>
          {column.cell(row, { onLabel })}
        </td>
      ))}
    </tr>
  );
});

/** The first rows of `rows` now, and a slice more each time a frame showing the last has been painted. */
function useRowsInSlices<T>(rows: readonly T[]): readonly T[] {
  const [drawn, setDrawn] = useState(() => ({ rows, count: firstRows() }));
  const count = drawn.rows === rows ? drawn.count : firstRows();
  useEffect(() => {
    if (count >= rows.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from requestAnimationFrame runs once that frame is on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawn({ rows, count: count + MORE_ROWS }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, count]);
  return count >= rows.length ? rows : rows.slice(0, count);
}
