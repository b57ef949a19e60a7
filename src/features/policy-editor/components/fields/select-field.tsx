import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { describedBy, errorDomId, fieldDomId, hintDomId } from '../field-ids';
import { FieldMessages } from './field-message';
import { useFieldError, type FormPath } from './use-field-error';

interface SelectFieldProps {
  name: FormPath;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
  className?: string;
}

export function SelectField({ name, label, options, hint, className }: SelectFieldProps) {
  const { register } = useFormContext<PolicyFormValues>();
  const error = useFieldError(name);
  const id = fieldDomId(name);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && hintDomId(name), error && errorDomId(name))}
        {...register(name)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages path={name} hint={hint} error={error} />
    </div>
  );
}
