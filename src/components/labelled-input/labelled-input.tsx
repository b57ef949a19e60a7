import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface LabelledInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** What follows the input inside the field, e.g. its datalist. */
  children?: ReactNode;
}

/** An input with its label above it, as every form here lays one out; an id is made when none is given. */
export function LabelledInput({
  label,
  value,
  onChange,
  id,
  className = 'input',
  children,
  ...input
}: LabelledInputProps) {
  const madeId = useId();
  const inputId = id ?? madeId;
  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input {...input} id={inputId} className={className} value={value} onChange={(e) => onChange(e.target.value)} />
      {children}
    </div>
  );
}
