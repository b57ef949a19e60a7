import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { processedUsers, type PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { formatCount } from '@/lib/format/format-number';
import {
  policyTestUsersQueryOptions,
  usePolicyTestUsers,
  type UnreadableUserRow,
  type UsersPageParams,
} from '../api/get-policy-test-users';
import { policyTestKeys } from '../api/policy-test-keys';
import {
  apiStatusFilter,
  pageCount,
  parseUsersView,
  STATUS_VIEW_LABELS,
  STATUS_VIEWS,
  usersMatching,
  writeUsersView,
  type StatusView,
  type UsersView,
} from '../users/users-url-params';
import { ExportUsersButton } from './export-users-button';
import { PageSizeSelect, pageForSize } from './page-size-select';
import { PagedTable } from './paged-table';
import { Pager } from './pager';
import { SegmentedControl } from '@/components/segmented-control/segmented-control';
import { USER_STATUS } from './status-badges';
import { numberUsers, userColumns, userRowId, type NumberedUser } from './user-columns';
import { stepOptions } from '../why/step-options';
import { UsersFilters } from '../why/users-filters';
import { atStepWords } from '../why/why-words';
import type { UsersFilters as ExportFilters } from '../export/export-users-csv';
import { traceColumn, whyColumn } from '../why/why-columns';
import type { ResultInfo } from '@/lib/api/policy-tests/policy-test-schema';

/** The users table's columns: who, status, why, and each one's trace when there is a version to trace. */
function usersTableColumns(traceOf: ((email: string) => string) | undefined) {
  const why = whyColumn<NumberedUser>();
  return traceOf ? [...userColumns, why, traceColumn<NumberedUser>(traceOf)] : [...userColumns, why];
}

/**
 * Whether the server applied our extension filters: it echoes them in `result_info`. One that does
 * not (the real API ignores unknown parameters) sends every user, so the view says so.
 */
function extensionState(view: UsersView, info: ResultInfo | undefined): { filtered: boolean; ignored: string[] } {
  const asked = { search: view.search !== '', step: view.step !== undefined };
  if (!info) return { filtered: asked.search || asked.step, ignored: [] };
  const ignored = [
    ...(asked.search && info.search !== view.search ? ['search'] : []),
    ...(asked.step && info.step !== view.step ? ['a step filter'] : []),
  ];
  return { filtered: (asked.search || asked.step) && ignored.length === 0, ignored };
}

interface TestUsersSectionProps {
  testId: string;
  test: PolicyTest;
  settled: boolean;
  /** The trace of one person's appeal, when the test ran a single saved version. */
  traceOf?: (email: string) => string;
}

/** The users a test has evaluated: a server-paged table whose page, size and filter live in the URL. */
export function TestUsersSection({ testId, test, settled, traceOf }: TestUsersSectionProps) {
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => parseUsersView(search), [search]);
  const params: UsersPageParams = {
    testId,
    page: view.page,
    perPage: view.perPage,
    status: apiStatusFilter(view.status),
    ...(view.search === '' ? {} : { search: view.search }),
    ...(view.step === undefined ? {} : { step: view.step }),
  };
  const users = usePolicyTestUsers(params, settled);
  const queryClient = useQueryClient();
  const extension = extensionState(view, users.data?.info);
  // A search or step filter has only the server's count to go by; the status counts say the rest.
  const matching = extension.filtered ? (users.data?.info.totalCount ?? 0) : usersMatching(test, view.status);
  const pages = pageCount(matching, view.perPage);
  const columns = useMemo(() => usersTableColumns(traceOf), [traceOf]);
  const exportFilters = useMemo(
    () => (extension.filtered ? { search: params.search, step: params.step } : undefined),
    [extension.filtered, params.search, params.step],
  );

  const processed = processedUsers(test);
  // New users arrived: refresh the open page in place (the page number stays, the rows stay on
  // screen while it loads). This rides on the one status poll instead of polling the pages too.
  useEffect(() => {
    // cancelRefetch: false — a slow page still loading must finish, not restart on every poll.
    void queryClient.invalidateQueries(
      { queryKey: policyTestKeys.users(testId), refetchType: 'active' },
      { cancelRefetch: false },
    );
  }, [queryClient, testId, processed, test.status]);

  const showingPage = users.isSuccess && !users.isPlaceholderData;
  // The reader will likely go on: have the next page ready before they ask.
  useEffect(() => {
    if (!showingPage || view.page >= pages) return;
    // After the page is painted: parsing up to 1,000 prefetched rows must not delay this frame.
    const timer = setTimeout(() => {
      void queryClient.prefetchQuery({
        ...policyTestUsersQueryOptions({ ...params, page: view.page + 1 }, settled),
        staleTime: settled ? Infinity : 5_000,
      });
    }, 150);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params is rebuilt each render from these
  }, [queryClient, showingPage, testId, view.page, view.perPage, view.status, pages, settled, users.dataUpdatedAt]);

  const hrefFor = (patch: Partial<UsersView>) => `?${writeUsersView(search, { ...view, ...patch }).toString()}`;
  const go = (patch: Partial<UsersView>) =>
    setSearch(writeUsersView(search, { ...view, ...patch }), { preventScrollReset: true });

  // The toolbar does not change with the page: memoised, with callbacks that always see the
  // latest view, it is not re-rendered (nor its radios' attributes re-set) on every page switch.
  const latest = useRef({ go, view });
  useLayoutEffect(() => {
    latest.current = { go, view };
  });
  const onStatus = useCallback((status: StatusView) => latest.current.go({ status, page: 1 }), []);
  const onPerPage = useCallback((perPage: number) => {
    const { go: navigate, view: current } = latest.current;
    navigate({ perPage, page: pageForSize(current.page, current.perPage, perPage) });
  }, []);
  const onSearch = useCallback((text: string) => latest.current.go({ search: text, page: 1 }), []);
  const onStep = useCallback((step: string | undefined) => latest.current.go({ step, page: 1 }), []);
  const steps = useMemo(
    () => (test.reasons ? stepOptions(test.reasons, view.status === 'all' ? undefined : view.status) : undefined),
    [test.reasons, view.status],
  );

  const firstRow = (view.page - 1) * view.perPage + 1;
  const rows = useMemo(() => numberUsers(users.data?.users ?? [], firstRow), [users.data, firstRow]);
  const unreadable = users.data?.unreadable ?? [];
  const lastRow = firstRow + rows.length - 1;
  const pastEnd =
    users.isSuccess && !users.isPlaceholderData && rows.length === 0 && unreadable.length === 0 && view.page > 1;
  const filterWords = view.status === 'all' ? 'users' : `${STATUS_VIEW_LABELS[view.status].toLowerCase()} users`;
  const caption = `${view.status === 'all' ? 'Users' : `${STATUS_VIEW_LABELS[view.status]} users`}, page ${formatCount(view.page)} of ${formatCount(pages)}`;

  return (
    <section className="card test-users" aria-labelledby="test-users-heading">
      <UsersToolbar
        test={test}
        testId={testId}
        status={view.status}
        perPage={view.perPage}
        matching={matching}
        settled={settled}
        filters={exportFilters}
        onStatus={onStatus}
        onPerPage={onPerPage}
      />

      <UsersFilters search={view.search} step={view.step} steps={steps} onSearch={onSearch} onStep={onStep} />
      {extension.ignored.length > 0 && (
        <p className="notice notice--warning" role="status">
          <Icon name="info" /> This server does not support {extension.ignored.join(' or ')}: the list shows every{' '}
          {view.status === 'all' ? '' : `${STATUS_VIEW_LABELS[view.status].toLowerCase()} `}user. (Our test servers and
          the Guardian test runner do.)
        </p>
      )}
      {view.notices.length > 0 && (
        <div className="notice" role="status">
          <Icon name="info" />
          <div>
            <p>This address asked for something the list cannot show:</p>
            <ul>
              {view.notices.map((notice) => (
                <li key={notice} className="break-anywhere">
                  {notice}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {!settled && (
        <p className="muted test-users__live">The list grows as users are evaluated; the page you are on stays put.</p>
      )}

      {users.isPending && <LoadingState label={`Loading page ${view.page} of the ${filterWords}…`} />}
      {users.isError && !users.data && (
        <ErrorState
          error={users.error}
          what="this page of users"
          onRetry={() => void users.refetch()}
          retrying={users.isFetching}
        />
      )}
      {users.isError && users.data && (
        <ErrorState
          compact
          error={users.error}
          what="the latest rows (showing the last ones received)"
          onRetry={() => void users.refetch()}
        />
      )}
      {pastEnd && (
        <EmptyState title={`Page ${formatCount(view.page)} is past the end`}>
          <p>
            There {matching === 1 ? 'is' : 'are'} {formatCount(matching)} {filterWords} so far, on {formatCount(pages)}{' '}
            {pages === 1 ? 'page' : 'pages'} of {view.perPage}.
          </p>
          <p>
            <Link to={hrefFor({ page: pages })}>Go to the last page ({formatCount(pages)})</Link> ·{' '}
            <Link to={hrefFor({ page: 1 })}>Go to the first page</Link>
          </p>
        </EmptyState>
      )}
      {unreadable.length > 0 && (
        <UnreadableRows
          rows={unreadable}
          firstRow={firstRow}
          whole={rows.length === 0}
          onRetry={() => void users.refetch()}
        />
      )}
      {users.isSuccess && rows.length === 0 && unreadable.length === 0 && !pastEnd && extension.filtered && (
        <EmptyState title={`No ${filterWords} match`}>
          {view.search !== '' && <>No email or name contains “{clipText(view.search)}”. </>}
          {view.step !== undefined && <>None was decided {atStepWords(view.step)}. </>}
          <Link to={hrefFor({ search: '', step: undefined, page: 1 })}>Clear the search and step</Link>
        </EmptyState>
      )}
      {users.isSuccess && rows.length === 0 && unreadable.length === 0 && !pastEnd && !extension.filtered && (
        <EmptyState title={view.status === 'all' ? 'No users evaluated yet' : `No ${filterWords}`}>
          {settled
            ? view.status === 'all'
              ? 'This test finished without evaluating any user.'
              : `This test gave no user the status “${STATUS_VIEW_LABELS[view.status]}”.`
            : 'Users appear here as the test evaluates them.'}
        </EmptyState>
      )}
      {rows.length > 0 && !pastEnd && (
        <>
          <PagedTable
            rows={rows}
            columns={columns}
            getRowId={userRowId}
            caption={caption}
            stale={users.isPlaceholderData}
            pageKey={`${view.status}/${view.perPage}/${view.page}`}
          />
          <Pager
            label="Pages of users"
            page={view.page}
            pageCount={pages}
            hrefFor={(page) => hrefFor({ page })}
            onJump={(page) => go({ page })}
            rangeText={`${STATUS_VIEW_LABELS[view.status] === 'All' ? 'Users' : STATUS_VIEW_LABELS[view.status]} ${formatCount(firstRow)}–${formatCount(lastRow)} of ${formatCount(matching)}`}
          />
        </>
      )}
    </section>
  );
}

/**
 * Rows the server sent that are not users this console can read: said, with why, and the rest of
 * the page shown. A page with no readable row at all is a page this console cannot read: an error,
 * with a way to ask again.
 */
function UnreadableRows({
  rows,
  firstRow,
  whole,
  onRetry,
}: {
  rows: UnreadableUserRow[];
  firstRow: number;
  whole: boolean;
  onRetry: () => void;
}) {
  return (
    <div className={whole ? 'notice notice--danger' : 'notice notice--warning'} role={whole ? 'alert' : 'status'}>
      <Icon name="error" />
      <div>
        <p className="notice__title">
          {whole
            ? 'The server sent a page of users this console cannot read'
            : rows.length === 1
              ? '1 row of this page could not be read'
              : `${rows.length} rows of this page could not be read`}
        </p>
        <p>
          {whole
            ? rows.length === 1
              ? 'Its only row is not a user in a shape this console knows:'
              : `None of its ${rows.length} rows is a user in a shape this console knows:`
            : `The server sent ${rows.length === 1 ? 'it' : 'them'} in a shape this console does not know: ${rows.length === 1 ? 'it is' : 'they are'} left out of the table, the rest is shown.`}
        </p>
        <ul>
          {rows.slice(0, 20).map((row) => (
            <li key={row.position} className="break-anywhere">
              Row {formatCount(firstRow + row.position - 1)}
              {row.id ? ` (id ${row.id})` : ''}: {row.problems.join('; ')}
            </li>
          ))}
          {rows.length > 20 && <li>…and {formatCount(rows.length - 20)} more.</li>}
        </ul>
        {whole && (
          <button type="button" className="button button--small" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}

const UsersToolbar = memo(function UsersToolbar({
  test,
  testId,
  status,
  perPage,
  matching,
  settled,
  filters,
  onStatus,
  onPerPage,
}: {
  test: PolicyTest;
  testId: string;
  status: StatusView;
  perPage: number;
  matching: number;
  settled: boolean;
  filters: ExportFilters | undefined;
  onStatus: (status: StatusView) => void;
  onPerPage: (perPage: number) => void;
}) {
  const filterOptions = useMemo(
    () =>
      STATUS_VIEWS.map((option) => ({
        value: option,
        label: STATUS_VIEW_LABELS[option],
        count: usersMatching(test, option),
        icon:
          option === 'all' ? undefined : (
            <Icon name={USER_STATUS[option].icon} className={`tone--${USER_STATUS[option].tone}`} />
          ),
      })),
    [test],
  );
  return (
    <div className="test-users__toolbar">
      <h2 id="test-users-heading">Users</h2>
      <SegmentedControl<StatusView> legend="Show" options={filterOptions} value={status} onChange={onStatus} />
      <PageSizeSelect value={perPage} onChange={onPerPage} />
      <ExportUsersButton testId={testId} view={status} expected={matching} settled={settled} filters={filters} />
    </div>
  );
});

/** A search shown back in a sentence: long ones cut. */
function clipText(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
