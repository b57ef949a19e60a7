/**
 * The one place the mock touches the expression language (src/lib/expr) outside the shared appeal
 * simulation (src/lib/appeal), which compiles and runs what the engine evaluates.
 */
import { cachedAppealExpression, ExpressionFailure } from '../../src/lib/appeal';
import type { Target } from '../../src/lib/expr';

export type { Target };
export const DEFAULT_EXPR_TARGET: Target = 'guardian-1.12';
export const EXPR_TARGETS: readonly Target[] = ['guardian-1.12', 'guardian-1.15', 'expr-latest'];

/** Why an expression would not compile on `target`, or undefined when it does. */
export function checkExpression(source: string, target: Target): string | undefined {
  const { problems } = cachedAppealExpression(source, target);
  return problems.length > 0 ? problems.map((p) => p.message).join('; ') : undefined;
}

export type RunResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Guardian checks an approver expression that does not read the creator or resource details by
 * evaluating it against an empty appeal (core/policy/service.go `validateApprover`): the JSON of a
 * zero domain.Appeal with an empty Resource.
 */
const EMPTY_APPEAL = {
  id: '',
  resource_id: '',
  resource: {
    id: '',
    provider_type: '',
    provider_urn: '',
    type: '',
    urn: '',
    name: '',
    details: null,
    labels: null,
    created_at: '0001-01-01T00:00:00Z',
    updated_at: '0001-01-01T00:00:00Z',
  },
  policy_id: '',
  policy_version: 0,
  status: '',
  account_id: '',
  account_type: '',
  created_by: '',
  creator: null,
  role: '',
  permissions: null,
  options: null,
  details: null,
  labels: null,
  description: '',
  created_at: '0001-01-01T00:00:00Z',
  updated_at: '0001-01-01T00:00:00Z',
};

export function evaluateApproverOnEmptyAppeal(source: string, target: Target): RunResult {
  try {
    return { ok: true, value: cachedAppealExpression(source, target).run({ $appeal: EMPTY_APPEAL }) };
  } catch (error) {
    if (error instanceof ExpressionFailure) return { ok: false, message: error.message };
    throw error;
  }
}
