import { z } from 'zod/mini';
import '../zod-messages';

/** Cloudflare Access policy tester: the envelope and the three results (snake_case on the wire). */

const envelopeMessageSchema = z.looseObject({ code: z.optional(z.number()), message: z.string() });
const messages = () => z._default(z.array(envelopeMessageSchema), () => []);

export function envelopeSchema<T extends z.core.SomeType>(result: T) {
  return z.looseObject({
    success: z.boolean(),
    errors: messages(),
    messages: messages(),
    result,
    /** Read apart (resultInfoSchema): a server's odd paging facts must not cost the page. */
    result_info: z.optional(z.unknown()),
  });
}

/**
 * A list's paging facts. The real tester sends none for users pages; our test servers send how
 * many users the whole query matches, and echo the extension filters (`search`, `step`) they applied.
 */
export const resultInfoSchema = z.pipe(
  z.looseObject({
    total_count: z.optional(z.catch(z.optional(z.number().check(z.nonnegative())), undefined)),
    search: z.optional(z.catch(z.optional(z.string()), undefined)),
    step: z.optional(z.catch(z.optional(z.string()), undefined)),
  }),
  z.transform((info): ResultInfo => ({
    ...(info.total_count === undefined ? {} : { totalCount: info.total_count }),
    ...(info.search === undefined ? {} : { search: info.search }),
    ...(info.step === undefined ? {} : { step: info.step }),
  })),
);

export interface ResultInfo {
  totalCount?: number;
  search?: string;
  step?: string;
}

export const failureEnvelopeSchema = z.looseObject({
  success: z.optional(z.literal(false)),
  errors: messages(),
});

export const POLICY_TEST_STATUSES = ['processing', 'complete', 'exceeded time', 'blocked'] as const;
export type PolicyTestStatus = (typeof POLICY_TEST_STATUSES)[number];
export const TERMINAL_TEST_STATUSES: readonly PolicyTestStatus[] = ['complete', 'exceeded time', 'blocked'];

const USER_RESULT_STATUSES = ['approved', 'blocked', 'error'] as const;
export type UserResultStatus = (typeof USER_RESULT_STATUSES)[number];
/** The users endpoint filters with other words than the ones it reports. */
export const USER_FILTER_BY_STATUS = { approved: 'success', blocked: 'fail', error: 'error' } as const;
export type UserStatusFilter = (typeof USER_FILTER_BY_STATUS)[UserResultStatus];

const count = z._default(z.number().check(z.nonnegative()), 0);

export const policyTestStartSchema = z.pipe(
  z.looseObject({ id: z.string().check(z.minLength(1)), status: z.optional(z.literal('success')) }),
  z.transform(({ id, status }: { id: string; status?: 'success' }) => ({ id, status })),
);

/**
 * Why a user got their result: our test servers' extension fields (the official API has none). Each
 * is read leniently — a field of the wrong type is dropped, never the row — and `reason` stays a
 * word: a newer server may know reasons this console does not.
 */
const whyText = () => z.optional(z.catch(z.optional(z.string().check(z.maxLength(10_000))), undefined));
const whyWireFields = { step: whyText(), reason: whyText(), error: whyText() };

/**
 * The `step` filter word (our test servers' extension) for users no step decided: approved outright,
 * or failed before the first step. Guardian step names never hold spaces, so it names no step.
 */
export const NO_STEP_FILTER = '(no step)';

export interface UserWhy {
  step?: string;
  reason: string;
  error?: string;
}

function whyOf(wire: { step?: string; reason?: string; error?: string }): UserWhy | undefined {
  if (wire.reason === undefined) return undefined;
  const why: UserWhy = { reason: wire.reason };
  if (wire.step !== undefined) why.step = wire.step;
  if (wire.error !== undefined) why.error = wire.error;
  return why;
}

/** How many users got one (outcome, step, reason). */
export interface ReasonCount extends UserWhy {
  status: UserResultStatus;
  users: number;
}

export interface PolicyTest {
  id: string | undefined;
  status: PolicyTestStatus;
  totalUsers: number;
  percentUsersProcessed: number;
  usersApproved: number;
  usersBlocked: number;
  usersErrored: number;
  percentApproved: number;
  percentBlocked: number;
  percentErrored: number;
  /** Most first; only from servers that say (our test servers' extension). */
  reasons?: ReasonCount[];
}

export interface PolicyTestUser {
  id: string;
  email: string;
  name: string;
  status: UserResultStatus;
  /** Only from servers that say (our test servers' extension); absent on any row they leave it off. */
  why?: UserWhy;
}

const reasonCountSchema = z.pipe(
  z.looseObject({ status: z.enum(['approved', 'blocked', 'error']), users: z.number(), ...whyWireFields }),
  z.transform((r) => ({ status: r.status, users: r.users, why: whyOf(r) })),
);

const policyTestWireSchema = z.looseObject({
  id: z.optional(z.string()),
  status: z.enum(POLICY_TEST_STATUSES),
  total_users: count,
  percent_users_processed: count,
  users_approved: count,
  users_blocked: count,
  users_errored: count,
  percent_approved: count,
  percent_blocked: count,
  percent_errored: count,
  reasons: z.optional(z.catch(z.optional(z.array(reasonCountSchema)), undefined)),
});

export const policyTestSchema = z.pipe(
  policyTestWireSchema,
  z.transform((t: z.output<typeof policyTestWireSchema>): PolicyTest => ({
    id: t.id,
    status: t.status,
    totalUsers: t.total_users,
    percentUsersProcessed: t.percent_users_processed,
    usersApproved: t.users_approved,
    usersBlocked: t.users_blocked,
    usersErrored: t.users_errored,
    percentApproved: t.percent_approved,
    percentBlocked: t.percent_blocked,
    percentErrored: t.percent_errored,
    ...(t.reasons
      ? { reasons: t.reasons.flatMap((r) => (r.why ? [{ status: r.status, users: r.users, ...r.why }] : [])) }
      : {}),
  })),
);

/** A user the directory has no email or name for comes as `null` from some servers: read as empty. */
const optionalText = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((value: string | null | undefined) => value ?? ''),
);

const policyTestUserWireSchema = z.looseObject({
  id: z.string(),
  email: optionalText,
  name: optionalText,
  status: z.enum(USER_RESULT_STATUSES),
  ...whyWireFields,
});

export const policyTestUserSchema = z.pipe(
  policyTestUserWireSchema,
  z.transform((user: z.output<typeof policyTestUserWireSchema>): PolicyTestUser => {
    const { id, email, name, status } = user;
    const why = whyOf(user);
    return why ? { id, email, name, status, why } : { id, email, name, status };
  }),
);

export type PolicyTestStart = z.infer<typeof policyTestStartSchema>;

/** Users actually processed so far: the sum of the three outcome counters. */
export function processedUsers(test: PolicyTest): number {
  return test.usersApproved + test.usersBlocked + test.usersErrored;
}
