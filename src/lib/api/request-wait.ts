/** What a person waiting on a request needs to know, and the two things they can do about it. */
export interface RequestWait {
  /** When the current fetch began (its first try), as `Date.now()`; undefined when nothing is out. */
  since: number | undefined;
  /** Tries of the current fetch that have failed so far (0 while the first one is out). */
  failures: number;
  /** Why the last try failed, while the next one is out. */
  lastFailure: unknown;
  /** The person stopped waiting: nothing is out and nothing has arrived. */
  stopped: boolean;
  /** How long the last fetch that failed took in all, over how many tries (for the error message). */
  waited: { ms: number; attempts: number } | undefined;
  /** Drops the request that is out (or its retry timer) and starts again at once. */
  retry(): void;
  /** Stops waiting: the request is aborted and the view says so. */
  cancel(): void;
}
