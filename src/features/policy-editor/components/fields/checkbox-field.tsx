import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { describedBy, fieldDomId, hintDomId } from '../field-ids';
import type { FormPath } from './use-field-error';

export function CheckboxField({ name, label, hint }: { name: FormPath; label: ReactNode; hint?: ReactNode }) {
  const { register } = useFormContext<PolicyFormValues>();
  const id = fieldDomId(name);
  return (
    <div className="editor__checkbox">
      <input id={id} type="checkbox" aria-describedby={describedBy(hint && hintDomId(name))} {...register(name)} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span id={hintDomId(name)} className="field__hint">
            {hint}
          </span>
        )}
      </div>
    </div>
  );
}
