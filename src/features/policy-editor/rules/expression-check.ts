import type { Settings } from '@/lib/settings';

type Target = Settings['exprTarget'];

/**
 * The first error in an expression, for the target server's expr runtime, or undefined when it
 * parses. The expression-language module is landing in parallel; until it does, expressions are
 * accepted as typed (the server's dry run still checks them).
 */
export function expressionError(source: string, _target: Target): string | undefined {
  if (source.trim() === '') return 'Write an expression, e.g. $appeal.resource.details.owner.';
  return undefined;
}
