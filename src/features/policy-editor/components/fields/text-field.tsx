import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { describedBy, errorDomId, fieldDomId, hintDomId } from '../field-ids';
import { FieldMessages } from './field-message';
import { useFieldError, type FormPath } from './use-field-error';

interface TextFieldProps {
  name: FormPath;
  label: ReactNode;
  hint?: ReactNode;
  /** Ids, names, URNs, durations: monospace, no spell check. */
  mono?: boolean;
  multiline?: boolean;
  placeholder?: string;
  required?: boolean;
  className?: string;
  autoComplete?: string;
}

export function TextField({
  name,
  label,
  hint,
  mono,
  multiline,
  placeholder,
  required,
  className,
  autoComplete = 'off',
}: TextFieldProps) {
  const { register } = useFormContext<PolicyFormValues>();
  const error = useFieldError(name);
  const id = fieldDomId(name);
  const common = {
    id,
    placeholder,
    spellCheck: mono ? false : undefined,
    autoComplete,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(hint && hintDomId(name), error && errorDomId(name)),
    ...register(name),
  };
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="editor__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {multiline ? (
        <textarea className={`textarea${mono ? ' mono' : ''}`} rows={2} {...common} />
      ) : (
        <input className={`input${mono ? ' mono' : ''}`} type="text" {...common} />
      )}
      <FieldMessages path={name} hint={hint} error={error} />
    </div>
  );
}
