import type { PolicyTestUser, UserWhy } from '@/lib/api/policy-tests/policy-test-schema';
import { CHANGE_KINDS, changeKind, type ChangeKind } from './compare-outcomes';

/** A change that moved a user: what the delta is about. */
export type NewKind = 'newly-blocked' | 'newly-approved' | 'newly-errored';

export interface LiveRow {
  id: string;
  email: string;
  name: string;
  a?: PolicyTestUser['status'];
  b?: PolicyTestUser['status'];
  whyA?: UserWhy;
  whyB?: UserWhy;
  /** Undefined until both tests have reported this user. */
  change?: ChangeKind;
}

/** "12,430 users newly blocked at `security_review`": a kind of change and the step that now decides. */
export interface StepGroup {
  kind: NewKind;
  /** B's deciding step; undefined when no step decided (or the server does not say). */
  step?: string;
  users: number;
  /** Row indexes, in the order they were matched. */
  indexes: number[];
}

export interface ComparisonSnapshot {
  /** Every user seen, in the order first seen (each test lists users in directory order). */
  rows: readonly LiveRow[];
  counts: Readonly<Record<ChangeKind, number>>;
  byKind: Readonly<Record<ChangeKind, readonly number[]>>;
  /** Row indexes of every newly-* row, in the order matched. */
  changed: readonly number[];
  /** Changes grouped by the step that now decides, most users first. */
  groups: readonly StepGroup[];
  /** Users only one test has reported so far. */
  pending: number;
  /** Both tests are finished and every user of both was read. */
  complete: boolean;
  /** Rows of each side read so far. */
  read: { a: number; b: number };
  /** Whether either side reported why (our test servers' extension). */
  explained: boolean;
  /** Changes each time new users are matched: for memoised views. */
  version: number;
}

const NEW_KINDS: readonly ChangeKind[] = ['newly-blocked', 'newly-approved', 'newly-errored'];

export const groupKey = (kind: ChangeKind, step: string | undefined) => `${kind}\n${step ?? ''}`;

/**
 * The user-by-user comparison of two tests, built while both run: pages of either test are added
 * as they arrive, in any order, and a user is classified as soon as both tests have reported them.
 * Every structure only grows (rows, indexes), so a view reads a snapshot without copying.
 */
export class LiveComparison {
  private readonly rows: LiveRow[] = [];
  private readonly index = new Map<string, number>();
  private readonly counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  private readonly byKind = Object.fromEntries(CHANGE_KINDS.map((k) => [k, [] as number[]])) as Record<
    ChangeKind,
    number[]
  >;
  private readonly changed: number[] = [];
  private readonly groups = new Map<string, StepGroup>();
  private pending = 0;
  private complete = false;
  private explained = false;
  private version = 0;
  private readonly read = { a: 0, b: 0 };
  private sorted: StepGroup[] = [];
  private sortedAt = -1;

  /** Adds a page of one side; returns how many of its users were new to that side. */
  add(side: 'a' | 'b', users: readonly PolicyTestUser[]): number {
    let added = 0;
    const whySide = side === 'a' ? 'whyA' : 'whyB';
    for (const user of users) {
      if (user.why) this.explained = true;
      const at = this.index.get(user.id);
      if (at === undefined) {
        this.index.set(user.id, this.rows.length);
        const row: LiveRow = { id: user.id, email: user.email, name: user.name, [side]: user.status };
        if (user.why) row[whySide] = user.why;
        this.rows.push(row);
        this.pending++;
        added++;
        continue;
      }
      const row = this.rows[at]!;
      if (row[side] !== undefined) continue; // a repeated row (a page read again): already counted
      row[side] = user.status;
      if (user.why) row[whySide] = user.why;
      if (!row.email) row.email = user.email;
      if (!row.name) row.name = user.name;
      this.pending--;
      added++;
      this.classify(at, row);
    }
    this.read[side] += added;
    if (added > 0) this.version++;
    return added;
  }

  private classify(at: number, row: LiveRow): void {
    const kind = changeKind(row.a, row.b);
    row.change = kind;
    this.counts[kind]++;
    this.byKind[kind].push(at);
    if (!NEW_KINDS.includes(kind)) return;
    this.changed.push(at);
    const step = row.whyB?.step;
    const key = groupKey(kind, step);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { kind: kind as NewKind, step, users: 0, indexes: [] }));
    group.users++;
    group.indexes.push(at);
  }

  /** Both tests are done and read: users only one of them reported are said as such. */
  finish(): void {
    if (this.complete) return;
    this.rows.forEach((row, at) => {
      if (row.change === undefined) this.classify(at, row);
    });
    this.pending = 0;
    this.complete = true;
    this.version++;
  }

  snapshot(): ComparisonSnapshot {
    if (this.sortedAt !== this.version) {
      this.sorted = [...this.groups.values()].sort((x, y) => y.users - x.users);
      this.sortedAt = this.version;
    }
    return {
      rows: this.rows,
      counts: { ...this.counts },
      byKind: this.byKind,
      changed: this.changed,
      groups: this.sorted,
      pending: this.pending,
      complete: this.complete,
      read: { ...this.read },
      explained: this.explained,
      version: this.version,
    };
  }
}
