import { useId, type ReactNode } from 'react';
import { formatCount } from '@/lib/format/format-number';
import './segmented-control.css';

interface SegmentOption<V extends string> {
  value: V;
  label: string;
  count?: number;
  icon?: ReactNode;
}

interface SegmentedControlProps<V extends string> {
  legend: string;
  /** The legend is read by screen readers only (the options speak for themselves on screen). */
  hideLegend?: boolean;
  className?: string;
  options: readonly SegmentOption<V>[];
  value: V;
  onChange: (value: V) => void;
}

/** A radio group drawn as segments: arrow keys move between options, as radios do. */
export function SegmentedControl<V extends string>({
  legend,
  hideLegend,
  className,
  options,
  value,
  onChange,
}: SegmentedControlProps<V>) {
  const name = useId();
  return (
    <fieldset className={className ? `segmented ${className}` : 'segmented'}>
      <legend className={hideLegend ? 'visually-hidden' : 'segmented__legend'}>{legend}</legend>
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
