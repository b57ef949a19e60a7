import type { ChangeEvent, FocusEvent, ReactNode } from 'react';
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
  /**
   * Checked as soon as the field is left, not only at Review: for values with a grammar people do
   * not know by heart (Go durations: `1d` looks right and is not).
   */
  checkOnBlur?: boolean;
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
  checkOnBlur,
}: TextFieldProps) {
  const { register, trigger } = useFormContext<PolicyFormValues>();
  const registered = register(name);
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
    ...registered,
    onBlur: async (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      await registered.onBlur(event);
      if (checkOnBlur && event.target.value.trim() !== '') await trigger(name);
    },
    // Before the first Review nothing re-checks as one types: an error shown on leaving goes away
    // as soon as the value is right.
    onChange: async (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      await registered.onChange(event);
      if (checkOnBlur && error) await trigger(name);
    },
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
