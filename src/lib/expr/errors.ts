export type ExprEvalErrorKind =
  | 'unknown-variable'
  | 'nil-member'
  | 'type-mismatch'
  | 'unavailable-builtin'
  | 'bad-regex'
  | 'index-out-of-range'
  | 'runtime';

/** A failure while running an expression: what a Guardian server would report for the same appeal. */
export class ExprEvalError extends Error {
  readonly kind: ExprEvalErrorKind;

  constructor(kind: ExprEvalErrorKind, message: string) {
    super(message);
    this.name = 'ExprEvalError';
    this.kind = kind;
  }
}
