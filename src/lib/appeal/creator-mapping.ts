import type { Policy } from '../api/guardian/policy-schema';
import { isPlainObject } from '../guardian-rules/plain-object';
import type { RunOptions, Target, TraceHooks } from '../expr';
import {
  cachedAppealExpression,
  compileAppealExpression,
  ExpressionFailure,
  type AppealExpression,
} from './appeal-expression';
import type { IamAnswer } from './appeal-request';

/**
 * `$appeal.creator` as Guardian sets it (core/appeal/service.go `addCreatorDetails`):
 * - no `iam`: no creator (nil), so `$appeal.creator.x` fails unless written with `?.`;
 * - an `iam` whose provider Guardian does not know: every appeal fails ("parsing iam config");
 * - the lookup fails: the appeal fails, unless `appeal.allow_creator_details_failure` (then nil);
 * - the answer is not a JSON object: nil, without an error;
 * - no `schema`: the answer as it is;
 * - a `schema`: one key per schema entry, each the answer's field of that name (nil when the answer
 *   lacks it: the key is there, its value null) or, when the entry contains `$response`, that
 *   expression evaluated over the answer; an expression that fails fails the appeal, whatever
 *   `allow_creator_details_failure` says.
 */
const KNOWN_IAM_PROVIDERS = ['http', 'shield'] as const;

export interface SchemaField {
  /** The creator key. */
  key: string;
  /** The schema's value: a response field name, or a `$response` expression. */
  from: string;
  expression?: AppealExpression;
}

export type CreatorPlan =
  | { kind: 'none' }
  | { kind: 'unknown-provider'; provider: string }
  | { kind: 'response' }
  | { kind: 'schema'; fields: SchemaField[] };

export class CreatorFailure {
  constructor(
    readonly reason: 'creator_lookup_failed' | 'creator_schema_error',
    readonly message: string,
    /** The schema entry whose expression failed. */
    readonly field?: SchemaField,
    readonly cause?: ExpressionFailure,
  ) {}
}

function isSchemaExpression(from: string): boolean {
  return from.includes('$response');
}

export function creatorPlan(
  policy: Pick<Policy, 'iam'>,
  target: Target,
  trace?: (field: string) => TraceHooks,
): CreatorPlan {
  const iam = policy.iam;
  if (!iam) return { kind: 'none' };
  if (!(KNOWN_IAM_PROVIDERS as readonly string[]).includes(iam.provider))
    return { kind: 'unknown-provider', provider: iam.provider };
  // The wire omits an empty map, so an empty schema and no schema look the same: both mean "as it is".
  const entries = Object.entries(iam.schema);
  if (entries.length === 0) return { kind: 'response' };
  return {
    kind: 'schema',
    fields: entries.map(([key, from]) => {
      if (!isSchemaExpression(from)) return { key, from };
      const expression = trace
        ? compileAppealExpression(from, target, trace(key))
        : cachedAppealExpression(from, target);
      return { key, from, expression };
    }),
  };
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Builds the creator from the IAM answer. `needed` limits a schema to the keys something reads
 * (expression entries always run: their failure fails the appeal). Returns a CreatorFailure
 * instead of throwing: an engine calls this a million times.
 */
export function buildCreator(
  plan: CreatorPlan,
  answer: IamAnswer,
  allowFailure: boolean,
  needed?: ReadonlySet<string>,
  options?: RunOptions,
): unknown {
  switch (plan.kind) {
    case 'none':
      return null;
    case 'unknown-provider':
      return new CreatorFailure(
        'creator_lookup_failed',
        `parsing iam config: unknown provider type "${plan.provider}"`,
      );
    default:
  }
  if (!answer.ok) {
    if (allowFailure) return null;
    return new CreatorFailure('creator_lookup_failed', `fetching creator's user iam: ${answer.message}`);
  }
  const body = answer.body;
  if (!isPlainObject(body)) return null;
  if (plan.kind === 'response') return body;
  const creator: Record<string, unknown> = {};
  const fields = plan.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.expression) {
      let value: unknown;
      try {
        value = field.expression.run({ $response: body }, options);
      } catch (error) {
        if (!(error instanceof ExpressionFailure)) throw error;
        return new CreatorFailure('creator_schema_error', `evaluating expression: ${error.message}`, field, error);
      }
      creator[field.key] = value;
    } else if (needed === undefined || needed.has(field.key)) {
      const value = hasOwn.call(body, field.from) ? body[field.from] : null;
      creator[field.key] = value === undefined ? null : value;
    }
  }
  return creator;
}

/**
 * The top-level keys of the IAM answer that the creator keys in `creatorKeys` come from
 * ('all' when the whole answer matters), so a directory builds only those.
 */
export function responseKeysFor(plan: CreatorPlan, creatorKeys: ReadonlySet<string> | 'all'): Set<string> | 'all' {
  if (plan.kind === 'none' || plan.kind === 'unknown-provider') return new Set();
  if (plan.kind === 'response') return creatorKeys === 'all' ? 'all' : new Set(creatorKeys);
  const keys = new Set<string>();
  for (const field of plan.fields) {
    if (field.expression) {
      const reads = field.expression.reads ?? [];
      for (const path of reads) {
        if (path === '$response') return 'all';
        if (path.startsWith('$response.')) keys.add(path.slice('$response.'.length).split('.')[0]!);
      }
    } else if (creatorKeys === 'all' || creatorKeys.has(field.key)) keys.add(field.from);
  }
  return keys;
}
