import type { CreatorProfile } from './directory';

/**
 * Which creator fields a test needs, as a bit mask: a policy that reads only
 * `$appeal.creator.userManager` should not pay for building names and manager chains of a million
 * users. ALL_FIELDS whenever an expression uses the creator as a whole.
 */
export const FIELD_BITS = {
  email: 1 << 0,
  name: 1 << 1,
  department: 1 << 2,
  company: 1 << 3,
  title: 1 << 4,
  manager_email: 1 << 5,
  userManager: 1 << 6,
  managers: 1 << 7,
  country: 1 << 8,
  employment_type: 1 << 9,
  risk: 1 << 10,
} as const satisfies Record<keyof CreatorProfile, number>;

export const ALL_FIELDS = (1 << 11) - 1;

/** The mask for the paths an expression reads (see engine/expressions.ts readPaths). */
export function fieldsForPaths(paths: readonly string[] | undefined): number {
  if (paths === undefined) return ALL_FIELDS;
  let mask = 0;
  for (const path of paths) {
    if (path === '$appeal' || path === '$appeal.creator') return ALL_FIELDS;
    // account_id and created_by are the creator's email.
    if (path === '$appeal.account_id' || path === '$appeal.created_by') mask |= FIELD_BITS.email;
    if (!path.startsWith('$appeal.creator.')) continue;
    const field = path.slice('$appeal.creator.'.length).split('.')[0]!;
    mask |= (FIELD_BITS as Record<string, number>)[field] ?? 0;
  }
  return mask;
}
