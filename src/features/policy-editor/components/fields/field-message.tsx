import type { ReactNode } from 'react';
import { errorDomId, hintDomId } from '../field-ids';

/** The hint and the error under a field, with the ids its `aria-describedby` points at. */
export function FieldMessages({ path, hint, error }: { path: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <span id={hintDomId(path)} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorDomId(path)} className="field__error">
          {error}
        </span>
      )}
    </>
  );
}
