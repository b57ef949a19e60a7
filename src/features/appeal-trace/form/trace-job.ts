import type { Policy } from '@/lib/api/guardian/policy-schema';
import { TARGETS, type Target } from '@/lib/expr';
import type { TraceAppealJob } from '../run/trace-jobs';
import type { BuiltInput } from './build-trace-input';

/** The job for a built form: the settings' target first, then the others when compared. */
export function traceJob(
  policy: Policy,
  built: BuiltInput,
  target: Target,
  compare: boolean,
  now: number,
): TraceAppealJob | undefined {
  if (!built.creator) return undefined;
  const others = compare ? TARGETS.map((t) => t.id).filter((t) => t !== target) : [];
  return {
    kind: 'trace',
    policy,
    creator: { createdBy: built.creator.createdBy, iam: built.creator.iam },
    request: built.request,
    targets: [target, ...others],
    now,
  };
}
