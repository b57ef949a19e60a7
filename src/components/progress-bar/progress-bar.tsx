import { formatCount, formatPercent } from '@/lib/format/format-number';
import { LabelledTrack } from './labelled-track';
import './progress-bar.css';

export type ProgressTone = 'accent' | 'success' | 'danger' | 'warning' | 'neutral';

interface ProgressBarProps {
  /** The accessible name, shown above the bar. */
  label: string;
  /** Undefined = indeterminate (the total is not known yet). */
  value: number | undefined;
  max: number;
  /** What a screen reader hears and a sighted reader sees; defaults to "n of max (p%)". */
  valueText?: string;
  tone?: ProgressTone;
  /** Hide the visible label (it stays the accessible name), e.g. inside a table cell. */
  compact?: boolean;
}

function defaultValueText(value: number | undefined, max: number): string {
  if (value === undefined) return 'Waiting for a total…';
  return `${formatCount(value)} of ${formatCount(max)} (${formatPercent(value, max)})`;
}

export function fraction(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value / max));
}

/** A real `progressbar`: named, with min/max/now and value text, so it is not a picture of progress. */
export function ProgressBar({ label, value, max, valueText, tone = 'accent', compact }: ProgressBarProps) {
  const text = valueText ?? defaultValueText(value, max);
  return (
    <div className={compact ? 'progress progress--compact' : 'progress'}>
      <LabelledTrack
        label={label}
        shown={text}
        valueText={text}
        now={value}
        max={max}
        compact={compact}
        className={value === undefined ? 'progress__track progress__track--indeterminate' : 'progress__track'}
      >
        {value !== undefined && (
          <div
            className={`progress__fill progress__fill--${tone}`}
            style={{ width: `${fraction(value, max) * 100}%` }}
          />
        )}
      </LabelledTrack>
    </div>
  );
}
