import { z } from 'zod';

/** Cloudflare Access policy tester: the envelope and the three results (snake_case on the wire). */

export const envelopeMessageSchema = z.looseObject({ code: z.number().optional(), message: z.string() });

export function envelopeSchema<T extends z.ZodType>(result: T) {
  return z.looseObject({
    success: z.boolean(),
    errors: z.array(envelopeMessageSchema).default([]),
    messages: z.array(envelopeMessageSchema).default([]),
    result,
  });
}

export const failureEnvelopeSchema = z.looseObject({
  success: z.literal(false).optional(),
  errors: z.array(envelopeMessageSchema).default([]),
});

export const POLICY_TEST_STATUSES = ['processing', 'complete', 'exceeded time', 'blocked'] as const;
export type PolicyTestStatus = (typeof POLICY_TEST_STATUSES)[number];
export const TERMINAL_TEST_STATUSES: readonly PolicyTestStatus[] = ['complete', 'exceeded time', 'blocked'];

export const USER_RESULT_STATUSES = ['approved', 'blocked', 'error'] as const;
export type UserResultStatus = (typeof USER_RESULT_STATUSES)[number];
/** The users endpoint filters with other words than the ones it reports. */
export const USER_FILTER_BY_STATUS = { approved: 'success', blocked: 'fail', error: 'error' } as const;
export type UserStatusFilter = (typeof USER_FILTER_BY_STATUS)[UserResultStatus];

const count = z.number().nonnegative().default(0);

export const policyTestStartSchema = z
  .looseObject({ id: z.string().min(1), status: z.literal('success').optional() })
  .transform(({ id, status }) => ({ id, status }));

export const policyTestSchema = z
  .looseObject({
    id: z.string().optional(),
    status: z.enum(POLICY_TEST_STATUSES),
    total_users: count,
    percent_users_processed: count,
    users_approved: count,
    users_blocked: count,
    users_errored: count,
    percent_approved: count,
    percent_blocked: count,
    percent_errored: count,
  })
  .transform((t) => ({
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
  }));

export const policyTestUserSchema = z
  .looseObject({
    id: z.string(),
    email: z.string().default(''),
    name: z.string().default(''),
    status: z.enum(USER_RESULT_STATUSES),
  })
  .transform(({ id, email, name, status }) => ({ id, email, name, status }));

export type PolicyTestStart = z.infer<typeof policyTestStartSchema>;
export type PolicyTest = z.infer<typeof policyTestSchema>;
export type PolicyTestUser = z.infer<typeof policyTestUserSchema>;

/** Users actually processed so far: the sum of the three outcome counters. */
export function processedUsers(test: PolicyTest): number {
  return test.usersApproved + test.usersBlocked + test.usersErrored;
}
