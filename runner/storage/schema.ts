/**
 * The runner's tables. A test's per-user results are packed (3 bytes a user: outcome, deciding
 * step, reason) in chunks of 65,536 users, one row a chunk with its counts — a million users are 16
 * rows, not a million. A directory's users (id, email, name) are kept once per content hash, so a
 * test's users page still names the right people after the file changed or the runner restarted.
 */
export const SCHEMA = `
create table if not exists runner_tests (
  id text primary key,
  account_id text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  policies jsonb not null,
  directory_hash text not null,
  directory_label text not null,
  status text not null,
  total integer not null,
  processed integer not null default 0,
  approved integer not null default 0,
  blocked integer not null default 0,
  errored integer not null default 0,
  time_budget_ms integer not null,
  elapsed_ms bigint not null default 0,
  messages jsonb not null default '[]'
);
create index if not exists runner_tests_expiry on runner_tests (expires_at);
create table if not exists runner_test_chunks (
  test_id text not null references runner_tests (id) on delete cascade,
  chunk integer not null,
  results bytea not null,
  primary key (test_id, chunk)
);
create table if not exists runner_directories (
  hash text primary key,
  label text not null,
  size integer not null,
  stored_at timestamptz not null
);
create table if not exists runner_directory_chunks (
  hash text not null references runner_directories (hash) on delete cascade,
  chunk integer not null,
  users bytea not null,
  primary key (hash, chunk)
);
`;
