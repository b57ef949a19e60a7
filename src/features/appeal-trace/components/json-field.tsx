import { useId } from 'react';

interface JsonFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  hint?: string;
  rows?: number;
}

/** A JSON text area whose message says where the text stops being JSON (line and column). */
export function JsonField({ label, value, onChange, error, hint, rows = 8 }: JsonFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        className="textarea mono trace-json"
        rows={rows}
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
