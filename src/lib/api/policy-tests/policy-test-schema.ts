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
  });
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
});

export const policyTestSchema = z.pipe(
  policyTestWireSchema,
  z.transform((t: z.output<typeof policyTestWireSchema>) => ({
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
});

export const policyTestUserSchema = z.pipe(
  policyTestUserWireSchema,
  z.transform(({ id, email, name, status }: z.output<typeof policyTestUserWireSchema>) => ({
    id,
    email,
    name,
    status,
  })),
);

export type PolicyTestStart = z.infer<typeof policyTestStartSchema>;
export type PolicyTest = z.infer<typeof policyTestSchema>;
export type PolicyTestUser = z.infer<typeof policyTestUserSchema>;

/** Users actually processed so far: the sum of the three outcome counters. */
export function processedUsers(test: PolicyTest): number {
  return test.usersApproved + test.usersBlocked + test.usersErrored;
}
