import { Link } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { launchTestPath } from '../launch-path';

/** "Test this version": for the policy version page; opens the launch page pre-filled. */
export function TestThisVersionLink({
  policyId,
  version,
  className = 'button',
}: {
  policyId: string;
  version: number;
  className?: string;
}) {
  return (
    <Link className={className} to={launchTestPath(policyId, version)}>
      <Icon name="flask" />
      Test this version
    </Link>
  );
}
