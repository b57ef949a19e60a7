/**
 * The distinct reasons of one test (an error's text, a rule's name), numbered from 1 so that a user's
 * reason fits in a byte. Past 254 distinct texts the rest share the last entry, which says so.
 */
export const OVERFLOW_REASON = 255;

export class ReasonTable {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];

  constructor(texts: readonly string[] = []) {
    for (const text of texts) this.add(text);
  }

  add(text: string): number {
    const known = this.index.get(text);
    if (known !== undefined) return known;
    if (this.texts.length >= OVERFLOW_REASON - 1) return OVERFLOW_REASON;
    this.texts.push(text);
    const n = this.texts.length;
    this.index.set(text, n);
    return n;
  }

  text(n: number): string | undefined {
    if (n === 0) return undefined;
    if (n === OVERFLOW_REASON) return 'one of many other reasons (this test had more than 254 distinct ones)';
    return this.texts[n - 1];
  }
}
