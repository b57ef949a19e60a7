import type { TestPolicy } from '../../server/policy-tests-api';
import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import type { CreatorProfile } from '../../mocks/directory/directory';
import { accessEvaluator } from '../../mocks/engine/access-evaluator';
import { readPaths, type Target } from '../../mocks/engine/expressions';
import { guardianEvaluator } from '../../mocks/engine/guardian-evaluator';
import { combineEvaluators } from '../../mocks/engine/outcome';
import { IAM_FAILURE, type IamRecord } from '../directory/iam-directory';
import { ERRORED, type Outcome } from './packed-results';

/**
 * A test's policies compiled once: `evaluate` takes one user's directory record and gives the
 * outcome, through the same Guardian step walk the mock engine uses (one implementation of the
 * rules). `keys` are the record keys the policies read (undefined: all of them), so a million-user
 * test builds only what its expressions look at.
 */
export interface CompiledTest {
  keys: ReadonlySet<string> | undefined;
  evaluate(record: Record<string, unknown>): { outcome: Outcome; step: number; reason: string | undefined };
}

function expressionsOf(policy: Record<string, unknown>): string[] {
  const steps = Array.isArray(policy.steps) ? (policy.steps as Record<string, unknown>[]) : [];
  const out: string[] = [];
  for (const step of steps) {
    for (const key of ['when', 'approve_if', 'approveIf'])
      if (typeof step[key] === 'string') out.push(step[key] as string);
    if (Array.isArray(step.approvers)) for (const a of step.approvers) if (typeof a === 'string') out.push(a);
  }
  return out;
}

/** The creator keys read by `$appeal.creator.<key>…`; undefined when an expression reads the creator whole. */
export function creatorKeys(policies: readonly TestPolicy[]): Set<string> | undefined {
  const keys = new Set<string>(['email']);
  for (const p of policies) {
    if (p.kind === 'access') return undefined;
    for (const source of expressionsOf(p.policy)) {
      const paths = readPaths(source);
      if (paths === undefined) return undefined;
      for (const path of paths) {
        if (path === '$appeal' || path === '$appeal.creator') return undefined;
        if (path.startsWith('$appeal.creator.')) keys.add(path.slice('$appeal.creator.'.length).split('.')[0]!);
      }
    }
  }
  return keys;
}

export function compileTest(policies: readonly TestPolicy[], target: Target): CompiledTest {
  const evaluate = combineEvaluators(
    policies.map((p) =>
      p.kind === 'guardian' ? guardianEvaluator(policySchema.parse(p.policy), target) : accessEvaluator(p.policy),
    ),
  );
  return {
    keys: creatorKeys(policies),
    evaluate: (record) => {
      const failure = (record as IamRecord)[IAM_FAILURE];
      if (failure !== undefined) return { outcome: ERRORED as Outcome, step: 0, reason: `creator details: ${failure}` };
      return { outcome: evaluate(record as unknown as CreatorProfile), step: 0, reason: undefined };
    },
  };
}
