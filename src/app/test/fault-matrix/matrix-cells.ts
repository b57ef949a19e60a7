import type { FaultRule as MockFaultRule } from '@mocks/faults/fault-store';

/** A fault rule as a test puts it in place (the mock gives it its id). */
type FaultRule = Omit<MockFaultRule, 'id'>;

/**
 * The fault matrix's rows and columns, as data: src/app/fault-matrix.test.tsx runs every cell in
 * the whole app and writes docs/FAULTS.md; e2e/reliability-faults.spec.ts runs one cell per kind of
 * place in real Chromium.
 */
export interface FaultColumn {
  id: string;
  label: string;
  /** The mock rule that produces it on a given route (`/__mock/faults`). */
  rule: (route: string) => FaultRule;
  /** Words the user must see for it, wherever the message shows. */
  words: RegExp;
}

/** Short, so the matrix stays fast: long enough to see the wait honoured, short enough to sit out. */
export const RETRY_AFTER_SECONDS = 2;

export const FAULT_COLUMNS: FaultColumn[] = [
  {
    id: '500',
    label: 'HTTP 500',
    rule: (route) => ({ route, fault: 'status', status: 500 }),
    words: /HTTP 500|internal (server )?error/i,
  },
  {
    id: '503',
    label: 'HTTP 503',
    rule: (route) => ({ route, fault: 'status', status: 503 }),
    words: /HTTP 503|unavailable|upstream/i,
  },
  {
    id: '429',
    label: `HTTP 429 + Retry-After: ${RETRY_AFTER_SECONDS}`,
    rule: (route) => ({ route, fault: 'status', status: 429, retryAfterSeconds: RETRY_AFTER_SECONDS }),
    words: /too many requests|rate limited|HTTP 429/i,
  },
  {
    id: 'timeout',
    label: 'never answers (timeout)',
    rule: (route) => ({ route, fault: 'hang' }),
    words: /did not answer in time|no answer in time|within \d+ s|timed? ?out/i,
  },
  {
    id: 'offline',
    label: 'offline',
    rule: (route) => ({ route, fault: 'offline' }),
    words: /cannot reach|could not be reached|offline|connection|network/i,
  },
  {
    id: 'malformed',
    label: 'malformed JSON',
    rule: (route) => ({ route, fault: 'malformed' }),
    words: /broken answer|not JSON/i,
  },
  {
    id: 'schema',
    label: 'body not matching the schema',
    rule: (route) => ({ route, fault: 'schema' }),
    words: /does not understand|cannot read|unexpected shape/i,
  },
];

export interface RouteRow {
  id: string;
  /** The mock's route name the fault is put on. */
  route: string;
  /** What the console calls, and from where. */
  label: string;
}

export const ROUTE_ROWS: RouteRow[] = [
  { id: 'list', route: 'guardian.list', label: 'Guardian list · `GET /policies` · Policies view' },
  {
    id: 'get',
    route: 'guardian.get',
    label: 'Guardian one version · `GET /policies/{id}/versions/{v}` · version view',
  },
  { id: 'create', route: 'guardian.create', label: 'Guardian create · `POST /policies` · editor, save new policy' },
  {
    id: 'create-dry-run',
    route: 'guardian.create',
    label: 'Guardian create dry run · `POST /policies?dry_run=true` · editor, “Check with server”',
  },
  {
    id: 'update',
    route: 'guardian.update',
    label: 'Guardian new version · `PUT /policies/{id}` · editor, save version',
  },
  {
    id: 'update-dry-run',
    route: 'guardian.update',
    label: 'Guardian update dry run · `PUT /policies/{id}?dry_run=true` · editor, “Check with server”',
  },
  { id: 'tests-start', route: 'tests.start', label: 'Policy test start · `POST …/policy-tests` · New test' },
  {
    id: 'tests-status',
    route: 'tests.status',
    label: 'Policy test status · `GET …/policy-tests/{id}` · test progress (polling)',
  },
  {
    id: 'tests-users',
    route: 'tests.users',
    label: 'Policy test users · `GET …/policy-tests/{id}/users` · test users table',
  },
];

export const cellKey = (row: string, column: string): string => `${row}×${column}`;
