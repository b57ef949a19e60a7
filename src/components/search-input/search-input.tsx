import type { InputHTMLAttributes } from 'react';

interface SearchInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'type' | 'value'> {
  value: string;
  onChange: (value: string) => void;
}

/** A search box: the browser's clear button, and no autofill or spelling marks over names and emails. */
export function SearchInput({ value, onChange, className = 'input', ...input }: SearchInputProps) {
  return (
    <input
      {...input}
      type="search"
      className={className}
      value={value}
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
