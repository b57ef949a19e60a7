/**
 * The expr runtimes a Guardian server can embed (each runs expressions differently): their ids, apart
 * from what targets.ts says about each, as the settings the shell reads at start-up need only these.
 */
export const TARGET_IDS = ['guardian-1.12', 'guardian-1.15', 'expr-latest'] as const;

export type Target = (typeof TARGET_IDS)[number];

export const DEFAULT_TARGET: Target = 'guardian-1.12';

export function isTarget(value: unknown): value is Target {
  return (TARGET_IDS as readonly unknown[]).includes(value);
}
