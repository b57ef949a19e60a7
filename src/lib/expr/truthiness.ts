/**
 * How Guardian reads the result of `when` and `approve_if` (raystack guardian, domain/appeal.go,
 * `AdvanceApproval`): `isFalsy := reflect.ValueOf(v).IsZero()`. So it is not "is it true": any
 * non-zero value passes — `"no"`, `1`, an empty list `[]` and an empty map `{}` are all truthy —
 * and only `false`, `0`, `""` are falsy. A nil result has no reflect value at all, and IsZero on
 * it panics: the appeal fails instead of skipping the step.
 */
export type GuardianTruthiness = 'truthy' | 'falsy' | 'fails';

export function guardianTruthiness(value: unknown): GuardianTruthiness {
  if (value === null || value === undefined) return 'fails';
  switch (typeof value) {
    case 'boolean':
      return value ? 'truthy' : 'falsy';
    case 'number':
      // Go 1.22+ also counts -0 as zero; NaN is not zero.
      return value === 0 ? 'falsy' : 'truthy';
    case 'bigint':
      return value === 0n ? 'falsy' : 'truthy';
    case 'string':
      return value === '' ? 'falsy' : 'truthy';
    default:
      // Slices and maps built by expr or decoded from JSON are never nil, so never zero.
      return 'truthy';
  }
}

/** Guardian's truthiness as a boolean; a nil result (which makes Guardian fail) counts as false here. */
export function isTruthy(value: unknown): boolean {
  return guardianTruthiness(value) === 'truthy';
}
