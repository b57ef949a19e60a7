/**
 * Guardian's `email` check: go-playground/validator v10.4.1 (the version raystack and goto Guardian
 * both pin), whose `isEmail` is `emailRegex.MatchString(value)` with no length limit. Guardian asks it
 * of every approver (an email, else an expression), of resolved approvers and of the shield IAM's
 * `auth_email`.
 *
 * The regex (regexes.go, `emailRegexString`) is matched here by hand, in one pass: run as a JavaScript
 * regex its nested repetitions backtrack exponentially on long near-misses, which Go's RE2 never does.
 * What it accepts, read off the regex:
 *   local  = dot-atom: runs of atext joined by single dots, or a quoted string `"…"` (see quotedBodyOk)
 *   domain = labels, then a top label, then an optional trailing dot. Labels may hold `-`, `.` and
 *            `~` inside, start and end with a letter, digit or U; the top label starts and ends with
 *            a letter or U. So there is at least one dot, and `alice@localhost` or `a@127.0.0.1` fail.
 *   U      = the code points \x{00A0}-\x{D7FF}, \x{F900}-\x{FDCF}, \x{FDF0}-\x{FFEF} (RE2 matches runes;
 *            anything beyond the BMP or a lone surrogate is outside every class).
 */
export function isEmail(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Engines ask this a million times a test: ordinary addresses take a linear regex that accepts
  // only what the full rule below accepts; anything else goes through the full rule.
  if (value.length <= 254 && ORDINARY_EMAIL.test(value)) return true;
  return matchesEmailRegex(value);
}

/** The full rule, character by character (exported for the test that the shortcut agrees with it). */
export function matchesEmailRegex(value: string): boolean {
  // The domain's characters never include '@' or '"', so the last '@' is the only possible split.
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  return localPartOk(value.slice(0, at)) && domainOk(value.slice(at + 1));
}

/**
 * `name.part@host-name.example.com`, ASCII only: dot-atom local part, labels of letters, digits and
 * inner hyphens, a top label of letters. Every separator is required, so it never backtracks.
 */
const ORDINARY_EMAIL =
  /^[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*@[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\.[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)*\.[A-Za-z]+$/;

const isUnicodeLetter = (cp: number) =>
  (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xf900 && cp <= 0xfdcf) || (cp >= 0xfdf0 && cp <= 0xffef);
const isAsciiLetter = (cp: number) => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
const isDigit = (cp: number) => cp >= 0x30 && cp <= 0x39;
const ATEXT_SYMBOLS = new Set("!#$%&'*+-/=?^_`{|}~");

const isAtext = (ch: string, cp: number) =>
  isAsciiLetter(cp) || isDigit(cp) || ATEXT_SYMBOLS.has(ch) || isUnicodeLetter(cp);
/** A domain label's first and last character. */
const isLabelEdge = (cp: number) => isAsciiLetter(cp) || isDigit(cp) || isUnicodeLetter(cp);
/** The top label's first and last character: no digit. */
const isTopEdge = (cp: number) => isAsciiLetter(cp) || isUnicodeLetter(cp);
const isDomainChar = (ch: string, cp: number) => isLabelEdge(cp) || ch === '-' || ch === '.' || ch === '~';

function localPartOk(local: string): boolean {
  if (local.length >= 2 && local.startsWith('"') && local.endsWith('"')) return quotedBodyOk(local.slice(1, -1));
  return local.split('.').every((atom) => atom !== '' && [...atom].every((ch) => isAtext(ch, ch.codePointAt(0)!)));
}

/**
 * The domain as `(?:label\.)+top\.?`. Because a label may itself hold dots, that is the same as:
 * every character a domain character; the first a label edge; the last (before an optional trailing
 * dot) a top edge; and somewhere a label edge, a dot and a top edge in a row.
 */
function domainOk(domain: string): boolean {
  const core = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  const chars = [...core];
  const cps = chars.map((ch) => ch.codePointAt(0)!);
  if (chars.length < 3) return false;
  if (!chars.every((ch, i) => isDomainChar(ch, cps[i]!))) return false;
  if (!isLabelEdge(cps[0]!) || !isTopEdge(cps[cps.length - 1]!)) return false;
  for (let i = 0; i + 2 < chars.length; i++) {
    if (isLabelEdge(cps[i]!) && chars[i + 1] === '.' && isTopEdge(cps[i + 2]!)) return true;
  }
  return false;
}

/*
 * The quoted string's body: `(?:FWS? Q)* FWS?`, where FWS = `(?:WSP* CR LF)? WSP+`, WSP = space or tab,
 * and Q is any code point 0x01-0x7F but LF, or U (the regex's quoted-pair branch lost its backslash, so
 * it admits `"` and `\` bare). A line feed is thus allowed only inside folding white space. Run as a
 * small NFA over these states, so the check stays linear however long the text.
 */
const AT_ITEM = 1; // between items; accepting
const IN_WSP = 2; // in FWS's leading white space; also a complete FWS without a line break; accepting
const AFTER_CR = 4; // FWS's CR read
const AFTER_LF = 8; // FWS's CR LF read, white space must follow
const IN_WSP_AFTER_LF = 16; // white space after CR LF: a complete FWS; accepting
const ACCEPTING = AT_ITEM | IN_WSP | IN_WSP_AFTER_LF;

function quotedBodyOk(body: string): boolean {
  let states = AT_ITEM;
  for (const ch of body) {
    const cp = ch.codePointAt(0)!;
    const isQ = (cp >= 0x01 && cp <= 0x7f && cp !== 0x0a) || isUnicodeLetter(cp);
    const isWsp = ch === ' ' || ch === '\t';
    let next = 0;
    // Any state but the middle of a line break may end an item with Q.
    if (isQ && states & (AT_ITEM | IN_WSP | IN_WSP_AFTER_LF)) next |= AT_ITEM;
    if (isWsp && states & (AT_ITEM | IN_WSP)) next |= IN_WSP;
    if (ch === '\r' && states & (AT_ITEM | IN_WSP)) next |= AFTER_CR;
    if (ch === '\n' && states & AFTER_CR) next |= AFTER_LF;
    if (isWsp && states & (AFTER_LF | IN_WSP_AFTER_LF)) next |= IN_WSP_AFTER_LF;
    states = next;
    if (states === 0) return false;
  }
  return (states & ACCEPTING) !== 0;
}
