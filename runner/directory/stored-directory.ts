import type { DirectoryUser, UserDirectory } from './user-directory';

/**
 * A directory's people as a test's users page needs them after the file changed or the runner
 * restarted: id, email and name, JSON in chunks of 65,536 users (the database compresses them).
 */
export const USERS_PER_CHUNK = 65_536;

export function packUsers(directory: UserDirectory, chunk: number): Uint8Array {
  const rows: [string, string, string][] = [];
  const end = Math.min(directory.size, (chunk + 1) * USERS_PER_CHUNK);
  for (let i = chunk * USERS_PER_CHUNK; i < end; i++) {
    const u = directory.user(i);
    rows.push([u.id, u.email, u.name]);
  }
  return Buffer.from(JSON.stringify(rows), 'utf8');
}

export function unpackUsers(bytes: Uint8Array): DirectoryUser[] {
  const rows = JSON.parse(Buffer.from(bytes).toString('utf8')) as [string, string, string][];
  return rows.map(([id, email, name]) => ({ id, email, name }));
}
