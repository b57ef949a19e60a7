import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

interface LabelledSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the select, which is then marked invalid and described by it. */
  error?: ReactNode;
  /** The options. */
  children: ReactNode;
}

/** A select with its label above it and its error below, as every form here lays one out. */
export function LabelledSelect({ label, value, onChange, error, children, ...select }: LabelledSelectProps) {
  const selectId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={selectId}>
        {label}
      </label>
      <select
        {...select}
        id={selectId}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {children}
      </select>
      {error && (
        <span id={errorId} className="field__error break-anywhere">
          {error}
        </span>
      )}
    </div>
  );
}
