import type { Target } from '../expr';

/**
 * When a policy is saved, Guardian evaluates each approver that is not an email against an empty
 * appeal — unless its text reads something only a real appeal has. Which texts are spared depends on
 * the server (core/policy/service.go `validateApprover`): raystack spares `$appeal.resource` and
 * `$appeal.creator`; goto adds `$appeal.role`, `.permissions`, `.details` and `.labels`. The test is
 * on the text, not the parsed expression: `"$appeal.creator"` in a string literal spares it too.
 */
type GuardianServer = 'raystack' | 'goto';

const SPARED: Record<GuardianServer, readonly string[]> = {
  raystack: ['$appeal.resource', '$appeal.creator'],
  goto: [
    '$appeal.resource',
    '$appeal.creator',
    '$appeal.role',
    '$appeal.permissions',
    '$appeal.details',
    '$appeal.labels',
  ],
};

/** goto/guardian is the server that runs expr 1.15; every other target behaves as raystack. */
const serverOfTarget = (target: Target): GuardianServer => (target === 'guardian-1.15' ? 'goto' : 'raystack');

export function skipsSaveTimeApproverCheck(approver: string, target: Target): boolean {
  return SPARED[serverOfTarget(target)].some((text) => approver.includes(text));
}
