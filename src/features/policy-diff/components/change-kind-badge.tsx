import { Icon, type IconName } from '@/components/icon/icon';
import type { ChangeKind } from '../structural/types';

const LOOK: Record<ChangeKind, { word: string; icon: IconName; tone: string }> = {
  added: { word: 'Added', icon: 'plus', tone: 'success' },
  removed: { word: 'Removed', icon: 'minus', tone: 'danger' },
  changed: { word: 'Changed', icon: 'change', tone: 'info' },
  moved: { word: 'Moved', icon: 'move', tone: 'warning' },
  renamed: { word: 'Renamed', icon: 'edit', tone: 'info' },
};

/** A change's kind as word + icon + colour: never colour alone. */
export function ChangeKindBadge({ kind }: { kind: ChangeKind }) {
  const look = LOOK[kind];
  return (
    <span className={`badge badge--${look.tone}`}>
      <Icon name={look.icon} />
      {look.word}
    </span>
  );
}
