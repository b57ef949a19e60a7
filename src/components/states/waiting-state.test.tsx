import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { shouldRetry } from '@/lib/api/retry-policy';
import { useRequestWait } from '@/lib/api/use-request-wait';
import { ErrorState } from './error-state';
import { WaitingState } from './waiting-state';

const KEY = ['slow'];
const request = { api: 'guardian' as const, method: 'GET', path: '/api/v1beta1/policies' };

/** A server that never answers: each try ends in the client's 15 s timeout, unless aborted first. */
function hangingFetch(tries: AbortSignal[]) {
  return ({ signal }: { signal: AbortSignal }) =>
    new Promise<string>((_, reject) => {
      tries.push(signal);
      const timer = setTimeout(
        () => reject(new ApiError({ kind: 'timeout', message: 'The server did not answer within 15 s.', request })),
        15_000,
      );
      signal.addEventListener('abort', () => clearTimeout(timer));
    });
}

function View({ tries }: { tries: AbortSignal[] }) {
  const query = useQuery({ queryKey: KEY, queryFn: hangingFetch(tries), retry: shouldRetry, retryDelay: 1_000 });
  const wait = useRequestWait(query, KEY);
  if (query.isPending) return <WaitingState label="Loading policies…" server="Guardian" wait={wait} />;
  if (query.isError) return <ErrorState error={query.error} what="the policy list" waited={wait.waited} />;
  return <p>{query.data}</p>;
}

function renderView() {
  const tries: AbortSignal[] = [];
  render(
    <QueryClientProvider client={new QueryClient()}>
      <View tries={tries} />
    </QueryClientProvider>,
  );
  return tries;
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('WaitingState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says how long the server has been silent and what the retries met, with Retry now and Cancel', async () => {
    const tries = renderView();
    await advance(1_000);
    expect(screen.getByRole('status')).toHaveTextContent('Loading policies…');
    expect(screen.queryByText(/Still waiting/)).toBeNull();

    await advance(3_000);
    expect(screen.getByRole('status')).toHaveTextContent('Still waiting for Guardian… 4 s');

    await advance(12_500);
    expect(screen.getByRole('status')).toHaveTextContent('Still waiting for Guardian… 16 s');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Guardian did not answer in time on try 1 of 4; trying again.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await advance(0);
    expect(screen.getByRole('status')).toHaveTextContent('Stopped waiting for Guardian.');
    expect(tries.at(-1)!.aborted).toBe(true);
    await advance(60_000);
    expect(tries).toHaveLength(2); // nothing more is sent once the person stopped waiting

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await advance(100);
    expect(tries).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('Loading policies…');
  });

  it('Retry now drops the try that is out and starts a fresh one, counted from zero', async () => {
    const tries = renderView();
    await advance(5_000);
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await advance(100);
    expect(tries).toHaveLength(2);
    expect(tries[0]!.aborted).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('Loading policies…');
    await advance(3_000);
    expect(screen.getByRole('status')).toHaveTextContent('Still waiting for Guardian… 3 s');
  });

  it('gives up with a message that counts the whole wait, not one try’s timeout', async () => {
    renderView();
    // 4 tries of 15 s, with 1 s between them.
    await advance(64_000);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the policy list: Guardian did not answer in time');
    expect(alert).toHaveTextContent('No answer to any of 4 tries: 63 s in all.');
  });
});
