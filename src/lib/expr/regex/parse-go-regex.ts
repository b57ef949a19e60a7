import {
  MAX_RUNE,
  PERL_GROUPS,
  POSIX_GROUPS,
  rangesSource,
  unicodeGroupSource,
  type CharSet,
  type SetItem,
} from './char-set';
import type { RegexNode } from './regex-ast';

/**
 * Go's regexp syntax (`regexp.Compile`: RE2 with Perl flags) parsed as Go's `regexp/syntax` parses
 * it, with its error words and the fragment each error quotes, so a pattern the server refuses is
 * refused here with the server's message, and one it takes is taken.
 */
export class GoRegexSyntaxError extends Error {
  constructor(code: string, fragment: string) {
    super(`error parsing regexp: ${code}: \`${fragment}\``);
    this.name = 'GoRegexSyntaxError';
  }
}

const MISSING_PAREN = 'missing closing )';
const UNEXPECTED_PAREN = 'unexpected )';
const MISSING_BRACKET = 'missing closing ]';
const INVALID_ESCAPE = 'invalid escape sequence';
const INVALID_RANGE = 'invalid character class range';
const INVALID_NAMED_CAPTURE = 'invalid named capture';
const INVALID_PERL_OP = 'invalid or unsupported Perl syntax';
const INVALID_REPEAT_OP = 'invalid nested repetition operator';
const INVALID_REPEAT_SIZE = 'invalid repeat count';
const MISSING_REPEAT_ARGUMENT = 'missing argument to repetition operator';
const TRAILING_BACKSLASH = 'trailing backslash at end of expression';
const NESTING_DEPTH = 'expression nests too deeply';
const TOO_LARGE = 'expression too large';

/** Go's limits: 1000 for a counted repeat (nested ones multiplied), tree height, compiled size. */
const MAX_REPEAT = 1000;
const MAX_HEIGHT = 1000;
const MAX_SIZE = Math.floor((128 << 20) / 40);

interface Flags {
  fold: boolean;
  /** `(?m)` off: `^` and `$` are the text's ends. */
  oneLine: boolean;
  dotNewline: boolean;
}

/** A group being parsed: its alternatives so far, the current one's items, the flags to restore. */
interface Frame {
  alternatives: RegexNode[];
  items: RegexNode[];
  saved: Flags;
}

export interface GoRegexSyntax {
  /** `(?<name>re)` as well as `(?P<name>re)`: Go 1.22 and later. */
  angleNamedGroups: boolean;
}

export function parseGoRegex(pattern: string, syntax: GoRegexSyntax): RegexNode {
  return new Parser(pattern, syntax).parse();
}

class Parser {
  private readonly src: string;
  private pos = 0;
  private flags: Flags = { fold: false, oneLine: true, dotNewline: false };
  private readonly stack: Frame[] = [];
  private frame: Frame = { alternatives: [], items: [], saved: this.flags };

  constructor(
    pattern: string,
    private readonly syntax: GoRegexSyntax,
  ) {
    // A lone surrogate cannot reach Go (its JSON decoder reads it as U+FFFD); read it the same way.
    this.src = pattern.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }

