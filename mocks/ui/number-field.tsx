import type { ReactNode } from 'react';
import { LabelledInput } from '@/components/labelled-input/labelled-input';

interface NumberFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  min?: number;
  max?: number;
  step?: number;
  /** Values offered as suggestions (a datalist). */
  presets?: number[];
}

/** A labelled number input of the mock panel; the value stays text until the form is applied. */
export function NumberField({ id, label, value, onChange, min, max, step, presets }: NumberFieldProps) {
  return (
    <LabelledInput
      id={id}
      label={label}
      type="number"
      min={min}
      max={max}
      step={step}
      list={presets ? `${id}-presets` : undefined}
      value={value}
      onChange={onChange}
    >
      {presets && (
        <datalist id={`${id}-presets`}>
          {presets.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      )}
    </LabelledInput>
  );
}
