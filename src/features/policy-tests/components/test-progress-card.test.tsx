import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { runningTest } from '../test/running-test';
import { TestProgressCard } from './test-progress-card';

const base = runningTest();

const card = (test: PolicyTest, updatedAt = 1) => (
  <TestProgressCard
    test={test}
    terminal={test.status !== 'processing'}
    updatedAt={updatedAt}
    recent={undefined}
    onRetryNow={() => undefined}
  />
);

describe('TestProgressCard and a server whose numbers do not add up', () => {
  it('does not call a test of 2,000 evaluated users out of 5,000 "every user evaluated"', () => {
    render(card({ ...base, status: 'complete', percentUsersProcessed: 100 }));
    expect(screen.queryByText(/Every user was evaluated/)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/calls the test complete, but only 2,000 of 5,000 users/);
  });

  it('says "every user was evaluated" only when the counts show it', () => {
    render(
      card({
        ...base,
        status: 'complete',
        usersApproved: 4000,
        usersBlocked: 600,
        usersErrored: 400,
        percentApproved: 80,
        percentBlocked: 12,
        percentErrored: 8,
      }),
    );
    expect(screen.getByText(/Every user was evaluated/)).toBeInTheDocument();
    expect(screen.queryByText(/do not add up/)).toBeNull();
  });

  it('never shows a percentage over 100% as given', () => {
    render(card({ ...base, percentApproved: 180 }));
    const bars = document.querySelector('.test-progress__bars') as HTMLElement;
    expect(bars).not.toHaveTextContent('180%');
    expect(bars).toHaveTextContent('50%');
    expect(screen.getByRole('status')).toHaveTextContent(/says 180% approved, but its own counts make 50%/);
  });

  it('says so when progress goes backwards', () => {
    const { rerender } = render(card({ ...base, usersApproved: 2000 }, 1));
    rerender(card(base, 2));
    expect(screen.getByRole('status')).toHaveTextContent(
      /Progress went backwards: the server had reported 3,000 users/,
    );
  });

  it('treats a total of 0 beside evaluated users as unknown, not as a bar past its end', () => {
    render(card({ ...base, totalUsers: 0 }));
    expect(screen.getByRole('progressbar', { name: 'Users processed' })).toHaveAttribute(
      'aria-valuetext',
      expect.stringMatching(/2,000 users; the total is not known/),
    );
    expect(screen.getByRole('status')).toHaveTextContent(/0 users in all, yet 2,000 users evaluated/);
  });
});
