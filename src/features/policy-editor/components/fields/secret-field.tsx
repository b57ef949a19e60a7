import { useState, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { describedBy, errorDomId, fieldDomId, hintDomId } from '../field-ids';
import { FieldMessages } from './field-message';
import { useFieldError, type FormPath } from './use-field-error';

interface SecretFieldProps {
  name: FormPath;
  label: string;
  hint?: ReactNode;
  /** A key file rather than a password: shown as a text area once revealed. */
  multiline?: boolean;
}

/**
 * A secret input, masked until the admin asks to see it. A multi-line secret has no masked text
 * area in HTML, so while hidden it is not on the page at all: only how long it is.
 */
export function SecretField({ name, label, hint, multiline }: SecretFieldProps) {
  const { register } = useFormContext<PolicyFormValues>();
  const value = useWatch<PolicyFormValues>({ name });
  const error = useFieldError(name);
  const [shown, setShown] = useState(false);
  const id = fieldDomId(name);
  const described = describedBy(hint && hintDomId(name), error && errorDomId(name));
  const length = typeof value === 'string' ? value.length : 0;
  const toggle = (
    <button
      type="button"
      className="button button--small button--ghost"
      aria-pressed={shown}
      aria-controls={shown || !multiline ? id : undefined}
      onClick={() => setShown((s) => !s)}
    >
      <Icon name="eye" />
      {shown ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
    </button>
  );
  return (
    <div className="field editor__secret">
      <div className="editor__secret-head">
        <label className="field__label" htmlFor={multiline && !shown ? `${id}-masked` : id}>
          {label}
        </label>
        {toggle}
      </div>
      {multiline && !shown ? (
        <input
          id={`${id}-masked`}
          className="input mono"
          type="text"
          readOnly
          value={length > 0 ? `•••••••• (${length} characters, hidden)` : ''}
          placeholder="Not set: show the field to paste it"
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
      ) : multiline ? (
        <textarea
          id={id}
          className="textarea mono"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...register(name)}
        />
      ) : (
        <input
          id={id}
          className="input mono"
          type={shown ? 'text' : 'password'}
          spellCheck={false}
          autoComplete="new-password"
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          {...register(name)}
        />
      )}
      <FieldMessages path={name} hint={hint} error={error} />
    </div>
  );
}
