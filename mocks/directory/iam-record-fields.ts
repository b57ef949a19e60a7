/**
 * The directory's records are what the mock IAM `http` provider answers for a user: the fields of
 * the response Guardian maps into `$appeal.creator` through a policy's `iam.schema`. They carry the
 * response keys the seeded policies' schemas read — the docs' examples disagree on naming
 * (`full_name` in the reference, `fullName` and `companyName` in the tour), so both are there, as
 * a directory that serves both would have them. A policy with an IAM and no schema gets the record
 * as it is.
 *
 * A test builds only the keys its policy reads, as a bit mask: a policy that reads only the
 * manager's email should not pay for names and manager chains of a million users.
 */
export const RECORD_FIELDS = [
  { key: 'user_id', type: 'string', note: 'the directory’s own id (UUID)' },
  { key: 'email', type: 'string', note: 'work email' },
  { key: 'name', type: 'string', note: 'full name' },
  { key: 'full_name', type: 'string', note: 'full name (as the reference example reads it)' },
  { key: 'fullName', type: 'string', note: 'full name (as the tour example reads it)' },
  { key: 'company_name', type: 'string', note: 'employer: "Company Name" for employees, an agency for contractors' },
  { key: 'companyName', type: 'string', note: 'the same, camelCase' },
  { key: 'department', type: 'string', note: 'eng, data, sales…' },
  { key: 'title', type: 'string', note: 'job title' },
  { key: 'manager_email', type: 'string', note: 'the manager’s email' },
  { key: 'manager', type: 'object', note: '`{ email, name }` of the manager' },
  { key: 'managers', type: 'string[]', note: 'the manager chain’s emails, nearest first' },
  { key: 'country', type: 'string', note: 'ISO country code' },
  { key: 'employment_type', type: 'string', note: 'employee, contractor or intern' },
  { key: 'risk', type: 'string', note: 'low, medium or high' },
] as const;

export type RecordKey = (typeof RECORD_FIELDS)[number]['key'];

export const RECORD_BITS = Object.fromEntries(RECORD_FIELDS.map((f, i) => [f.key, 1 << i])) as Record<
  RecordKey,
  number
>;

export const ALL_RECORD_FIELDS = (1 << RECORD_FIELDS.length) - 1;

/** The mask for a set of response keys ('all': every field). Keys the directory lacks cost nothing. */
export function recordMask(keys: ReadonlySet<string> | 'all'): number {
  if (keys === 'all') return ALL_RECORD_FIELDS;
  let mask = 0;
  for (const key of keys) mask |= (RECORD_BITS as Record<string, number>)[key] ?? 0;
  return mask;
}
