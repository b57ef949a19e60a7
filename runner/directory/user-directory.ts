/** A user as a users page lists them. */
export interface DirectoryUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The people a test runs over, fixed for the test's whole life (a reload makes a new one). Each
 * user's `record` is what the policy's IAM `http` provider answers for them; the policy's
 * `iam.schema` then maps it into `$appeal.creator`.
 */
export interface UserDirectory {
  readonly size: number;
  /** Identifies the content: two directories with one hash list the same users in the same order. */
  readonly hash: string;
  /** Where it came from, for people: a file path, `synthetic:5000`. */
  readonly label: string;
  user(i: number): DirectoryUser;
  /** The user's email alone (cheaper than `user(i)` when that is all a test reads). */
  email(i: number): string;
  record(i: number, keys?: ReadonlySet<string>): Record<string, unknown>;
  /** Fetches the records of users [start, end) before they are read (a directory behind IAM). */
  prefetch?(start: number, end: number): Promise<void>;
}
