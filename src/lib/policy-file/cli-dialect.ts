import { undeclaredKeys } from '@/lib/guardian-rules/undeclared-keys';
import type { Target } from '@/lib/expr';

/**
 * Which Guardian's CLI a file is written for. Both parse `--file` with gopkg.in/yaml.v3 into their own
 * `domain.Policy`, whose YAML tags differ: raystack/guardian calls the appeal settings `appeal_config`,
 * goto/guardian calls them `appeal` (and adds stages, custom steps, labeling rules…). yaml.v3 drops
 * keys a struct does not declare, silently, so a file in the wrong dialect loses those parts.
 */
export type CliDialect = 'raystack' | 'goto';

export const CLI_DIALECTS: ReadonlyArray<{ id: CliDialect; label: string }> = [
  { id: 'raystack', label: 'raystack/guardian CLI' },
  { id: 'goto', label: 'goto/guardian CLI' },
];

export function isCliDialect(value: unknown): value is CliDialect {
  return value === 'raystack' || value === 'goto';
}

/** The key of the appeal settings in a CLI file (the REST wire says `appeal` for both). */
export function appealKeyOf(dialect: CliDialect): 'appeal_config' | 'appeal' {
  return dialect === 'raystack' ? 'appeal_config' : 'appeal';
}

/** The server the console is set to check expressions for is the server whose CLI people use. */
export function dialectForTarget(target: Target): CliDialect {
  return target === 'guardian-1.15' ? 'goto' : 'raystack';
}

/** raystack's appeal config; goto's keeps all of it and adds its own. */
const RAYSTACK_APPEAL_KEYS = [
  'duration_options',
  'allow_on_behalf',
  'allow_permanent_access',
  'allow_active_access_extension_in',
  'questions',
  'allow_creator_details_failure',
] as const;

/** The YAML keys each CLI's structs declare (raystack faf5807, goto c3db7ca), part by part. */
const KNOWN_KEYS: Record<CliDialect, Record<'policy' | 'step' | 'appeal' | 'requirement', readonly string[]>> = {
  raystack: {
    policy: ['id', 'version', 'title', 'description', 'steps', 'appeal_config', 'requirements', 'labels', 'iam'],
    step: ['name', 'description', 'allow_failed', 'when', 'strategy', 'rejection_reason', 'approvers', 'approve_if'],
    appeal: RAYSTACK_APPEAL_KEYS,
    requirement: ['on', 'appeals'],
  },
  goto: {
    policy: [
      'id',
      'version',
      'description',
      'stages',
      'steps',
      'custom_steps',
      'appeal',
      'requirements',
      'labels',
      'iam',
    ],
    step: [
      'name',
      'stage',
      'description',
      'allow_failed',
      'when',
      'strategy',
      'rejection_reason',
      'approvers',
      'approve_if',
      'dont_allow_self_approval',
      'details',
      'terms_and_conditions',
    ],
    appeal: [
      ...RAYSTACK_APPEAL_KEYS,
      'metadata_sources',
      'terms_and_conditions',
      'labeling_rules',
      'user_label_config',
    ],
    requirement: ['on', 'appeals', 'post_hooks'],
  },
};

/**
 * The keys of a CLI file (in `dialect`'s names) that this dialect's CLI would drop without a word,
 * e.g. `stages` for raystack, `title` for goto. Written as paths, de-duplicated across steps.
 */
export function keysTheCliDrops(file: Record<string, unknown>, dialect: CliDialect): string[] {
  const known = KNOWN_KEYS[dialect];
  const dropped = new Set<string>();
  const check = (value: unknown, keys: readonly string[], prefix: string) => {
    for (const key of undeclaredKeys(value, keys)) dropped.add(`${prefix}${key}`);
  };
  check(file, known.policy, '');
  if (Array.isArray(file.steps)) for (const step of file.steps) check(step, known.step, 'steps[].');
  if (Array.isArray(file.requirements)) {
    for (const requirement of file.requirements) check(requirement, known.requirement, 'requirements[].');
  }
  const appealKey = appealKeyOf(dialect);
  check(file[appealKey], known.appeal, `${appealKey}.`);
  return [...dropped];
}
