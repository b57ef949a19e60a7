import { Icon, type IconName } from '@/components/icon/icon';
import type { PolicyTestStatus, UserResultStatus } from '@/lib/api/policy-tests/policy-test-schema';

type Tone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

const TEST_STATUS: Record<PolicyTestStatus, { label: string; icon: IconName; tone: Tone }> = {
  processing: { label: 'Processing', icon: 'processing', tone: 'info' },
  complete: { label: 'Complete', icon: 'approved', tone: 'success' },
  'exceeded time': { label: 'Exceeded time', icon: 'clock', tone: 'warning' },
  blocked: { label: 'Blocked', icon: 'blocked', tone: 'danger' },
};

export const USER_STATUS: Record<UserResultStatus, { label: string; icon: IconName; tone: Tone }> = {
  approved: { label: 'Approved', icon: 'approved', tone: 'success' },
  blocked: { label: 'Blocked', icon: 'blocked', tone: 'danger' },
  error: { label: 'Error', icon: 'error', tone: 'warning' },
};

/** A test's status: word, icon and colour. */
export function TestStatusBadge({ status }: { status: PolicyTestStatus }) {
  const { label, icon, tone } = TEST_STATUS[status];
  return (
    <span className={`badge badge--${tone}`}>
      <Icon name={icon} className={status === 'processing' ? 'icon--spin' : undefined} />
      {label}
    </span>
  );
}

/** One user's outcome: word, icon and colour. */
export function UserStatusBadge({ status }: { status: UserResultStatus | undefined }) {
  if (!status) return <span className="badge badge--neutral">Not tested</span>;
  const { label, icon, tone } = USER_STATUS[status];
  return (
    <span className={`badge badge--${tone}`}>
      <Icon name={icon} />
      {label}
    </span>
  );
}

export function MissingTestBadge() {
  return (
    <span className="badge badge--neutral">
      <Icon name="info" />
      No longer exists
    </span>
  );
}
