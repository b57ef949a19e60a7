/**
 * Whether a person's email or name contains a search text, ignoring case: the one rule both of our
 * servers' searches follow (a test's users, the directory). The text is compared as text, never as
 * a pattern; `needle` is already lower-cased.
 */
export function personMatches(person: { email: string; name: string }, needle: string): boolean {
  return person.email.toLowerCase().includes(needle) || person.name.toLowerCase().includes(needle);
}
