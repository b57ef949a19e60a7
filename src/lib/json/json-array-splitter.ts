import { readKey, readMembers, type Members } from './top-level-fields';

/**
 * An item as JSON text; with `fields` (JsonArraySplitter's `wanted`), some of its top-level fields,
 * read in the same pass (see top-level-fields.ts): `undefined` when the item is not an object.
 */
export type OnItem = (text: string, index: number, fields?: Record<string, unknown>) => void;

/**
 * Reads a JSON object that arrives in pieces and hands over each item of one of its array
 * properties (`{"policies":[…]}`) as JSON text the moment the item is complete. A 68 MB list is then
 * parsed item by item while it downloads, and never held whole as text or as one parsed tree.
 *
 * Only the structure is scanned here (strings, nesting, separators); each item is checked by
 * `JSON.parse` where it is used, and the rest of the object (every other property, with the array
 * left empty) by `end()`. Text that is not an object is kept whole for `end()` to parse, so a bad
 * body fails exactly as `JSON.parse` of the whole text would.
 *
 * Given `wanted` keys, the same scan notes where each item's top-level members are, and the item
 * comes with those fields read (a policy version's stamp is a few dozen characters of a row that
 * may be 5 kB of steps): the text is scanned once, not once here and again for its fields.
 */
export class JsonArraySplitter {
  private readonly outer: string[] = [];
  private readonly itemParts: string[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The first thing in the text was `{`: only then can a property hold the array. */
  private isObject: boolean | undefined;
  /** A string at depth 1 being read across pieces (it may be a key), and where it began in this piece. */
  private stringParts: string[] | undefined;
  private stringStart = 0;
  private lastString: string | undefined;
  private key: string | undefined;
  private inArray = false;
  private arrayDone = false;
  /** `[1,]` or `[,1]`: JSON.parse of the whole would refuse it, so end() does. */
  private emptyItem = false;
  private count = 0;
  /** The current item's length in the pieces before this one (`itemParts`), for offsets into its text. */
  private itemBase = 0;
  /** The current item's top-level members (only with `wanted`), as offsets into its text. */
  private readonly members: Members = [];
  /** Where the last string at an item's top level began, while a key may come (-1: none). */
  private keyStart = -1;
  /** Where the current member's `:` is (-1: its key is still to come). */
  private colon = -1;
  private nested = false;

  constructor(
    private readonly property: string,
    private readonly onItem: OnItem,
    private readonly wanted?: ReadonlySet<string>,
  ) {}

  /** Items handed over so far. */
  get items(): number {
    return this.count;
  }

  push(chunk: string): void {
    let from = 0; // start of the text not yet given to `outer` or to the current item
    const n = chunk.length;
    // Where the next backslash is: strings are most of the text, and are skipped to their closing quote.
    let backslash = -1;
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        const quote = chunk.indexOf('"', i);
        if (backslash < i) {
          const next = chunk.indexOf('\\', i);
          backslash = next === -1 ? n : next;
        }
        if (quote === -1 && backslash === n) break; // the string goes on in the next piece
        if (backslash < quote || quote === -1) {
          i = backslash;
          this.escaped = true;
          continue;
        }
        i = quote;
        this.inString = false;
        if (this.stringParts) {
          this.stringParts.push(chunk.slice(this.stringStart, i + 1));
          this.lastString = this.stringParts.join('');
          this.stringParts = undefined;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      switch (c) {
        case 34: // "
          this.inString = true;
          if (this.depth === 1 && this.isObject && !this.inArray) {
            this.stringParts = [];
            this.stringStart = i;
          } else if (this.depth === 3 && this.inArray && this.colon === -1 && this.wanted) {
            this.keyStart = this.itemBase + i - from;
          }
          break;
        case 123: // {
        case 91: // [
          if (this.isObject === undefined) this.isObject = c === 123;
          if (this.depth === 3 && this.colon !== -1) this.nested = true;
          if (c === 91 && this.depth === 1 && this.isObject && !this.arrayDone && this.key === this.property) {
            // The items go to onItem; `outer` keeps the array as `[]`.
            this.outer.push(chunk.slice(from, i + 1));
            from = i + 1;
            this.inArray = true;
          }
          this.depth++;
          break;
        case 125: // }
        case 93: // ]
          if (this.depth === 3 && this.inArray && this.wanted) this.endMember(this.itemBase + i - from);
          this.depth--;
          if (this.inArray && this.depth === 1) {
            this.flushItem(chunk.slice(from, i), true);
            from = i;
            this.inArray = false;
            this.arrayDone = true;
          }
          break;
        case 44: // ,
          if (this.inArray && this.depth === 2) {
            this.flushItem(chunk.slice(from, i), false);
            from = i + 1;
          } else if (this.depth === 3 && this.inArray && this.wanted) this.endMember(this.itemBase + i - from);
          break;
        case 58: // :
          if (this.depth === 1 && this.isObject && this.lastString !== undefined) {
            this.key = readKey(this.lastString);
            this.lastString = undefined;
          } else if (this.depth === 3 && this.inArray && this.colon === -1 && this.keyStart !== -1) {
            this.colon = this.itemBase + i - from;
          }
          break;
        default:
          if (this.isObject === undefined && c > 32) this.isObject = false;
      }
    }
    if (this.stringParts) {
      this.stringParts.push(chunk.slice(this.stringStart));
      this.stringStart = 0;
    }
    const rest = chunk.slice(from);
    if (this.inArray) {
      this.itemParts.push(rest);
      this.itemBase += rest.length;
    } else this.outer.push(rest);
  }

  /** A top-level member of the current item ends at `end` (its `,` or the item's `}`). */
  private endMember(end: number): void {
    if (this.colon !== -1) this.members.push(this.keyStart, this.colon, end, this.nested ? 1 : 0);
    this.forgetMember();
  }

  /** No member under way: the next string at an item's top level may be a key. */
  private forgetMember(): void {
    this.keyStart = -1;
    this.colon = -1;
    this.nested = false;
  }

  private flushItem(tail: string, closing: boolean): void {
    this.itemParts.push(tail);
    const text = this.itemParts.length === 1 ? tail : this.itemParts.join('');
    this.itemParts.length = 0;
    this.itemBase = 0;
    // A malformed item may end mid-member: none of it carries into the next.
    this.forgetMember();
    if (text.trim() === '') {
      // Only `[]` may have nothing between its brackets.
      if (!closing || this.count > 0 || this.emptyItem) this.emptyItem = true;
      return;
    }
    const wanted = this.wanted;
    if (!wanted) return this.onItem(text, this.count++);
    const fields = readMembers(text, this.members, wanted);
    this.members.length = 0;
    this.onItem(text, this.count++, fields);
  }

  /**
   * Parses everything but the array's items (the array reads as `[]`). Throws the `SyntaxError` of
   * `JSON.parse` when the text as a whole is not JSON.
   */
  end(): unknown {
    if (this.emptyItem) throw new SyntaxError(`An item of "${this.property}" is missing (a stray comma).`);
    // Cut short (inside the array, a string or an object): parse what came, for JSON.parse's own error.
    return JSON.parse(this.outer.join('') + this.itemParts.join(''));
  }
}
