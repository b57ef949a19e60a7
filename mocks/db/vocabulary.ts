/** Words the catalog generator builds realistic policy ids, titles and steps from. */

export interface SystemWord {
  key: string;
  name: string;
  providerType: string;
  resourceType: string;
  urn: string;
  role: string;
}

export const SYSTEMS: readonly SystemWord[] = [
  {
    key: 'bigquery',
    name: 'BigQuery',
    providerType: 'bigquery',
    resourceType: 'dataset',
    urn: 'acme-analytics:warehouse',
    role: 'viewer',
  },
  {
    key: 'gcs',
    name: 'Cloud Storage',
    providerType: 'gcs',
    resourceType: 'bucket',
    urn: 'gs://acme-exports',
    role: 'objectViewer',
  },
  {
    key: 'postgres',
    name: 'Postgres',
    providerType: 'postgres',
    resourceType: 'database',
    urn: 'orders-db-primary',
    role: 'readonly',
  },
  {
    key: 'metabase',
    name: 'Metabase',
    providerType: 'metabase',
    resourceType: 'collection',
    urn: 'metabase:collection/42',
    role: 'viewer',
  },
  {
    key: 'tableau',
    name: 'Tableau',
    providerType: 'tableau',
    resourceType: 'workbook',
    urn: 'tableau:site/acme/workbook/revenue',
    role: 'viewer',
  },
  {
    key: 'github',
    name: 'GitHub',
    providerType: 'github',
    resourceType: 'repository',
    urn: 'github:acme/platform',
    role: 'write',
  },
  {
    key: 'gitlab',
    name: 'GitLab',
    providerType: 'gitlab',
    resourceType: 'project',
    urn: 'gitlab:acme/infra',
    role: 'developer',
  },
  {
    key: 'grafana',
    name: 'Grafana',
    providerType: 'grafana',
    resourceType: 'folder',
    urn: 'grafana:folder/payments',
    role: 'viewer',
  },
  {
    key: 'vault',
    name: 'Vault',
    providerType: 'vault',
    resourceType: 'secret_path',
    urn: 'vault:kv/prod/payments',
    role: 'reader',
  },
  {
    key: 'k8s',
    name: 'Kubernetes',
    providerType: 'gke',
    resourceType: 'namespace',
    urn: 'gke:prod-eu/payments',
    role: 'edit',
  },
  {
    key: 'airflow',
    name: 'Airflow',
    providerType: 'airflow',
    resourceType: 'dag',
    urn: 'airflow:dags/daily_revenue',
    role: 'operator',
  },
  {
    key: 'snowflake',
    name: 'Snowflake',
    providerType: 'snowflake',
    resourceType: 'schema',
    urn: 'snowflake:ANALYTICS.FINANCE',
    role: 'reader',
  },
  {
    key: 'looker',
    name: 'Looker',
    providerType: 'looker',
    resourceType: 'model',
    urn: 'looker:model/sales',
    role: 'viewer',
  },
  {
    key: 's3',
    name: 'S3',
    providerType: 'aws',
    resourceType: 'bucket',
    urn: 'arn:aws:s3:::acme-datalake',
    role: 'read',
  },
  {
    key: 'kafka',
    name: 'Kafka',
    providerType: 'kafka',
    resourceType: 'topic',
    urn: 'kafka:prod/payments.events',
    role: 'consumer',
  },
  { key: 'jira', name: 'Jira', providerType: 'jira', resourceType: 'project', urn: 'jira:SEC', role: 'member' },
];

export interface AreaWord {
  key: string;
  name: string;
  teams: readonly string[];
  sensitive: boolean;
}

export const AREAS: readonly AreaWord[] = [
  { key: 'pii', name: 'PII', teams: ['data', 'eng'], sensitive: true },
  { key: 'prod', name: 'production', teams: ['eng', 'security'], sensitive: true },
  { key: 'finance', name: 'finance', teams: ['finance'], sensitive: true },
  { key: 'analytics', name: 'analytics', teams: ['data', 'marketing', 'sales'], sensitive: false },
  { key: 'billing', name: 'billing', teams: ['finance', 'eng'], sensitive: true },
  { key: 'ml', name: 'ML', teams: ['data', 'eng'], sensitive: false },
  { key: 'payments', name: 'payments', teams: ['eng', 'finance'], sensitive: true },
  { key: 'hr', name: 'HR', teams: ['hr'], sensitive: true },
  { key: 'marketing', name: 'marketing', teams: ['marketing'], sensitive: false },
  { key: 'staging', name: 'staging', teams: ['eng'], sensitive: false },
  { key: 'reporting', name: 'reporting', teams: ['data', 'finance', 'sales'], sensitive: false },
  { key: 'customer', name: 'customer data', teams: ['support', 'data'], sensitive: true },
];

export interface ActionWord {
  key: string;
  name: string;
  privileged: boolean;
}

export const ACTIONS: readonly ActionWord[] = [
  { key: 'access', name: 'access', privileged: false },
  { key: 'read', name: 'read access', privileged: false },
  { key: 'write', name: 'write access', privileged: true },
  { key: 'admin', name: 'admin access', privileged: true },
  { key: 'approval', name: 'approval', privileged: false },
  { key: 'viewer', name: 'viewer role', privileged: false },
  { key: 'editor', name: 'editor role', privileged: true },
];

export const POLICY_AUTHORS: readonly string[] = [
  'priya.raman@example.com',
  'marcus.chen@example.com',
  'sofia.alvarez@example.com',
  'okafor.nnamdi@example.com',
  'lena.fischer@example.com',
  'tomas.novak@example.com',
  'aiko.tanaka@example.com',
  'security-admin@example.com',
];

export const DURATION_OPTIONS: readonly { name: string; value: string }[] = [
  { name: '1 Day', value: '24h' },
  { name: '3 Days', value: '72h' },
  { name: '1 Week', value: '168h' },
  { name: '2 Weeks', value: '336h' },
  { name: '30 Days', value: '720h' },
  { name: '90 Days', value: '2160h' },
];
export const PERMANENT_OPTION = { name: 'Permanent', value: '0h' } as const;

export const QUESTIONS: readonly { key: string; question: string; required: boolean; description?: string }[] = [
  {
    key: 'reason',
    question: 'Why do you need this access?',
    required: true,
    description: 'Reviewers read this first. Link the task you are working on.',
  },
  {
    key: 'ticket',
    question: 'Which ticket tracks this work?',
    required: true,
    description: 'A Jira or ServiceNow id, e.g. SEC-1234.',
  },
  { key: 'team', question: 'What team are you in?', required: false },
  {
    key: 'duration_reason',
    question: 'Why this duration?',
    required: false,
    description: 'Only needed for more than a week.',
  },
  { key: 'data_handling', question: 'Have you completed the data handling training?', required: true },
  { key: 'manager_aware', question: 'Is your manager aware of this request?', required: false },
];

export const LABEL_VALUES = {
  team: ['data-platform', 'payments', 'core-infra', 'growth', 'finance-systems', 'security', 'people-ops'],
  env: ['prod', 'staging', 'shared'],
  tier: ['critical', 'standard', 'low'],
  compliance: ['sox', 'gdpr', 'pci', 'hipaa'],
  owner: ['platform', 'data', 'security', 'finance'],
} as const;

export const COUNTRIES_ALLOWED = ['US', 'GB', 'DE', 'NL', 'SG', 'IN', 'IE', 'CA'] as const;
