import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar';
import { SegmentedProgressBar } from './segmented-progress-bar';

describe('ProgressBar', () => {
  it('is a named progressbar with its value in numbers and words', () => {
    render(<ProgressBar label="Users processed" value={2500} max={10000} />);
    const bar = screen.getByRole('progressbar', { name: 'Users processed' });
    expect(bar).toHaveAttribute('aria-valuenow', '2500');
    expect(bar).toHaveAttribute('aria-valuemax', '10000');
    expect(bar).toHaveAttribute('aria-valuetext', expect.stringMatching(/2,500 of 10,000 \(25%\)/));
    expect(screen.getByText(/2,500 of 10,000/)).toBeVisible();
  });

  it('is indeterminate (no valuenow) until the total is known, and never overflows', () => {
    const { rerender } = render(<ProgressBar label="Export" value={undefined} max={0} />);
    expect(screen.getByRole('progressbar', { name: 'Export' })).not.toHaveAttribute('aria-valuenow');
    rerender(<ProgressBar label="Export" value={150} max={100} />);
    expect(screen.getByRole('progressbar', { name: 'Export' })).toHaveAttribute('aria-valuenow', '100');
  });
});

describe('SegmentedProgressBar', () => {
  it('says every part as text: word, count and percentage', () => {
    render(
      <SegmentedProgressBar
        label="Outcome so far"
        max={1000}
        segments={[
          { key: 'a', label: 'Approved', value: 600, percent: 75, tone: 'success', icon: 'approved' },
          { key: 'b', label: 'Blocked', value: 150, percent: 19, tone: 'danger', icon: 'blocked' },
          { key: 'e', label: 'Errored', value: 50, percent: 6, tone: 'warning', icon: 'error' },
        ]}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Outcome so far' });
    expect(bar).toHaveAttribute('aria-valuenow', '800');
    expect(bar.getAttribute('aria-valuetext')).toBe(
      'Approved 600 (75%), Blocked 150 (19%), Errored 50 (6%); 800 of 1,000 users',
    );
    const blocked = screen.getByText('Blocked').closest('li')!;
    expect(blocked).toHaveTextContent('Blocked15019%');
  });
});