  parse(): RegexNode {
    const src = this.src;
    let lastRepeat = -1;
    while (this.pos < src.length) {
      const start = this.pos;
      let repeat = -1;
      const ch = src[this.pos] as string;
      switch (ch) {
        case '(':
          if (src[this.pos + 1] === '?') this.parsePerlFlags();
          else {
            this.openGroup();
            this.pos++;
          }
          break;
        case '|':
          this.frame.alternatives.push(concat(this.frame.items));
          this.frame.items = [];
          this.pos++;
          break;
        case ')':
          this.closeGroup();
          this.pos++;
          break;
        case '^':
          this.push({ type: 'assert', kind: this.flags.oneLine ? 'text-start' : 'line-start' });
          this.pos++;
          break;
        case '$':
          this.push({ type: 'assert', kind: this.flags.oneLine ? 'text-end' : 'line-end' });
          this.pos++;
          break;
        case '.':
          this.push({ type: 'any', newline: this.flags.dotNewline });
          this.pos++;
          break;
        case '[':
          this.parseClass();
          break;
        case '*':
        case '+':
        case '?': {
          this.pos++;
          this.repeat(start, lastRepeat, ch === '+' ? 1 : 0, ch === '?' ? 1 : -1, false);
          repeat = start;
          break;
        }
        case '{': {
          const counted = this.parseRepeatCount();
          if (!counted) {
            this.literal(0x7b);
            this.pos++;
            break;
          }
          const [min, max] = counted;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max))
            throw new GoRegexSyntaxError(INVALID_REPEAT_SIZE, src.slice(start, this.pos));
          this.repeat(start, lastRepeat, min, max, true);
          repeat = start;
          break;
        }
        case '\\':
          this.parseBackslash();
          break;
        default:
          this.literal(this.nextRune());
      }
      lastRepeat = repeat;
    }
    if (this.stack.length > 0) throw new GoRegexSyntaxError(MISSING_PAREN, src);
    const root = alternate([...this.frame.alternatives, concat(this.frame.items)]);
    if (goSize(root) > MAX_SIZE) throw new GoRegexSyntaxError(TOO_LARGE, src);
    return root;
  }

  private nextRune(): number {
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private push(node: RegexNode): void {
    this.frame.items.push(node);
  }

  private literal(cp: number): void {
    if (!this.flags.fold) this.push({ type: 'char', cp });
    else
      this.push({
        type: 'set',
        set: { items: [{ source: rangesSource([cp, cp]), negated: false }], negated: false, fold: true },
      });
  }

  private openGroup(): void {
    if (this.stack.length >= MAX_HEIGHT) throw new GoRegexSyntaxError(NESTING_DEPTH, this.src);
    this.stack.push(this.frame);
    this.frame = { alternatives: [], items: [], saved: this.flags };
  }

  private closeGroup(): void {
    const outer = this.stack.pop();
    if (!outer) throw new GoRegexSyntaxError(UNEXPECTED_PAREN, this.src);
    const group = alternate([...this.frame.alternatives, concat(this.frame.items)]);
    this.flags = this.frame.saved;
    this.frame = outer;
    this.push(group);
  }

  /** `*`, `+`, `?` or `{n,m}` just read, from `start`; a `?` after it (lazy) belongs to it. */
  private repeat(start: number, lastRepeat: number, min: number, max: number, counted: boolean): void {
    if (this.src[this.pos] === '?') this.pos++;
    if (lastRepeat >= 0) throw new GoRegexSyntaxError(INVALID_REPEAT_OP, this.src.slice(lastRepeat, this.pos));
    const item = this.frame.items.pop();
    if (!item) throw new GoRegexSyntaxError(MISSING_REPEAT_ARGUMENT, this.src.slice(start, this.pos));
    const node: RegexNode = { type: 'repeat', item, min, max, counted };
    if (counted && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT))
      throw new GoRegexSyntaxError(INVALID_REPEAT_SIZE, this.src.slice(start, this.pos));
    this.push(node);
  }

  /** `{n}`, `{n,}`, `{n,m}` at `pos`: [min, max] (-1 for a number too big), or undefined for a literal `{`. */
  private parseRepeatCount(): [number, number] | undefined {
    const m = /^\{(0|[1-9]\d*)(?:(,)(0|[1-9]\d*)?)?\}/.exec(this.src.slice(this.pos, this.pos + 64));
    if (!m) return undefined;
    this.pos += m[0].length;
    const min = toCount(m[1] as string);
    if (!m[2]) return [min, min];
    if (m[3] === undefined) return [min, -1];
    const max = toCount(m[3]);
    return max < 0 ? [-1, max] : [min, max];
  }

  /** `(?flags)`, `(?flags:`, `(?P<name>`; `pos` at the `(`. */
  private parsePerlFlags(): void {
    const src = this.src;
    const start = this.pos;
    const pythonName = src.startsWith('(?P<', start) && src.length - start > 4;
    const angleName = this.syntax.angleNamedGroups && src.startsWith('(?<', start) && src.length - start > 3;
    if (pythonName || angleName) {
      const end = src.indexOf('>', start);
      if (end < 0) throw new GoRegexSyntaxError(INVALID_NAMED_CAPTURE, src.slice(start));
      const name = src.slice(start + (pythonName ? 4 : 3), end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new GoRegexSyntaxError(INVALID_NAMED_CAPTURE, src.slice(start, end + 1));
      this.openGroup();
      this.pos = end + 1;
      return;
    }
    this.pos += 2;
    const flags = { ...this.flags };
    let negate = false;
    let sawFlag = false;
    while (this.pos < src.length) {
      const c = src[this.pos] as string;
      this.pos += (src.codePointAt(this.pos) as number) > 0xffff ? 2 : 1;
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        if (c === 'i') flags.fold = !negate;
        if (c === 'm') flags.oneLine = negate;
        if (c === 's') flags.dotNewline = !negate;
        sawFlag = true;
        continue;
      }
      if (c === '-' && !negate) {
        negate = true;
        sawFlag = false;
        continue;
      }
      if ((c === ':' || c === ')') && !(negate && !sawFlag)) {
        if (c === ':') this.openGroup();
        this.flags = flags;
        return;
      }
      break;
    }
    throw new GoRegexSyntaxError(INVALID_PERL_OP, src.slice(start, this.pos));
  }

  private parseBackslash(): void {
    const src = this.src;
    const start = this.pos;
    const next = src[start + 1];
    const assertion = next === undefined ? undefined : BACKSLASH_ASSERTIONS[next];
    if (assertion) {
      this.push({ type: 'assert', kind: assertion });
      this.pos += 2;
      return;
    }
    if (next === 'C') throw new GoRegexSyntaxError(INVALID_ESCAPE, '\\C');
    if (next === 'Q') {
      const end = src.indexOf('\\E', start + 2);
      const literal = end < 0 ? src.slice(start + 2) : src.slice(start + 2, end);
      for (const ch of literal) this.literal(ch.codePointAt(0) as number);
      this.pos = end < 0 ? src.length : end + 2;
      return;
    }
    const group = this.parseUnicodeGroup() ?? this.parsePerlGroup();
    if (group) {
      this.push({ type: 'set', set: { items: [group], negated: false, fold: this.flags.fold } });
      return;
    }
    this.literal(this.parseEscape());
  }

  /** `\pL`, `\p{Greek}`, `\P{…}`, `\p{^…}` at `pos`, or undefined when there is none. */
  private parseUnicodeGroup(): SetItem | undefined {
    const src = this.src;
    const start = this.pos;
    if (src[start] !== '\\' || (src[start + 1] !== 'p' && src[start + 1] !== 'P')) return undefined;
    let negated = src[start + 1] === 'P';
    let name: string;
    let end: number;
    if (src[start + 2] !== '{') {
      const cp = src.codePointAt(start + 2);
      end = cp === undefined ? start + 2 : start + 2 + (cp > 0xffff ? 2 : 1);
      name = src.slice(start + 2, end);
    } else {
      const close = src.indexOf('}', start);
      if (close < 0) throw new GoRegexSyntaxError(INVALID_RANGE, src.slice(start));
      end = close + 1;
      name = src.slice(start + 3, close);
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const source = unicodeGroupSource(name);
    if (source === undefined) throw new GoRegexSyntaxError(INVALID_RANGE, src.slice(start, end));
    this.pos = end;
    return { source, negated };
  }

  /** `\d`, `\s`, `\w` and their negations at `pos`, or undefined. */
  private parsePerlGroup(): SetItem | undefined {
    const letter = this.src[this.pos + 1];
    if (this.src[this.pos] !== '\\' || letter === undefined) return undefined;
    const ranges = PERL_GROUPS[letter.toLowerCase()];
    if (!ranges || !/[dswDSW]/.test(letter)) return undefined;
    this.pos += 2;
    return { source: rangesSource(ranges), negated: letter !== letter.toLowerCase() };
  }

  /** An escape that stands for one character (`\.`, `\n`, `\x{263a}`, `\101`), `pos` at the backslash. */
  private parseEscape(): number {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    if (this.pos >= src.length) throw new GoRegexSyntaxError(TRAILING_BACKSLASH, '');
    const c = this.nextRune();
    const fail = (): never => {
      throw new GoRegexSyntaxError(INVALID_ESCAPE, src.slice(start, this.pos));
    };
    if (c < 0x80 && !isAlnum(c)) return c;
    if (c >= 0x31 && c <= 0x37 && !isOctal(src[this.pos])) fail(); // \1: a back-reference
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let i = 1; i < 3 && isOctal(src[this.pos]); i++) r = r * 8 + (src.charCodeAt(this.pos++) - 0x30);
      return r;
    }
    if (c === 0x78 /* x */) {
      if (this.pos >= src.length) fail();
      const first = this.nextRune();
      if (first === 0x7b /* { */) {
        let r = 0;
        let digits = 0;
        for (;;) {
          if (this.pos >= src.length) fail();
          const d = this.nextRune();
          if (d === 0x7d /* } */) break;
          const v = unhex(d);
          if (v < 0) fail();
          r = r * 16 + v;
          if (r > MAX_RUNE) fail();
          digits++;
        }
        if (digits === 0) fail();
        return r;
      }
      const x = unhex(first);
      const y = this.pos < src.length ? unhex(this.nextRune()) : -1;
      if (x < 0 || y < 0) fail();
      return x * 16 + y;
    }
    const simple = C_ESCAPES[String.fromCodePoint(c)];
    if (simple !== undefined) return simple;
    return fail();
  }

  /** `[…]`, `pos` at the `[`. */
  private parseClass(): void {
    const src = this.src;
    const whole = this.pos;
    this.pos++;
    const negated = src[this.pos] === '^';
    if (negated) this.pos++;
    const ranges: number[] = [];
    const items: SetItem[] = [];
    let first = true;
    while (this.pos >= src.length || src[this.pos] !== ']' || first) {
      first = false;
      if (src.startsWith('[:', this.pos)) {
        const close = src.indexOf(':]', this.pos + 2);
        if (close >= 0) {
          const name = src.slice(this.pos + 2, close);
          const group = POSIX_GROUPS[name.startsWith('^') ? name.slice(1) : name];
          if (!group) throw new GoRegexSyntaxError(INVALID_RANGE, `[:${name}:]`);
          items.push({ source: rangesSource(group), negated: name.startsWith('^') });
          this.pos = close + 2;
          continue;
        }
      }
      const group = this.parseUnicodeGroup() ?? this.parsePerlGroup();
      if (group) {
        items.push(group);
        continue;
      }
      const rangeStart = this.pos;
      const lo = this.parseClassChar(whole);
      let hi = lo;
      if (src[this.pos] === '-' && this.pos + 1 < src.length && src[this.pos + 1] !== ']') {
        this.pos++;
        hi = this.parseClassChar(whole);
        if (hi < lo) throw new GoRegexSyntaxError(INVALID_RANGE, src.slice(rangeStart, this.pos));
      }
      ranges.push(lo, hi);
    }
    this.pos++;
    if (ranges.length > 0) items.unshift({ source: rangesSource(ranges), negated: false });
    const set: CharSet = { items, negated, fold: this.flags.fold };
    this.push({ type: 'set', set });
  }

  private parseClassChar(whole: number): number {
    if (this.pos >= this.src.length) throw new GoRegexSyntaxError(MISSING_BRACKET, this.src.slice(whole));
    return this.src[this.pos] === '\\' ? this.parseEscape() : this.nextRune();
  }
}

