import { useId, type ReactNode } from 'react';
import { formatCount } from '@/lib/format/format-number';

interface FilterOption<V extends string> {
  value: V;
  label: string;
  count?: number;
  icon?: ReactNode;
}

interface SegmentedFilterProps<V extends string> {
  legend: string;
  options: readonly FilterOption<V>[];
  value: V;
  onChange: (value: V) => void;
}

/** A radio group drawn as segments: arrow keys move between options, as radios do. */
export function SegmentedFilter<V extends string>({ legend, options, value, onChange }: SegmentedFilterProps<V>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="segmented__legend">{legend}</legend>
      <div className="segmented__options">
        {options.map((option) => (
          <label key={option.value} className="segmented__option" data-checked={option.value === value || undefined}>
            <input
              type="radio"
              className="segmented__input"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            {option.icon}
            <span>{option.label}</span>
            {option.count !== undefined && <span className="segmented__count">{formatCount(option.count)}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
