import './change-navigator.css';
import { Icon, type IconName } from '@/components/icon/icon';

interface ChangeNavigatorProps {
  current: number;
  count: number;
  onNext: () => void;
  onPrevious: () => void;
  /** "change" or "block of lines". */
  noun?: string;
}

/** Previous/next buttons, the keys that do the same, and a live "change 3 of 12". */
export function ChangeNavigator({ current, count, onNext, onPrevious, noun = 'change' }: ChangeNavigatorProps) {
  const plural = count === 1 ? noun : `${noun}s`;
  const moves: { label: string; icon: IconName; key: string; onClick: () => void }[] = [
    { label: 'Previous', icon: 'chevronUp', key: 'p', onClick: onPrevious },
    { label: 'Next', icon: 'chevronDown', key: 'n', onClick: onNext },
  ];
  return (
    <div className="change-nav" role="group" aria-label="Move between changes">
      {moves.map(({ label, icon, key, onClick }) => (
        <button
          key={label}
          type="button"
          className="button button--small"
          onClick={onClick}
          disabled={count === 0}
          aria-keyshortcuts={key}
        >
          <Icon name={icon} /> {label}
        </button>
      ))}
      <span className="change-nav__status" role="status" aria-live="polite">
        {count === 0
          ? `No ${plural}`
          : current < 0
            ? `${count} ${plural}`
            : `${noun[0]!.toUpperCase()}${noun.slice(1)} ${current + 1} of ${count}`}
      </span>
      <span className="change-nav__keys muted">
        <kbd>n</kbd> / <kbd>p</kbd>
      </span>
    </div>
  );
}
