/**
 * Go's zero values, as two different questions about the wire:
 * - what Guardian leaves out of its answers (protojson with EmitUnpopulated off: false, 0, "", empty
 *   lists and maps, unset messages), so that absent and zero are the same policy;
 * - what fails go-playground/validator's `required` once a request has been decoded into Go structs
 *   (zero scalars, and nil slices: the gateway turns an empty JSON list into a nil slice). A map or a
 *   struct that was sent, even empty, is not nil and passes.
 */
import { isPlainObject } from './plain-object';

export function isOmittedZero(value: unknown): boolean {
  return failsRequired(value) || (isPlainObject(value) && Object.keys(value).length === 0);
}

export function failsRequired(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === '' ||
    value === 0 ||
    (Array.isArray(value) && value.length === 0)
  );
}
