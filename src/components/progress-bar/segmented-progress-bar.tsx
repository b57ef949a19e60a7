import { Icon, type IconName } from '@/components/icon/icon';
import { formatCount } from '@/lib/format/format-number';
import { fraction, type ProgressTone } from './progress-bar';
import { LabelledTrack } from './labelled-track';
import './progress-bar.css';

interface ProgressSegment {
  key: string;
  /** "Approved", "Blocked", … */
  label: string;
  value: number;
  /** Shown as given (the server's own integer percent); computed from value / of when absent. */
  percent?: number;
  tone: ProgressTone;
  icon: IconName;
}

interface SegmentedProgressBarProps {
  label: string;
  segments: readonly ProgressSegment[];
  /** The whole the segments are parts of (e.g. all users of the test). */
  max: number;
  /** The base the percentages are over (e.g. users processed so far); defaults to the sum. */
  percentOf?: number;
}

function percentText(segment: ProgressSegment, base: number): string {
  const percent = segment.percent ?? (base > 0 ? Math.round((segment.value / base) * 100) : 0);
  return `${percent}%`;
}

/**
 * One bar split into outcomes, e.g. approved / blocked / errored. Each part is also a legend entry
 * with its icon, word, count and percentage, and each fill has its own texture: never colour alone.
 */
export function SegmentedProgressBar({ label, segments, max, percentOf }: SegmentedProgressBarProps) {
  const sum = segments.reduce((total, s) => total + s.value, 0);
  const base = percentOf ?? sum;
  const valueText = `${segments.map((s) => `${s.label} ${formatCount(s.value)} (${percentText(s, base)})`).join(', ')}; ${formatCount(sum)} of ${formatCount(max)} users`;
  return (
    <div className="progress">
      <LabelledTrack
        label={label}
        shown={`${formatCount(sum)} of ${formatCount(max)}`}
        valueText={valueText}
        now={sum}
        max={max}
        className="progress__track progress__track--segmented"
      >
        {segments.map((segment) => (
          <div
            key={segment.key}
            className={`progress__fill progress__fill--${segment.tone} progress__segment`}
            style={{ width: `${fraction(segment.value, max) * 100}%` }}
          />
        ))}
      </LabelledTrack>
      <ul className="progress__legend">
        {segments.map((segment) => (
          <li key={segment.key} className={`progress__legend-item progress__legend-item--${segment.tone}`}>
            <span className={`progress__swatch progress__fill--${segment.tone}`} />
            <Icon name={segment.icon} />
            <span className="progress__legend-label">{segment.label}</span>
            <span className="progress__legend-count">{formatCount(segment.value)}</span>
            <span className="progress__legend-percent">{percentText(segment, base)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
