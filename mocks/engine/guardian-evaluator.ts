import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import type { CreatorProfile } from '../directory/directory';
import { fieldsForPaths } from '../directory/profile-fields';
import { isEmail } from '../../src/lib/guardian-rules/is-email';
import { compileExpression, readPaths, runCompiled, truthiness, type Compiled, type Target } from './expressions';
import { APPROVED, BLOCKED, ERRORED, type Outcome, type UserEvaluator } from './outcome';
import { pointAppealAt, sampleAppeal } from './sample-appeal';

/**
 * A Guardian policy version compiled for a test: each expression is compiled once, then every user
 * walks the steps in order — `when` falsy skips the step; auto: `approve_if` truthy passes, falsy
 * blocks (or skips with `allow_failed`); manual: passes when at least one approver resolves to a
 * valid email; an expression that fails, or a nil where Guardian needs a value, is an error.
 */
type Approver = { email: string } | { compiled: Compiled };

interface StepProgram {
  strategy: string;
  when?: Compiled;
  approveIf?: Compiled;
  approvers: Approver[];
  allowFailed: boolean;
}

function compileStep(step: Policy['steps'][number], target: Target): StepProgram {
  return {
    strategy: step.strategy,
    when: step.when ? compileExpression(step.when, target) : undefined,
    approveIf: step.approveIf ? compileExpression(step.approveIf, target) : undefined,
    // Guardian's own test: a valid email is a literal approver, anything else is an expression.
    approvers: step.approvers.map((a) => (isEmail(a) ? { email: a } : { compiled: compileExpression(a, target) })),
    allowFailed: step.allowFailed,
  };
}

/** Whether a manual step finds someone to ask: undefined when an approver expression fails. */
function hasApprover(approvers: readonly Approver[], appeal: unknown): boolean | undefined {
  let found = false;
  for (const approver of approvers) {
    if ('email' in approver) {
      found = true;
      continue;
    }
    const result = runCompiled(approver.compiled, appeal);
    if (!result.ok) return undefined;
    const v = result.value;
    if (typeof v === 'string') found ||= isEmail(v);
    else if (Array.isArray(v)) {
      for (const item of v) {
        if (typeof item !== 'string') return undefined;
        found ||= isEmail(item);
      }
    } else return undefined;
  }
  return found;
}

export function guardianEvaluator(policy: Policy, target: Target): UserEvaluator {
  const steps = policy.steps.map((s) => compileStep(s, target));
  const appeal = sampleAppeal(policy);
  const sources = policy.steps.flatMap((s) => [s.when, s.approveIf, ...s.approvers.filter((a) => !isEmail(a))]);
  const fields = sources.reduce((mask, src) => (src ? mask | fieldsForPaths(readPaths(src)) : mask), 0);
  const evaluate = (profile: CreatorProfile): Outcome => {
    pointAppealAt(appeal, profile);
    for (const step of steps) {
      if (step.when) {
        const when = runCompiled(step.when, appeal);
        if (!when.ok) return ERRORED;
        const t = truthiness(when.value);
        if (t === 'fails') return ERRORED;
        if (t === 'falsy') continue;
      }
      if (step.strategy === 'auto') {
        if (!step.approveIf) return ERRORED;
        const result = runCompiled(step.approveIf, appeal);
        if (!result.ok) return ERRORED;
        const t = truthiness(result.value);
        if (t === 'fails') return ERRORED;
        if (t === 'falsy' && !step.allowFailed) return BLOCKED;
      } else if (step.strategy === 'manual') {
        const found = hasApprover(step.approvers, appeal);
        if (found !== true) return ERRORED;
      } else return ERRORED;
    }
    return APPROVED;
  };
  return Object.assign(evaluate, { fields });
}
