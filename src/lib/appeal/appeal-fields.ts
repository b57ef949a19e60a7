/**
 * The shape of `$appeal` as Guardian builds it for expression evaluation (the appeal marshalled to
 * JSON, snake_case keys), for the editor's `$appeal.` completion.
 */
const CREATOR_FIELDS = [
  { path: 'email', type: 'string', note: 'Work email' },
  { path: 'name', type: 'string', note: 'Full name' },
  { path: 'department', type: 'string', note: 'e.g. eng, finance, sales' },
  { path: 'company', type: 'string', note: 'Employer, e.g. "Company Name" for employees' },
  { path: 'title', type: 'string', note: 'Job title, e.g. Manager' },
  { path: 'manager_email', type: 'string', note: 'Manager email (some users have none)' },
  { path: 'userManager', type: 'string', note: 'Manager email, as the bigquery example reads it' },
  { path: 'managers', type: 'string[]', note: 'Manager chain emails' },
  { path: 'country', type: 'string', note: 'ISO country code' },
  { path: 'employment_type', type: 'string', note: 'employee, contractor or intern' },
  { path: 'risk', type: 'string', note: 'low, medium or high' },
] as const;

const RESOURCE_FIELDS = [
  { path: 'id', type: 'string' },
  { path: 'provider_type', type: 'string' },
  { path: 'provider_urn', type: 'string' },
  { path: 'type', type: 'string' },
  { path: 'urn', type: 'string' },
  { path: 'name', type: 'string' },
  { path: 'details.owner', type: 'string' },
  { path: 'details.is_pii', type: 'bool' },
  { path: 'details.is_sensitive', type: 'bool' },
  { path: 'details.supervisor', type: 'string' },
] as const;

const APPEAL_FIELDS = [
  { path: 'id', type: 'string' },
  { path: 'role', type: 'string' },
  { path: 'account_id', type: 'string' },
  { path: 'account_type', type: 'string' },
  { path: 'created_by', type: 'string' },
  { path: 'options.duration', type: 'string' },
  { path: 'details', type: 'map' },
  { path: 'labels', type: 'map' },
] as const;

/** Every `$appeal...` path the console knows, for completion. */
export const KNOWN_APPEAL_PATHS: readonly string[] = [
  ...APPEAL_FIELDS.map((f) => `$appeal.${f.path}`),
  '$appeal.creator',
  ...CREATOR_FIELDS.map((f) => `$appeal.creator.${f.path}`),
  '$appeal.resource',
  ...RESOURCE_FIELDS.map((f) => `$appeal.resource.${f.path}`),
];
