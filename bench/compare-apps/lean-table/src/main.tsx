// A lean list: React and TanStack Table, the policies built into the bundle (no request, no router,
// no design system) — the floor of what a list app can do.
import { createRoot } from 'react-dom/client';
import {
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
// The same list the mock HTTP server sends, written there by the bench before the build.
import list from 'bench-compare-data/policies.json';

interface Row {
  id: string;
  version: number;
  description: string;
  stepCount: number;
  labels: string;
  author: string;
  updatedAt: string;
}

type WirePolicy = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function latestVersions(policies: WirePolicy[]): Row[] {
  const latest = new Map<string, Row>();
  for (const policy of policies) {
    const labels = (policy.labels ?? {}) as Record<string, unknown>;
    const row: Row = {
      id: text(policy.id),
      version: Number(policy.version ?? 0),
      description: text(policy.title) || text(policy.description),
      stepCount: Array.isArray(policy.steps) ? policy.steps.length : 0,
      labels: Object.entries(labels)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(', '),
      author: text(policy.created_by),
      updatedAt: text(policy.updated_at),
    };
    const seen = latest.get(row.id);
    if (!seen || seen.version < row.version) latest.set(row.id, row);
  }
  return [...latest.values()];
}

const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
});

const columns: ColumnDef<typeof features, Row>[] = [
  { accessorKey: 'id', header: 'Policy' },
  { accessorKey: 'description', header: 'Title / description' },
  { accessorKey: 'version', header: 'Versions' },
  { accessorKey: 'stepCount', header: 'Steps' },
  { accessorKey: 'labels', header: 'Labels' },
  { accessorKey: 'author', header: 'Author' },
  { accessorKey: 'updatedAt', header: 'Updated' },
];

const rows = latestVersions((list as { policies: WirePolicy[] }).policies);

function PolicyTable() {
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    initialState: { sorting: [{ id: 'id', desc: false }], pagination: { pageIndex: 0, pageSize: 100 } },
  });
  return (
    <table>
      <caption>Policies</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                <button type="button" onClick={header.column.getToggleSortingHandler()}>
                  <table.FlexRender header={header} />
                </button>
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

createRoot(document.getElementById('root')!).render(<PolicyTable />);
