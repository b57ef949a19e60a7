import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmail, matchesEmailRegex } from './is-email';

/*
 * Expectations: every row was run through Go's regexp (RE2, go1.19) with go-playground/validator
 * v10.4.1's `emailRegexString` — the validator Guardian's go.mod pins; its `isEmail` is
 * `emailRegex.MatchString(value)` — and the row's answer is what that printed.
 */
const ACCEPTED: [string, string][] = [
  ['alice@example.com', 'plain'],
  ['security+approvals@example.com', 'plus addressing'],
  ['first.last@sub.example.co.uk', 'dotted local part, many labels'],
  ["o'brien@example.com", 'apostrophe is atext'],
  ["#!$%&'*+-/=?^_`{}|~@example.org", 'every atext symbol'],
  ['x@y.z', 'one-letter labels'],
  ['"john doe"@example.com', 'quoted local part with a space'],
  ['"a@b"@example.com', 'quoted local part holding an @'],
  ['""@example.com', 'empty quoted local part'],
  ['"quote\\"inside"@example.com', 'quote and backslash inside quotes'],
  ['"line\r\n folded"@example.com', 'folding white space inside quotes'],
  ['"\r\n  \r\n x"@example.com', 'two folds with a character between'],
  ['josé@example.com', 'unicode local part'],
  ['ユーザー@例え.jp', 'unicode local part and domain'],
  ['alice@bücher.de', 'unicode domain'],
  ['alice@example.com.', 'one trailing dot'],
  ['alice@exa..mple.com', 'labels may hold dots, so two in a row pass'],
  ['alice@ex~ample.com', 'tilde inside a label'],
  ['alice@example.c0m', 'digit inside the top label'],
  ['alice@example.c', 'one-letter top label'],
  ['alice@example.c-m', 'hyphen inside the top label'],
  [`${'a'.repeat(64)}@${'b'.repeat(250)}.com`, 'no length limit: 319 characters'],
];

const REJECTED: [string, string][] = [
  ['alice@localhost', 'single-label domain: the domain needs a dot'],
  ['alice@example', 'single-label domain'],
  ['alice@[127.0.0.1]', 'IP literal: brackets are not allowed'],
  ['alice@127.0.0.1', 'IP address: the top label must start and end with a letter'],
  ['alice@example.123', 'numeric top label'],
  ['a@b.c1', 'top label ending in a digit'],
  ['alice@example.com..', 'two trailing dots'],
  ['alice@-example.com', 'label starting with a hyphen'],
  ['alice@example-.com', 'label ending with a hyphen'],
  ['alice..bob@example.com', 'two dots in the local part'],
  ['.alice@example.com', 'leading dot in the local part'],
  ['alice.@example.com', 'trailing dot in the local part'],
  ['"line\n bare"@example.com', 'a line feed without its carriage return'],
  ['"\r\n \r\n x"@example.com', 'two folds with nothing between'],
  ['émoji😀@example.com', 'a character beyond the BMP'],
  ['alice@@example.com', 'two @'],
  ['@example.com', 'no local part'],
  ['alice@', 'no domain'],
  ['alice', 'no @'],
  ['', 'empty'],
  ['alice @example.com', 'space in the local part'],
  [' alice@example.com', 'leading space'],
  ['alice@example.com ', 'trailing space'],
  ['alice@example.com\n', 'trailing newline: RE2 `$` is the end of the text only'],
  ['$appeal.creator.manager_email', 'an expression'],
];

describe('isEmail (validator v10.4.1 `email`)', () => {
  it.each(ACCEPTED)('accepts %j (%s)', (address) => expect(isEmail(address)).toBe(true));
  it.each(REJECTED)('rejects %j (%s)', (address) => expect(isEmail(address)).toBe(false));

  it('rejects what is not a string', () => {
    for (const value of [undefined, null, 42, ['a@b.co'], { email: 'a@b.co' }]) expect(isEmail(value)).toBe(false);
  });

  // The validator's own regex, Go syntax turned into JavaScript's (\x{…} → \u{…}, `u` flag): a
  // backtracking engine matches the same language, and on short strings it is quick enough to compare.
  const GO_EMAIL_REGEX =
    "^(?:(?:(?:(?:[a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_`{\\|}~]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])+(?:\\.([a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_`{\\|}~]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])+)*)|(?:(?:\\x22)(?:(?:(?:(?:\\x20|\\x09)*(?:\\x0d\\x0a))?(?:\\x20|\\x09)+)?(?:(?:[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]|\\x21|[\\x23-\\x5b]|[\\x5d-\\x7e]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])|(?:(?:[\\x01-\\x09\\x0b\\x0c\\x0d-\\x7f]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}]))))*(?:(?:(?:\\x20|\\x09)*(?:\\x0d\\x0a))?(\\x20|\\x09)+)?(?:\\x22))))@(?:(?:(?:[a-zA-Z]|\\d|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])|(?:(?:[a-zA-Z]|\\d|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])(?:[a-zA-Z]|\\d|-|\\.|~|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])*(?:[a-zA-Z]|\\d|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])))\\.)+(?:(?:[a-zA-Z]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])|(?:(?:[a-zA-Z]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])(?:[a-zA-Z]|\\d|-|\\.|~|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])*(?:[a-zA-Z]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])))\\.?$";
  const reference = new RegExp(GO_EMAIL_REGEX.replace(/\\x\{([0-9A-F]{4})\}/g, '\\u{$1}'), 'u');

  it('agrees with the validator regex on random short strings', () => {
    const alphabet = fc.constantFrom(
      ...'aZ09.@"\\ \t\r\n-~+!$([]'.split(''),
      'é',
      '\u00a0',
      '\ud7ff',
      '\uf900',
      '\ufdd0',
      '\ufdf0',
      '\uffef',
      '\ufff0',
      '😀',
      '\u0000',
      '\u007f',
    );
    const text = fc.array(alphabet, { maxLength: 12 }).map((chars) => chars.join(''));
    const tail = fc.constantFrom('', '@ex.com', '@a.b', '@x.y.', '@a-b.c~d', '@é.é', '@1.a');
    const quoted = fc.boolean();
    fc.assert(
      fc.property(text, tail, quoted, (body, domain, quote) => {
        const address = quote ? `"${body}"${domain}` : `${body}${domain}`;
        expect(isEmail(address)).toBe(reference.test(address));
      }),
      { numRuns: 3000 },
    );
  });

  // A backtracking regex takes exponential time on these; a hang fails the test by its timeout.
  it('answers long near-misses', () => {
    expect(isEmail(`a@${'a.'.repeat(50_000)}1`)).toBe(false);
    expect(isEmail(`"${' '.repeat(100_000)}\u0000"@example.com`)).toBe(false);
  });
});

describe('the shortcut for ordinary addresses', () => {
  it('accepts nothing the full rule refuses', () => {
    const label = fc.stringMatching(/^[A-Za-z0-9]{1,6}(-[A-Za-z0-9]{1,4})?$/);
    const address = fc
      .tuple(
        fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('.', '_', '-', '+'),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[A-Za-z0-9]{1,4}$/),
      )
      .map(([local, sep, labels, top]) => `${local.join(sep)}@${labels.join('.')}.${top}`);
    fc.assert(
      fc.property(fc.oneof(address, fc.emailAddress()), (text) => {
        expect(isEmail(text)).toBe(matchesEmailRegex(text));
      }),
      { numRuns: 3000 },
    );
  });
});
