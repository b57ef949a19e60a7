/**
 * The IAM block of the bench's wide policies: an HTTP directory whose schema maps most creator
 * fields, so that checks over `$appeal.creator` read many of them.
 */
export const CREATOR_IAM = {
  provider: 'http',
  config: { url: 'https://iam.example.com/users/{user_id}', auth: { type: 'bearer', token: 'bench' } },
  schema: {
    company: 'company_name',
    risk: 'risk',
    country: 'country',
    department: 'department',
    title: 'title',
    managers: 'managers',
    employment_type: 'employment_type',
  },
} as const;
