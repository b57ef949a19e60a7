import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateSettings } from '@/lib/settings';
import { POLL_INTERVAL_MS, usePolicyTest } from './get-policy-test';

const STATUS = 'http://cf.test/client/v4/accounts/acc/access/policy-tests/t1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());
beforeEach(() => updateSettings({ policyTestUrl: 'http://cf.test', accountId: 'acc', apiToken: 't' }));

const body = (status: string, processed: number) => ({
  success: true,
  errors: [],
  messages: [],
  result: {
    id: 't1',
    status,
    total_users: 100,
    percent_users_processed: processed,
    users_approved: processed,
    users_blocked: 0,
    users_errored: 0,
  },
});

function Reader({ name }: { name: string }) {
  const test = usePolicyTest('t1');
  return (
    <p>
      {name}: {test.data ? `${test.data.status} ${test.data.usersApproved}` : 'loading'}
      {test.failureCount > 0 ? ` failing ${test.failureCount}` : ''}
    </p>
  );
}

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

async function tick(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('the status poll', () => {
  it('is one request per interval however many components read it, and stops for good when complete', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const answers = [body('processing', 10), body('processing', 50), body('complete', 100)];
    let calls = 0;
    server.use(http.get(STATUS, () => HttpResponse.json(answers[Math.min(calls++, answers.length - 1)])));
    render(
      wrap(
        <>
          <Reader name="header" />
          <Reader name="bars" />
          <Reader name="table" />
        </>,
      ),
    );
    await tick(50);
    expect(screen.getByText('header: processing 10')).toBeInTheDocument();
    expect(calls).toBe(1);
    await tick(POLL_INTERVAL_MS + 50);
    expect(calls).toBe(2);
    expect(screen.getByText('bars: processing 50')).toBeInTheDocument();
    await tick(POLL_INTERVAL_MS + 50);
    expect(screen.getByText('table: complete 100')).toBeInTheDocument();
    expect(calls).toBe(3);
    await tick(POLL_INTERVAL_MS * 10);
    expect(calls).toBe(3);
  });

  it('keeps the last answer through a passing fault, retrying with backoff', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    vi.spyOn(Math, 'random').mockReturnValue(0);
    let calls = 0;
    server.use(
      http.get(STATUS, () => {
        calls += 1;
        if (calls === 1) return HttpResponse.json(body('processing', 10));
        if (calls <= 3)
          return HttpResponse.json(
            { success: false, errors: [{ code: 1, message: 'busy' }], result: null },
            { status: 503 },
          );
        return HttpResponse.json(body('complete', 100));
      }),
    );
    render(wrap(<Reader name="view" />));
    await tick(50);
    await tick(POLL_INTERVAL_MS + 50);
    expect(screen.getByText('view: processing 10 failing 1')).toBeInTheDocument();
    // Backoff: the retries wait 0.5 s, then 1 s (jitter pinned to its minimum).
    await tick(600);
    expect(screen.getByText('view: processing 10 failing 2')).toBeInTheDocument();
    await tick(1_100);
    expect(screen.getByText('view: complete 100')).toBeInTheDocument();
    expect(calls).toBe(4);
  });

  it('slows down five-fold in a hidden tab and catches up when it is shown again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    let calls = 0;
    server.use(http.get(STATUS, () => HttpResponse.json(body('processing', ++calls))));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    render(wrap(<Reader name="view" />));
    await tick(50);
    expect(calls).toBe(1);
    await tick(POLL_INTERVAL_MS * 4);
    expect(calls).toBe(1);
    await tick(POLL_INTERVAL_MS + 100);
    expect(calls).toBe(2);
    visibility.mockReturnValue('visible');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(calls).toBe(3);
  });

  it('does not retry or keep polling a test the server no longer has', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    let calls = 0;
    server.use(
      http.get(STATUS, () => {
        calls += 1;
        return HttpResponse.json(
          { success: false, errors: [{ code: 404, message: 'not found' }], result: null },
          { status: 404 },
        );
      }),
    );
    render(wrap(<Reader name="view" />));
    await tick(POLL_INTERVAL_MS * 5);
    expect(calls).toBe(1);
  });
});
