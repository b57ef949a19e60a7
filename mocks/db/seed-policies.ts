import type { Policy } from '../../src/lib/api/guardian/policy-schema';
import { policySchema } from '../../src/lib/api/guardian/policy-schema';
import { Prng, hashString } from '../lib/random';
import { evolvePolicy } from './evolve-policy';
import { POLICY_AUTHORS } from './vocabulary';
import bigqueryApproval from '../fixtures/guardian/example-01-bigquery_approval.json';
import myFirstPolicy from '../fixtures/guardian/example-02-my-first-policy.json';
import myPolicy from '../fixtures/guardian/example-03-my_policy.json';
import mySecondPolicy from '../fixtures/guardian/example-04-my-second-policy.json';
import validPolicy from '../fixtures/guardian/example-05-validPolicy.json';
import forkStages from '../fixtures/guardian/fork-14-stages-parallel.json';
import forkLabelingRules from '../fixtures/guardian/fork-16-labeling-rules-priority.json';
import forkAllowFailed from '../fixtures/guardian/fork-21-allow-failed.json';

/** The shared example policies (and three goto-fork ones), version 1 exactly as published. */
export interface SeedPolicy {
  source: unknown;
  /** How many versions the catalog holds; versions after 1 are realistic edits of it. */
  versions: number;
  fork: boolean;
}

export const SEED_POLICIES: readonly SeedPolicy[] = [
  { source: bigqueryApproval, versions: 3, fork: false },
  { source: myFirstPolicy, versions: 2, fork: false },
  { source: myPolicy, versions: 1, fork: false },
  { source: mySecondPolicy, versions: 4, fork: false },
  { source: validPolicy, versions: 1, fork: false },
  { source: forkStages, versions: 1, fork: true },
  { source: forkLabelingRules, versions: 1, fork: true },
  { source: forkAllowFailed, versions: 1, fork: true },
];

/** The example as published, as a domain policy (what a test of version 1 evaluates). */
export function seedFirstVersion(seed: SeedPolicy): Policy {
  return { ...policySchema.parse(seed.source), version: 1 };
}

/** Every version of a seed policy, version 1 first. */
export function seedVersions(seedNumber: number, seed: SeedPolicy): Policy[] {
  const first = seedFirstVersion(seed);
  const rng = new Prng(seedNumber ^ hashString(first.id));
  const versions: Policy[] = [{ ...first, createdBy: first.createdBy ?? rng.pick(POLICY_AUTHORS) }];
  for (let v = 2; v <= seed.versions; v++) {
    const next = evolvePolicy(versions[versions.length - 1]!, rng);
    versions.push({ ...next, version: v, createdBy: rng.chance(0.6) ? next.createdBy : rng.pick(POLICY_AUTHORS) });
  }
  return versions;
}
