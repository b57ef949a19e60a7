import { act, render, screen } from '@testing-library/react';
import { RouterRoot } from '@/lib/router';
import { createTestRouter } from '@/lib/router/test-router';
import { indexSummaries } from '../catalog/filter-catalog';
import { CatalogTable } from './catalog-table';

const page = indexSummaries(
  Array.from({ length: 100 }, (_, i) => ({
    id: `policy-${String(i).padStart(3, '0')}`,
    latestVersion: 1,
    versions: [{ version: 1 }],
    title: '',
    description: '',
    stepCount: 1,
    manualSteps: 1,
    autoSteps: 0,
    labels: {},
    author: '',
    updatedAt: '',
  })),
);

const bodyRows = () => screen.getAllByRole('row').length - 1;

function drawAt(height: number) {
  Object.defineProperty(window, 'innerHeight', { value: height, configurable: true });
  render(
    <RouterRoot router={createTestRouter('/policies')}>
      <CatalogTable rows={page} sort="id" dir="asc" onSort={() => {}} onLabel={() => {}} empty="none" />
    </RouterRoot>,
  );
}

/** Runs the frames the table waits for, one slice of rows each. */
async function nextFrame() {
  await act(async () => {
    vi.advanceTimersToNextFrame();
    await vi.runOnlyPendingTimersAsync();
  });
}

describe('CatalogTable', () => {
  const innerHeight = window.innerHeight;
  beforeEach(() =>
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] }),
  );
  afterEach(() => {
    vi.useRealTimers();
    Object.defineProperty(window, 'innerHeight', { value: innerHeight, configurable: true });
  });

  it('draws a screenful of rows first, and the rest of the page a slice per frame', async () => {
    drawAt(900);
    // (900 − 150 px above the rows) ÷ 44 px a row, rounded up: rows one line high fill the window.
    expect(bodyRows()).toBe(18);
    await nextFrame();
    expect(bodyRows()).toBe(43);
    for (let i = 0; i < 3; i++) await nextFrame();
    expect(bodyRows()).toBe(100);
  });

  it('draws at least 8 rows at first in a small window', () => {
    drawAt(300);
    expect(bodyRows()).toBe(8);
  });

  it('draws at most 40 rows at first in a tall window', () => {
    drawAt(4000);
    expect(bodyRows()).toBe(40);
  });
});