const BACKSLASH_ASSERTIONS: Record<string, 'text-start' | 'text-end' | 'word-boundary' | 'not-word-boundary'> = {
  A: 'text-start',
  z: 'text-end',
  b: 'word-boundary',
  B: 'not-word-boundary',
};

const C_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isOctal(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '7';
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Go's parseInt: a number of 9 digits or more is "too big" (-1). */
function toCount(digits: string): number {
  return digits.length > 8 ? -1 : Number(digits);
}

function concat(items: RegexNode[]): RegexNode {
  if (items.length === 0) return { type: 'empty' };
  return items.length === 1 ? (items[0] as RegexNode) : { type: 'concat', items };
}

function alternate(items: RegexNode[]): RegexNode {
  return items.length === 1 ? (items[0] as RegexNode) : { type: 'alternate', items };
}

/** Go's repeatIsValid: nested counted repeats multiply, and may not exceed `n` copies. */
function repeatIsValid(node: RegexNode, n: number): boolean {
  if (node.type === 'repeat' && node.counted) {
    let m = node.max;
    if (m === 0) return true;
    if (m < 0) m = node.min;
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  return children(node).every((child) => repeatIsValid(child, n));
}

function children(node: RegexNode): RegexNode[] {
  if (node.type === 'concat' || node.type === 'alternate') return node.items;
  if (node.type === 'repeat') return [node.item];
  return [];
}

/** Go's calcSize: the compiled program's size in instructions, as Go estimates it. */
function goSize(node: RegexNode): number {
  switch (node.type) {
    case 'concat':
      return Math.max(
        1,
        node.items.reduce((sum, item) => sum + goSize(item), 0),
      );
    case 'alternate':
      return node.items.reduce((sum, item) => sum + goSize(item), 0) + node.items.length - 1;
    case 'repeat': {
      const sub = goSize(node.item);
      if (node.max === -1) return node.min === 0 ? 2 + sub : 1 + node.min * sub;
      if (node.max === 1 && node.min === 0) return 1 + sub;
      return Math.max(1, node.max * sub + (node.max - node.min));
    }
    default:
      return 1;
  }
}
