import { describe, expect, it } from 'vitest';
import { containsGoWhitespace } from './go-whitespace';

// RE2's Perl class \s is [\t\n\f\r ] (github.com/google/re2/wiki/Syntax; Go's regexp/syntax perl_groups.go).
describe('containsGoWhitespace', () => {
  it.each(['a b', 'a\tb', 'a\nb', 'a\fb', 'a\rb', ' a', 'a '])('%j has whitespace', (value) =>
    expect(containsGoWhitespace(value)).toBe(true),
  );
  it.each(['ab', 'a_b', 'a\vb', 'a\u00a0b', 'a\u2003b', 'a\u3000b', ''])('%j has none to Go', (value) =>
    expect(containsGoWhitespace(value)).toBe(false),
  );
});
