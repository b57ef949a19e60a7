/**
 * Reads a request body the way Guardian's gateway does: Go's encoding/json first (its syntax error
 * words), then protojson, whose errors carry the (line:column) of the offending token. This reader
 * builds the value and remembers where every value starts, so both kinds of message can be echoed.
 */
export type JsonPath = readonly (string | number)[];
interface Position {
  line: number;
  column: number;
}
export type ReadResult =
  | { ok: true; value: unknown; positionOf: (path: JsonPath) => Position; rawOf: (path: JsonPath) => string }
  | { ok: false; message: string };

class SyntaxFailure extends Error {}

function describeChar(c: string): string {
  if (c === '\n') return "'\\n'";
  if (c === '\t') return "'\\t'";
  if (c === '\r') return "'\\r'";
  if (c === "'") return "'\\''";
  return `'${c}'`;
}

export function readJson(text: string): ReadResult {
  // json.RawMessage holds the value without leading space; protojson counts positions from there.
  const src = text.replace(/^[ \t\r\n]+/, '');
  const starts = new Map<string, [number, number]>();
  let i = 0;

  const fail = (context: string): never => {
    if (i >= src.length) throw new SyntaxFailure('unexpected EOF');
    throw new SyntaxFailure(`invalid character ${describeChar(src[i]!)} ${context}`);
  };
  const skip = () => {
    while (i < src.length && (src[i] === ' ' || src[i] === '\t' || src[i] === '\n' || src[i] === '\r')) i++;
  };
  const literal = (word: string, value: unknown) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= src.length) throw new SyntaxFailure('unexpected EOF');
      if (src[i] !== word[k])
        throw new SyntaxFailure(
          `invalid character ${describeChar(src[i]!)} in literal ${word} (expecting '${word[k]}')`,
        );
    }
    return value;
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < src.length) {
      const c = src[i]!;
      if (c === '"') {
        i++;
        return JSON.parse(src.slice(start, i)) as string;
      }
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c < ' ') fail('in string literal');
      i++;
    }
    throw new SyntaxFailure('unexpected EOF');
  };
  const number = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (!match) {
      i++;
      return fail('in numeric literal');
    }
    i += match[0].length;
    return Number(match[0]);
  };
  const value = (path: (string | number)[]): unknown => {
    skip();
    starts.set(JSON.stringify(path), [i, -1]);
    const begin = i;
    const c = src[i];
    let out: unknown;
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skip();
      if (src[i] === '}') i++;
      else {
        for (;;) {
          skip();
          if (src[i] !== '"') fail('looking for beginning of object key string');
          const key = string();
          skip();
          if (src[i] !== ':') fail('after object key');
          i++;
          obj[key] = value([...path, key]);
          skip();
          if (src[i] === ',') {
            i++;
            continue;
          }
          if (src[i] === '}') {
            i++;
            break;
          }
          fail('after object key:value pair');
        }
      }
      out = obj;
    } else if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skip();
      if (src[i] === ']') i++;
      else {
        for (;;) {
          arr.push(value([...path, arr.length]));
          skip();
          if (src[i] === ',') {
            i++;
            continue;
          }
          if (src[i] === ']') {
            i++;
            break;
          }
          fail('after array element');
        }
      }
      out = arr;
    } else if (c === '"') out = string();
    else if (c === 't') out = literal('true', true);
    else if (c === 'f') out = literal('false', false);
    else if (c === 'n') out = literal('null', null);
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) out = number();
    else fail('looking for beginning of value');
    starts.set(JSON.stringify(path), [begin, i]);
    return out;
  };

  try {
    const parsed = value([]);
    const positionOf = (path: JsonPath): Position => {
      const offset = starts.get(JSON.stringify(path))?.[0] ?? 0;
      const before = src.slice(0, offset);
      const line = before.split('\n').length;
      const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
      return { line, column };
    };
    const rawOf = (path: JsonPath): string => {
      const [a, b] = starts.get(JSON.stringify(path)) ?? [0, 0];
      return src.slice(a, b);
    };
    return { ok: true, value: parsed, positionOf, rawOf };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, message: error.message };
    throw error;
  }
}
