import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableProps } from './data-table';
import { dataTableColumns, type SortingState } from './data-table-features';

interface Row {
  name: string;
  size: number;
}
const column = dataTableColumns<Row>();
const columns = column.columns([
  column.accessor('name', { header: 'Name', sortFn: 'text' }),
  column.accessor('size', { header: 'Size', sortFn: 'basic', meta: { numeric: true } }),
]);
const DATA: Row[] = [
  { name: 'b', size: 2 },
  { name: 'a', size: 10 },
  { name: 'c', size: 1 },
];
const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

/** The table of DATA, captioned "Things", with what a test adds or changes. */
function Things(props: Partial<DataTableProps<Row>>) {
  return <DataTable data={DATA} columns={columns} getRowId={(r) => r.name} caption="Things" {...props} />;
}

function Controlled({ onChange }: { onChange?: (s: SortingState) => void }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  return (
    <Things
      sorting={sorting}
      onSortingChange={(s) => {
        setSorting(s);
        onChange?.(s);
      }}
    />
  );
}

/** jsdom has no layout: every element reports a 400 px box and a 40 px height until restored. */
function fakeLayout(): () => void {
  const sizes = { clientHeight: 400, clientWidth: 800, offsetHeight: 40 };
  const saved = Object.entries(sizes).map(([key, value]) => {
    const previous = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key);
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
    return [key, previous] as const;
  });
  return () => {
    for (const [key, previous] of saved) {
      if (previous) Object.defineProperty(HTMLElement.prototype, key, previous);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
    }
  };
}

describe('DataTable', { timeout: 15_000 }, () => {
  it('sorts by the controlled state and tells it with aria-sort', async () => {
    const changes: SortingState[] = [];
    render(<Controlled onChange={(s) => changes.push(s)} />);
    expect(screen.getByRole('table', { name: 'Things' })).toBeInTheDocument();
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'none');
    // Numbers sort biggest first on the first click.
    await userEvent.click(screen.getByRole('button', { name: /Size/ }));
    expect(changes.at(-1)).toEqual([{ id: 'size', desc: true }]);
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(screen.getByRole('button', { name: /Size/ }));
    expect(names()).toEqual(['c', 'b', 'a']);
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'ascending');
    // No third "unsorted" state: it flips back.
    await userEvent.click(screen.getByRole('button', { name: /Size/ }));
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('keeps server order with manualSorting', () => {
    render(<Things sorting={[{ id: 'name', desc: false }]} manualSorting />);
    expect(names()).toEqual(['b', 'a', 'c']);
  });

  it('renders only the rows in view when virtualised, and says how many there are', () => {
    const restoreLayout = fakeLayout();
    try {
      const many = Array.from({ length: 5_000 }, (_, i) => ({ name: `row-${i}`, size: i }));
      render(
        <DataTable
          data={many}
          columns={columns}
          getRowId={(r) => r.name}
          caption="Many"
          virtualize={{ estimateRowHeight: 40, overscan: 5 }}
        />,
      );
      const rendered = screen.getAllByRole('row').length - 1;
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(40);
      expect(screen.getByRole('table', { name: 'Many' })).toHaveAttribute('aria-rowcount', '5001');
      expect(screen.getByRole('region', { name: 'Many' })).toHaveAttribute('tabindex', '0');
    } finally {
      restoreLayout();
    }
  });

  it('builds rows only for the window in view when the server ordered them', async () => {
    const restoreLayout = fakeLayout();
    try {
      const many = Array.from({ length: 5_000 }, (_, i) => ({ name: `row-${i}`, size: i }));
      let idCalls = 0;
      const getRowId = (r: Row) => {
        idCalls += 1;
        return r.name;
      };
      render(
        <DataTable
          data={many}
          columns={columns}
          getRowId={getRowId}
          caption="Paged"
          manualSorting
          virtualize={{ fixedRowHeight: 40, overscan: 2 }}
        />,
      );
      expect(names()[0]).toBe('row-0');
      expect(screen.getAllByRole('row')[1]).toHaveAttribute('aria-rowindex', '2');
      expect(screen.getByRole('table', { name: 'Paged' })).toHaveAttribute('aria-rowcount', '5001');
      expect(idCalls, 'row ids asked for the window only').toBeLessThan(200);

      const box = screen.getByRole('region', { name: 'Paged' });
      box.scrollTop = 40 * 2_000;
      box.dispatchEvent(new Event('scroll'));
      await waitFor(() => expect(names()).toContain('row-2000'));
      const first = screen.getAllByRole('row')[1]!;
      expect(Number(first.getAttribute('aria-rowindex'))).toBe(
        Number(within(first).getAllByRole('cell')[0]!.textContent!.slice(4)) + 2,
      );
      expect(idCalls).toBeLessThan(400);
    } finally {
      restoreLayout();
    }
  });

  it('shows the empty content when there are no rows', () => {
    render(<Things data={[]} empty={<p>Nothing here</p>} />);
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
  });
});
