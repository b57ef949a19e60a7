export type ExprEvalErrorKind =
  | 'unknown-variable'
  | 'nil-member'
  | 'type-mismatch'
  | 'unavailable-builtin'
  | 'bad-regex'
  | 'index-out-of-range'
  | 'runtime';

/**
 * A failure while running an expression: what a Guardian server would report for the same appeal.
 * Engines meet one per errored user, a million times a test: no stack trace is captured (it would
 * cost more than the evaluation and says nothing about the expression).
 */
export class ExprEvalError extends Error {
  readonly kind: ExprEvalErrorKind;

  constructor(kind: ExprEvalErrorKind, message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'ExprEvalError';
    this.kind = kind;
  }
}
