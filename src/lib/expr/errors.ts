export type ExprEvalErrorKind =
  | 'unknown-variable'
  | 'nil-member'
  | 'type-mismatch'
  | 'unavailable-builtin'
  | 'bad-regex'
  | 'index-out-of-range'
  | 'runtime';

/**
 * An error that captures no stack trace. Engines meet expression failures one per errored user, a
 * million times a test: a stack would cost more than the evaluation and says nothing about the expression.
 */
export class StacklessError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** A failure while running an expression: what a Guardian server would report for the same appeal. */
export class ExprEvalError extends StacklessError {
  readonly kind: ExprEvalErrorKind;

  constructor(kind: ExprEvalErrorKind, message: string) {
    super(message);
    this.name = 'ExprEvalError';
    this.kind = kind;
  }
}
