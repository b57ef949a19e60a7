import { Icon } from '@/components/icon/icon';
import type { Status } from './trace-status';

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`badge badge--${status.tone}`}>
      <Icon name={status.icon} /> {status.word}
    </span>
  );
}
