import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import { hash32 } from '../lib/random';

/** The API routes the console calls, by the names fault rules use. */
export const ROUTE_NAMES = [
  'guardian.list',
  'guardian.get',
  'guardian.preferences',
  'guardian.create',
  'guardian.update',
  'tests.start',
  'tests.status',
  'tests.users',
  'tests.directory',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export const FAULT_KINDS = ['status', 'hang', 'offline', 'malformed', 'schema'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * One injected fault. `route` is a route name (`tests.status`), a family (`guardian.*`, `*`), or a
 * path pattern with `*` wildcards, optionally after a method (`GET /api/v1beta1/policies/*`).
 */
export interface FaultRule {
  id: string;
  route: string;
  fault: FaultKind;
  /** For `status`: the HTTP status (default 500). */
  status?: number;
  /** For status 429 (and 503 when given): the Retry-After header, in seconds (default 2 for 429). */
  retryAfterSeconds?: number;
  /** Apply this many times, then drop the rule; absent = until cleared. */
  times?: number;
}

export interface FaultState {
  /** Extra latency on every API answer, in ms. */
  latencyMs: number;
  /** Share (0..1) of API requests answered with a 500, chosen by a seeded sequence. */
  errorRate: number;
  rules: FaultRule[];
}

const NO_FAULTS: FaultState = { latencyMs: 0, errorRate: 0, rules: [] };

export type FaultParse = { ok: true; rule: FaultRule } | { ok: false; problem: string };

/** Accepts `{route, fault, status?, retryAfterSeconds?, times?}`; `fault` may also be a status number. */
export function parseFaultRule(input: unknown, id: string): FaultParse {
  if (!isPlainObject(input)) return { ok: false, problem: 'a fault rule must be an object' };
  const route = input.route;
  if (typeof route !== 'string' || route.trim() === '')
    return {
      ok: false,
      problem: `route must be a route name (${ROUTE_NAMES.join(', ')}), a family such as "tests.*", or a path pattern`,
    };
  let fault = input.fault;
  let status = input.status;
  if (typeof fault === 'number' || (typeof fault === 'string' && /^\d{3}$/.test(fault))) {
    status = Number(fault);
    fault = 'status';
  }
  if (!FAULT_KINDS.includes(fault as FaultKind))
    return { ok: false, problem: `fault must be one of ${FAULT_KINDS.join(', ')} (or an HTTP status)` };
  if (
    status !== undefined &&
    !(typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599)
  ) {
    return { ok: false, problem: 'status must be an HTTP error status (400-599)' };
  }
  const retry = input.retryAfterSeconds;
  if (retry !== undefined && !(typeof retry === 'number' && retry >= 0 && retry <= 3600))
    return { ok: false, problem: 'retryAfterSeconds must be 0..3600' };
  const times = input.times;
  if (times !== undefined && !(typeof times === 'number' && Number.isInteger(times) && times >= 1))
    return { ok: false, problem: 'times must be a positive integer' };
  const rule: FaultRule = {
    id: typeof input.id === 'string' ? input.id : id,
    route: route.trim(),
    fault: fault as FaultKind,
  };
  if (fault === 'status') rule.status = (status as number | undefined) ?? 500;
  if (typeof retry === 'number') rule.retryAfterSeconds = retry;
  else if (rule.status === 429) rule.retryAfterSeconds = 2;
  if (typeof times === 'number') rule.times = times;
  return { ok: true, rule };
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function ruleMatches(rule: FaultRule, route: RouteName, method: string, pathname: string): boolean {
  const r = rule.route;
  if (r === '*' || r === route) return true;
  if (r.endsWith('.*') && !r.includes('/')) return route.startsWith(r.slice(0, -1));
  const m = /^([A-Z]+)\s+(\/.*)$/.exec(r);
  if (m) return m[1] === method && globToRegExp(m[2]!).test(pathname);
  return r.startsWith('/') && globToRegExp(r).test(pathname);
}

/** The fault state plus what applying it needs: a seeded sequence and the requests left hanging. */
export class FaultStore {
  state: FaultState = structuredClone(NO_FAULTS);
  private draws = 0;
  private nextId = 1;
  private hanging = new Set<() => void>();

  constructor(private seed: number) {}

  newRuleId(): string {
    return `fault-${this.nextId++}`;
  }

  replace(state: FaultState): void {
    this.state = structuredClone(state);
    for (const rule of this.state.rules) {
      const n = /^fault-(\d+)$/.exec(rule.id)?.[1];
      if (n) this.nextId = Math.max(this.nextId, Number(n) + 1);
    }
  }

  /** The rule that applies to this request (its `times` counted down), if any. */
  take(route: RouteName, method: string, pathname: string): FaultRule | undefined {
    const rule = this.state.rules.find((r) => ruleMatches(r, route, method, pathname));
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.state.rules = this.state.rules.filter((r) => r !== rule);
    }
    return { ...rule };
  }

  /** Whether the random error rate hits this request (a seeded sequence, so runs repeat). */
  randomFailure(): boolean {
    if (this.state.errorRate <= 0) return false;
    return hash32(this.seed, this.draws++, 0xe77) / 4294967296 < this.state.errorRate;
  }

  /** A promise that settles only when faults are cleared or the mock is reset. */
  hang(): Promise<void> {
    return new Promise((resolve) => this.hanging.add(resolve));
  }

  clear(): void {
    this.state = structuredClone(NO_FAULTS);
    for (const release of this.hanging) release();
    this.hanging.clear();
  }

  reseed(seed: number): void {
    this.seed = seed;
    this.draws = 0;
  }
}
