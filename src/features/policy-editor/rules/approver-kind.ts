/**
 * Guardian takes an approver as an email when it validates as one, and as an expression otherwise.
 * The console decides the same way, so that it can say which of the two a typo was meant to be.
 */
export function approverKind(value: string): 'email' | 'expression' {
  const text = value.trim();
  if (/[$()[\]"'?:=!<>&|+*]|\s/.test(text)) return 'expression';
  return text.includes('@') ? 'email' : 'expression';
}
