import { useId, type ReactNode } from 'react';

interface LabelledTrackProps {
  /** The accessible name, shown above the bar unless `compact`. */
  label: string;
  /** What a sighted reader sees beside the label. */
  shown: ReactNode;
  /** What a screen reader hears. */
  valueText: string;
  /** Undefined = indeterminate. */
  now: number | undefined;
  max: number;
  compact?: boolean;
  className: string;
  /** The fills inside the track. */
  children: ReactNode;
}

/** The label and value above a real `progressbar` track with min/max/now and value text: one for every bar. */
export function LabelledTrack({ label, shown, valueText, now, max, compact, className, children }: LabelledTrackProps) {
  const labelId = useId();
  const safeMax = max > 0 ? max : 1;
  return (
    <>
      <div className={compact ? 'visually-hidden' : 'progress__head'}>
        <span id={labelId} className="progress__label">
          {label}
        </span>
        <span className="progress__value">{shown}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={now === undefined ? undefined : Math.min(Math.max(now, 0), safeMax)}
        aria-valuetext={valueText}
        className={className}
      >
        {children}
      </div>
    </>
  );
}
