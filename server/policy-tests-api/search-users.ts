import { personMatches } from './person-matches';

/**
 * The `search` extension of a users page: people whose email or name contains the text, ignoring
 * case. The text is only ever compared as text (never a pattern), whatever characters it holds.
 * A directory is a fixed snapshot, so its matches are found once per text and kept for the next pages.
 */
export interface SearchablePeople {
  /** Names the snapshot: two with one key list the same people in the same order. */
  readonly key: string;
  readonly size: number;
  emailAt(i: number): string;
  nameAt(i: number): string;
}

const KEPT = 8;

export class UserSearch {
  private readonly found = new Map<string, Int32Array>();

  /** Indexes of the matching people, ascending. */
  matches(people: SearchablePeople, text: string): Int32Array {
    const key = `${people.key}\n${text}`;
    let hit = this.found.get(key);
    if (hit) {
      this.found.delete(key);
      this.found.set(key, hit);
      return hit;
    }
    const needle = text.toLowerCase();
    const out: number[] = [];
    const person = { email: '', name: '' };
    for (let i = 0; i < people.size; i++) {
      person.email = people.emailAt(i);
      person.name = people.nameAt(i);
      if (personMatches(person, needle)) out.push(i);
    }
    hit = Int32Array.from(out);
    this.found.set(key, hit);
    while (this.found.size > KEPT) this.found.delete(this.found.keys().next().value!);
    return hit;
  }
}
