// A bench-only page (never part of the app build): three components that each read the same test
// through the app's own hook and query client, mounted at different moments as real views do
// (a header first, a progress card and a table once there is data). `npm run bench` counts the
// status requests this page makes per polling interval.
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '@/app/query-client';
import { usePolicyTest } from '@/features/policy-tests/api/get-policy-test';

const testId = new URLSearchParams(window.location.search).get('id') ?? '';

function StatusReader() {
  const { data } = usePolicyTest(testId);
  return <p data-reader="status">Status: {data?.status ?? 'loading'}</p>;
}

function ProgressReader() {
  const { data } = usePolicyTest(testId);
  return <p data-reader="progress">Processed: {data?.percentUsersProcessed ?? 0}%</p>;
}

function CountsReader() {
  const { data } = usePolicyTest(testId);
  return (
    <p data-reader="counts">
      Approved {data?.usersApproved ?? 0}, blocked {data?.usersBlocked ?? 0}, errored {data?.usersErrored ?? 0}
    </p>
  );
}

/** Mounts its child after `ms`, like a part of a view that appears later. */
function Later({ ms, children }: { ms: number; children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return shown ? children : null;
}

const queryClient = createQueryClient();
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <h1>Three readers of test {testId}</h1>
    <StatusReader />
    <Later ms={350}>
      <ProgressReader />
    </Later>
    <Later ms={700}>
      <CountsReader />
    </Later>
  </QueryClientProvider>,
);
