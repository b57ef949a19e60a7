/**
 * Guardian refuses ids and step names that match Go's `\s`, which in RE2 is ASCII only:
 * tab, line feed, form feed, carriage return and space (no vertical tab, no Unicode spaces).
 */
export const containsGoWhitespace = (value: string): boolean => /[\t\n\f\r ]/.test(value);
