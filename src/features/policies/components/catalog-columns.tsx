import { Link } from '@/lib/router';
import { dataTableColumns, type DataTableColumnMeta } from '@/components/data-table';
import { formatDate } from '@/lib/format/format-date';
import type { IndexedSummary } from '../catalog/filter-catalog';
import { versionPath } from '../version/version-paths';

const column = dataTableColumns<IndexedSummary>();
const numeric: DataTableColumnMeta = { numeric: true };

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([key, value]) => `${key}:${value}`)
    .sort()
    .join(' ');

/** The catalog's columns; ids are the `sort` words of the URL. */
export const catalogColumns = column.columns([
  column.accessor('id', {
    id: 'id',
    header: 'Policy',
    sortFn: 'alphanumeric',
    sortDescFirst: false,
    meta: { className: 'catalog__id-cell' },
    cell: (info) => (
      <Link className="mono catalog__id" to={versionPath(info.row.original.id, info.row.original.latest.version)}>
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor((row) => row.title || row.description, {
    id: 'title',
    header: 'Title / description',
    sortFn: 'text',
    sortDescFirst: false,
    meta: { className: 'catalog__title-cell' },
    cell: (info) => {
      const { title, description } = info.row.original;
      if (!title && !description) return <span className="muted">—</span>;
      return (
        <span
          className={title ? 'catalog__title' : 'catalog__title muted'}
          title={(title || description).slice(0, 500)}
        >
          {title || description}
        </span>
      );
    },
  }),
  column.accessor((row) => row.latest.version, {
    id: 'latest',
    header: 'Latest',
    sortFn: 'basic',
    sortDescFirst: true,
    meta: numeric,
    cell: (info) => `v${info.getValue()}`,
  }),
  column.accessor((row) => row.versions.length, {
    id: 'versions',
    header: 'Versions',
    sortFn: 'basic',
    sortDescFirst: true,
    meta: numeric,
  }),
  column.accessor('stepCount', { id: 'steps', header: 'Steps', sortFn: 'basic', sortDescFirst: true, meta: numeric }),
  column.accessor((row) => labelText(row.labels), {
    id: 'labels',
    header: 'Labels',
    sortFn: 'text',
    sortDescFirst: false,
    cell: (info) => {
      const entries = Object.entries(info.row.original.labels);
      if (entries.length === 0) return <span className="muted">—</span>;
      return (
        <span className="catalog__labels">
          {entries.map(([key, value]) => (
            <span key={key} className="chip">
              <span className="mono">{key}</span>: <span className="mono">{value}</span>
            </span>
          ))}
        </span>
      );
    },
  }),
  column.accessor('author', {
    id: 'author',
    header: 'Author',
    sortFn: 'text',
    sortDescFirst: false,
    meta: { className: 'catalog__author' },
    cell: (info) => info.getValue() || <span className="muted">—</span>,
  }),
  column.accessor((row) => (row.updatedAt ? Date.parse(row.updatedAt) || undefined : undefined), {
    id: 'updated',
    header: 'Updated',
    sortFn: 'basic',
    sortDescFirst: true,
    sortUndefined: 'last',
    cell: (info) => <span className="catalog__date">{formatDate(info.row.original.updatedAt)}</span>,
  }),
]);
