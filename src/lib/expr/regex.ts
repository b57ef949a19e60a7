/**
 * Go regexp (RE2) patterns run on JS RegExp. The common syntax is shared; what differs is
 * translated (`(?i)` flags, `(?P<name>`, `\A`, `\z`, `\Q…\E`, POSIX classes), and what RE2 rejects
 * but JS would accept (look-arounds, back-references) is rejected here too, so a pattern that fails
 * on the server fails here.
 */
export type RegexResult = { ok: true; regex: RegExp } | { ok: false; message: string; unsupported?: boolean };

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  lower: 'a-z',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
  ascii: '\\x00-\\x7f',
};

const cache = new Map<string, RegexResult>();

export function compileGoRegex(pattern: string): RegexResult {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const result = translate(pattern);
  if (cache.size > 500) cache.clear();
  cache.set(pattern, result);
  return result;
}

function translate(pattern: string): RegexResult {
  let flags = '';
  let body = pattern;
  const leading = /^\(\?([imsU]+)\)/.exec(body);
  if (leading) {
    const given = leading[1] ?? '';
    if (given.includes('U'))
      return { ok: false, message: 'the (?U) flag is not supported by the console evaluator', unsupported: true };
    for (const f of given) if (!flags.includes(f)) flags += f;
    body = body.slice(leading[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '\\') {
      const next = body[i + 1];
      if (next === undefined) return bad('trailing backslash at end of expression', '');
      if (/[1-9]/.test(next)) return bad('invalid escape sequence', `\\${next}`);
      if (next === 'Q') {
        const end = body.indexOf('\\E', i + 2);
        const literal = end === -1 ? body.slice(i + 2) : body.slice(i + 2, end);
        out += literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end === -1 ? body.length : end + 1;
        continue;
      }
      if (!inClass && next === 'A') {
        out += '(?<![\\s\\S])';
        i++;
        continue;
      }
      if (!inClass && next === 'z') {
        out += '(?![\\s\\S])';
        i++;
        continue;
      }
      if (next === 'p' || next === 'P') flags += flags.includes('u') ? '' : 'u';
      out += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === '[' && body[i + 1] === ':') {
        const close = body.indexOf(':]', i + 2);
        if (close !== -1) {
          const name = body.slice(i + 2, close);
          const negated = name.startsWith('^');
          const cls = POSIX_CLASSES[negated ? name.slice(1) : name];
          if (cls === undefined) return bad('invalid character class range', `[:${name}:]`);
          if (negated)
            return {
              ok: false,
              message: 'negated POSIX classes are not supported by the console evaluator',
              unsupported: true,
            };
          out += cls;
          i = close + 1;
          continue;
        }
      }
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (body[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (body[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (ch === '(' && body[i + 1] === '?') {
      const rest = body.slice(i + 2);
      if (rest.startsWith('P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      if (rest.startsWith(':')) {
        out += '(?:';
        i += 2;
        continue;
      }
      if (/^(=|!|<=|<!)/.test(rest))
        return bad('invalid or unsupported Perl syntax', `(?${rest.slice(0, rest.startsWith('<') ? 2 : 1)}`);
      return {
        ok: false,
        message: 'inline regexp flags are only supported at the start of the pattern by the console evaluator',
        unsupported: true,
      };
    }
    out += ch;
  }
  if (inClass) return bad('missing closing ]', `[${body.slice(body.lastIndexOf('[') + 1)}`);
  try {
    return { ok: true, regex: new RegExp(out, flags) };
  } catch (e) {
    const reason =
      e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e);
    return { ok: false, message: `error parsing regexp: ${reason.toLowerCase()}: \`${pattern}\`` };
  }
}

function bad(reason: string, fragment: string): RegexResult {
  return { ok: false, message: `error parsing regexp: ${reason}: \`${fragment}\`` };
}
