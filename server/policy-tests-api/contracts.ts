import type { Reason } from '../../src/lib/appeal';

/**
 * The two things a policy-tests server is made of, besides its handlers: where policies come from
 * (the mock catalog, or a real Guardian over HTTP) and where tests and their results live (memory
 * for the mock, a database for the runner). The handlers speak only to these.
 */

/**
 * A policy as a test evaluates it: a Guardian version (snapshot, REST wire form) — a saved one
 * (`ref` "<id>:<version>") or an unsaved draft sent inline (`ref` "<id>:draft") — or an inline
 * Access policy.
 */
export type TestPolicy =
  | { kind: 'guardian'; ref: string; policy: Record<string, unknown> }
  | { kind: 'access'; policy: Record<string, unknown> };

/** A failure the client is told about: the HTTP status and the words of its envelope. */
export interface LookupFailure {
  ok: false;
  /** 400 (the mock's account has no such policy), 404 (Guardian has none), 502 / 504 (Guardian unreachable). */
  status: number;
  message: string;
}

export type PolicyLookup = { ok: true; ref: string; policy: Record<string, unknown> } | LookupFailure;

export interface PolicySource {
  /** `version` 0 = the latest version. */
  lookup(id: string, version: number): PolicyLookup | Promise<PolicyLookup>;
}

export type TestStatus = 'processing' | 'complete' | 'exceeded time' | 'blocked';
/** How the tester reports a user (`error`, not `errored`). */
export type UserStatus = 'approved' | 'blocked' | 'error';

export interface TestSummary {
  id: string;
  status: TestStatus;
  total: number;
  processed: number;
  approved: number;
  blocked: number;
  errored: number;
  /** Our servers' extension: how many users got each (outcome, step, reason), most first. */
  reasons?: ReasonCount[];
}

/** Why a user got their result (our servers' extension of a users-page row). */
export interface UserWhy {
  /** The deciding step's name; absent when no step decided (approved outright, IAM lookup failed). */
  step?: string;
  reason: Reason;
  /** The error's text, for an errored user whose error has one (an expression failed, the IAM lookup). */
  error?: string;
}

export interface ReasonCount extends UserWhy {
  status: UserStatus;
  users: number;
}

export interface UsersQuery {
  /** 1-based. */
  page: number;
  perPage: number;
  status?: UserStatus;
  /** Our servers' extension: email or name containing this text (case-insensitive, never a pattern). */
  search?: string;
  /** Our servers' extension: the deciding step's name, or NO_STEP_FILTER. */
  step?: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  status: UserStatus;
  /**
   * The shared simulation's packed verdict (src/lib/appeal/verdict.ts: outcome, reason, deciding
   * step), when the store keeps it.
   */
  verdict?: number;
  /** The row's why-fields on the wire. */
  why?: UserWhy;
}

/** A page of users, and how many users the query matches in all (`result_info.total_count`). */
export interface UsersPage {
  rows: UserRow[];
  total: number;
}

export interface PolicyTestStore {
  start(accountId: string, policies: TestPolicy[]): Promise<{ id: string }> | { id: string };
  /** undefined: no such test in this account (or it expired). */
  summary(accountId: string, testId: string): Promise<TestSummary | undefined> | TestSummary | undefined;
  users(accountId: string, testId: string, query: UsersQuery): Promise<UsersPage | undefined> | UsersPage | undefined;
}

/** Thrown by a store whose storage cannot be used right now (database gone or full): a 503, never a crash. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
