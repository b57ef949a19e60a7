/**
 * Tokenizer following expr v1.12's lexer (parser/lexer/state.go): the same token kinds, the same
 * number and string forms, and the same "first error wins" behaviour. With `newerSyntax` it lexes
 * as expr v1.15 does: `let` is a keyword, `;` a token, a lone `|` the pipe, `#name` a pointer name.
 */
type TokenKind = 'Identifier' | 'Number' | 'String' | 'Operator' | 'Bracket' | 'EOF';

export interface Token {
  kind: TokenKind;
  /** Identifier name, operator text, number text as written, or the unescaped string value. */
  value: string;
  start: number;
  end: number;
}

interface LexError {
  message: string;
  start: number;
  end: number;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: LexError };

const WORD_OPERATORS = new Set(['not', 'in', 'or', 'and', 'matches', 'contains', 'startsWith', 'endsWith']);
const SINGLE_OPERATORS = '#,:%+-^';
const DOUBLE_OPERATOR_STARTS = '&|!=*<>';
const DOUBLE_OPERATOR_SECONDS = '&|=*';

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const SPACE = /\s/u;

export function isAlphaNumeric(ch: string): boolean {
  return ch === '_' || ch === '$' || LETTER_OR_DIGIT.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

class LexFailure extends Error {
  constructor(readonly lexError: LexError) {
    super(lexError.message);
  }
}

export function lex(source: string, newerSyntax = false): LexResult {
  const tokens: Token[] = [];
  let pos = 0;

  const fail = (message: string, start: number, end = start + 1): never => {
    throw new LexFailure({ message, start, end: Math.min(Math.max(end, start), source.length) });
  };

  const charAt = (i: number): string | undefined => {
    if (i >= source.length) return undefined;
    const cp = source.codePointAt(i);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  };

  try {
    while (pos < source.length) {
      const ch = charAt(pos) as string;
      const start = pos;
      if (SPACE.test(ch) || ch === '\u0085') {
        pos += ch.length;
        continue;
      }
      if (ch === '/' && source[pos + 1] === '/') {
        const newline = source.indexOf('\n', pos);
        pos = newline === -1 ? source.length : newline;
        continue;
      }
      if (ch === '/' && source[pos + 1] === '*') {
        const close = source.indexOf('*/', pos + 2);
        if (close === -1) fail('unclosed comment', start, source.length);
        pos = close + 2;
        continue;
      }
      if (ch === '"' || ch === "'") {
        const { value, end } = scanString(source, pos, fail);
        tokens.push({ kind: 'String', value, start, end });
        pos = end;
        continue;
      }
      if (isDigit(ch) || (ch === '.' && isDigit(source[pos + 1]))) {
        const end = scanNumber(source, pos, fail);
        tokens.push({ kind: 'Number', value: source.slice(start, end), start, end });
        pos = end;
        continue;
      }
      if (ch === '?') {
        const next = source[pos + 1];
        const len = next === '.' || next === '?' ? 2 : 1;
        tokens.push({ kind: 'Operator', value: source.slice(pos, pos + len), start, end: pos + len });
        pos += len;
        continue;
      }
      if ('([{)]}'.includes(ch)) {
        tokens.push({ kind: 'Bracket', value: ch, start, end: pos + 1 });
        pos += 1;
        continue;
      }
      if (newerSyntax && (ch === ';' || ch === '|' || ch === '#')) {
        const len = ch === '|' && source[pos + 1] === '|' ? 2 : 1;
        tokens.push({ kind: 'Operator', value: source.slice(pos, pos + len), start, end: pos + len });
        pos += len;
        if (ch === '#') {
          // v1.15 lexer/state.go `pointer`: the name is part of the pointer only when it follows at once.
          let end = pos;
          for (let c = charAt(end); c !== undefined && isAlphaNumeric(c); c = charAt(end)) end += c.length;
          if (end > pos) tokens.push({ kind: 'Identifier', value: source.slice(pos, end), start: pos, end });
          pos = end;
        }
        continue;
      }
      if (SINGLE_OPERATORS.includes(ch) || ch === '/') {
        tokens.push({ kind: 'Operator', value: ch, start, end: pos + 1 });
        pos += 1;
        continue;
      }
      if (DOUBLE_OPERATOR_STARTS.includes(ch)) {
        const next = source[pos + 1];
        const len = next !== undefined && DOUBLE_OPERATOR_SECONDS.includes(next) ? 2 : 1;
        tokens.push({ kind: 'Operator', value: source.slice(pos, pos + len), start, end: pos + len });
        pos += len;
        continue;
      }
      if (ch === '.') {
        const len = source[pos + 1] === '.' ? 2 : 1;
        tokens.push({ kind: 'Operator', value: source.slice(pos, pos + len), start, end: pos + len });
        pos += len;
        continue;
      }
      if (isAlphaNumeric(ch)) {
        let end = pos;
        for (let c = charAt(end); c !== undefined && isAlphaNumeric(c); c = charAt(end)) end += c.length;
        const word = source.slice(start, end);
        const operator = WORD_OPERATORS.has(word) || (newerSyntax && word === 'let');
        tokens.push({ kind: operator ? 'Operator' : 'Identifier', value: word, start, end });
        pos = end;
        continue;
      }
      const cp = ch.codePointAt(0) ?? 0;
      fail(`unrecognized character: ${describeRune(cp, ch)}`, start, start + ch.length);
    }
  } catch (e) {
    if (e instanceof LexFailure) return { ok: false, error: e.lexError };
    throw e;
  }
  tokens.push({ kind: 'EOF', value: '', start: source.length, end: source.length });
  return { ok: true, tokens };
}

/** Go's %#U: `U+0040 '@'`. */
function describeRune(cp: number, ch: string): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} '${ch}'`;
}

function scanNumber(
  source: string,
  start: number,
  fail: (message: string, start: number, end?: number) => never,
): number {
  let pos = start;
  let digits = '0123456789_';
  const accept = (valid: string): boolean => {
    const c = source[pos];
    if (c !== undefined && valid.includes(c)) {
      pos++;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string): void => {
    while (accept(valid));
  };
  if (accept('0')) {
    if (accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (accept('oO')) digits = '01234567_';
    else if (accept('bB')) digits = '01_';
  }
  acceptRun(digits);
  const beforeDot = pos;
  if (accept('.')) {
    // `1..3` is a range: the dot belongs to the `..` operator, not to the number.
    if (source[pos] === '.') return beforeDot;
    acceptRun(digits);
  }
  if (accept('eE')) {
    accept('+-');
    acceptRun(digits);
  }
  const next = source.codePointAt(pos);
  if (next !== undefined && isAlphaNumeric(String.fromCodePoint(next))) {
    const end = pos + String.fromCodePoint(next).length;
    fail(`bad number syntax: ${JSON.stringify(source.slice(start, end))}`, start, end);
  }
  return pos;
}

function scanString(
  source: string,
  start: number,
  fail: (message: string, start: number, end?: number) => never,
): { value: string; end: number } {
  const quote = source[start] as string;
  let pos = start + 1;
  let value = '';
  for (;;) {
    const ch = source[pos];
    if (ch === undefined || ch === '\n') fail('literal not terminated', start, pos);
    if (ch === quote) return { value, end: pos + 1 };
    if (ch !== '\\') {
      value += ch;
      pos++;
      continue;
    }
    const escapeStart = pos;
    const kind = source[pos + 1];
    pos += 2;
    switch (kind) {
      case 'a':
        value += '\x07';
        break;
      case 'b':
        value += '\b';
        break;
      case 'f':
        value += '\f';
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      case 'v':
        value += '\v';
        break;
      case '\\':
        value += '\\';
        break;
      case quote:
        value += quote;
        break;
      case 'x':
      case 'u':
      case 'U': {
        const width = kind === 'x' ? 2 : kind === 'u' ? 4 : 8;
        const hex = source.slice(pos, pos + width);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width)
          fail('invalid char escape', escapeStart, pos + hex.length);
        const code = parseInt(hex, 16);
        pos += width;
        if (kind === 'x') {
          // Go strings are bytes: \xNN above 0x7f would be a raw byte, which a JS string cannot hold.
          if (code > 0x7f) fail('unsupported escape: \\x above 7f is a raw byte, not a character', escapeStart, pos);
          value += String.fromCharCode(code);
        } else {
          if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            fail('invalid unicode code point in escape', escapeStart, pos);
          value += String.fromCodePoint(code);
        }
        break;
      }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        const octal = source.slice(pos - 1, pos + 2);
        if (!/^[0-7]{3}$/.test(octal)) fail('invalid char escape', escapeStart, pos + 2);
        const code = parseInt(octal, 8);
        pos += 2;
        if (code > 0x7f) fail('unsupported escape: octal above 177 is a raw byte, not a character', escapeStart, pos);
        value += String.fromCharCode(code);
        break;
      }
      case undefined:
        fail('literal not terminated', start, source.length);
        break;
      default:
        fail('invalid char escape', escapeStart, escapeStart + 2);
    }
  }
}
