import { policySchema, type Policy } from '../../src/lib/api/guardian/policy-schema';
import {
  ERRORED,
  NO_STEP,
  OUTCOME_WORDS,
  appealTracer,
  compilePolicy,
  defaultAppealRequest,
  failureMessage,
  unpackVerdict,
  walkAppeal,
  type AppealCreator,
  type PolicyProgram,
  type Tracer,
} from '../../src/lib/appeal';
import type { Target } from '../../src/lib/expr';
import { NO_STEP_FILTER } from '../../src/lib/api/policy-tests/policy-test-schema';
import type { ReasonCount, TestPolicy, UserWhy } from './contracts';
import type { VerdictTally } from './packed-results';

/**
 * Who filed user i's appeal, and what the IAM answered for them: what a store knows of its
 * directory; undefined when it no longer has their record (the error text is then left out).
 */
export type WhoIs = (i: number) => AppealCreator | undefined;

interface GuardianPart {
  policy: Policy;
  program: PolicyProgram;
  tracer?: Tracer;
}

/** Distinct error texts kept per test: enough for every kind of failure a policy has. */
const TRACE_CACHE = 2_000;
const MAX_REASONS = 100;

/**
 * Why each user of a test got their result, from the packed verdict every store keeps (outcome,
 * reason, deciding step): the step's name and the reason as they are, and the error text re-traced
 * from that user's own appeal — the directory is a fixed snapshot, so the same user gives the same
 * trace. Traces are shared between users whose appeal reads the same IAM fields: one trace per kind
 * of failure, not per user.
 */
export class TestExplainer {
  private readonly parts: GuardianPart[];
  private readonly onlyGuardian: boolean;
  private readonly errors = new Map<string, string | undefined>();

  constructor(
    policies: readonly TestPolicy[],
    private readonly target: Target,
    private readonly now: number,
  ) {
    this.parts = policies.flatMap((p) => {
      if (p.kind !== 'guardian') return [];
      const parsed = policySchema.safeParse(p.policy);
      if (!parsed.success) return [];
      const policy = parsed.data;
      try {
        return [{ policy, program: compilePolicy(policy, { target, now, request: defaultAppealRequest(policy) }) }];
      } catch {
        return [];
      }
    });
    this.onlyGuardian = this.parts.length === policies.length && this.parts.length > 0;
  }

  /** Whether this test can say why at all (an Access policy has no steps to name). */
  get explains(): boolean {
    return this.parts.length > 0;
  }

  /** The step indexes a `step` filter word names (across the test's Guardian policies). */
  stepsNamed(word: string): Set<number> {
    if (word === NO_STEP_FILTER) return new Set([NO_STEP]);
    const steps = new Set<number>();
    for (const { policy } of this.parts) policy.steps.forEach((s, i) => s.name === word && steps.add(i));
    return steps;
  }

  /** The policy that decided this user's verdict: the only one, or the first that gives it alone. */
  private decidingPart(verdict: number, who: AppealCreator): GuardianPart | undefined {
    if (this.onlyGuardian && this.parts.length === 1) return this.parts[0];
    for (const part of this.parts) {
      if (walkAppeal(part.program, who.createdBy, who.iam) === verdict) return part;
    }
    return undefined;
  }

  why(verdict: number, who: () => AppealCreator | undefined): UserWhy | undefined {
    if (!this.explains) return undefined;
    const { outcome, reason, step } = unpackVerdict(verdict);
    const single = this.onlyGuardian && this.parts.length === 1;
    const creator = single && outcome !== ERRORED ? undefined : who();
    const part = creator ? this.decidingPart(verdict, creator) : single ? this.parts[0] : undefined;
    const why: UserWhy = { reason };
    if (!part) return single || !creator ? why : undefined;
    const name = step === undefined ? undefined : part.policy.steps[step]?.name;
    if (name !== undefined) why.step = name;
    if (outcome === ERRORED && creator) {
      const error = this.errorText(part, verdict, creator);
      if (error !== undefined) why.error = error;
    }
    return why;
  }

  /** The error text of an errored verdict for this creator, traced once per distinct input. */
  private errorText(part: GuardianPart, verdict: number, who: AppealCreator): string | undefined {
    const key = this.traceKey(part, verdict, who);
    if (this.errors.has(key)) return this.errors.get(key);
    part.tracer ??= appealTracer(part.policy, { target: this.target, request: defaultAppealRequest(part.policy) });
    const message = failureMessage(part.tracer(who, { now: this.now }));
    if (this.errors.size >= TRACE_CACHE) this.errors.delete(this.errors.keys().next().value!);
    this.errors.set(key, message);
    return message;
  }

  /** Everything the walk reads of this creator: two creators with one key get one trace. */
  private traceKey(part: GuardianPart, verdict: number, who: AppealCreator): string {
    const index = this.parts.indexOf(part);
    const by = part.program.readsCreatedBy ? who.createdBy : '';
    if (!who.iam.ok) return `${index}|${verdict}|${by}|!${who.iam.message}`;
    const keys = part.program.responseKeys;
    const body = who.iam.body;
    const read =
      keys === 'all' || body === null || typeof body !== 'object'
        ? body
        : Object.fromEntries([...keys].map((k) => [k, (body as Record<string, unknown>)[k]]));
    return `${index}|${verdict}|${by}|${JSON.stringify(read) ?? 'undefined'}`;
  }

  /** How many users got each (outcome, step, reason), most first, with the error text of the first of them. */
  reasons(tally: ReadonlyMap<number, VerdictTally>, whoIs: WhoIs): ReasonCount[] | undefined {
    if (!this.explains) return undefined;
    const groups = new Map<string, ReasonCount>();
    for (const [verdict, { users, first }] of tally) {
      const why = this.why(verdict, () => whoIs(first));
      if (!why) continue;
      const status = OUTCOME_WORDS[unpackVerdict(verdict).outcome];
      const key = `${status}|${why.step ?? ''}|${why.reason}|${why.error ?? ''}`;
      const group = groups.get(key);
      if (group) group.users += users;
      else groups.set(key, { status, ...why, users });
    }
    return [...groups.values()].sort((a, b) => b.users - a.users).slice(0, MAX_REASONS);
  }
}
