import type { Policy } from '../api/guardian/policy-schema';
import { check, type Target } from '../expr';
import { isEmail } from '../guardian-rules/is-email';
import { appealDocuments } from './appeal-document';
import { cachedAppealExpression, ExpressionFailure } from './appeal-expression';
import { defaultAppealRequest } from './appeal-request';
import { buildCreator, creatorPlan, CreatorFailure } from './creator-mapping';
import { formatValue } from './describe-trace';
import { SAMPLE_EMPLOYEE } from './sample-creator';

/**
 * What a save should not hide: expressions that would fail on the real server although the
 * policy is valid. Four kinds, each at the expression it is about:
 * - `unsupported`: a function the target's expr does not have (compiles, fails on every appeal);
 * - `no-iam`: reads `$appeal.creator.…` while the policy has no `iam` (Guardian sets no creator);
 * - `not-in-schema`: reads a creator key the IAM `schema` does not map (always nil);
 * - `fails-on-sample`: fails, or gives nil where Guardian needs a value, on the sample appeal (the
 *   policy's default resource and role, filed by the sample employee through the policy's IAM).
 * Failing test cases come from the cases, not from here.
 */
type RiskKind = 'unsupported' | 'no-iam' | 'not-in-schema' | 'fails-on-sample';

export interface RiskPlace {
  step: number;
  field: 'when' | 'approveIf' | 'approver';
  /** The approver's index, for `approver`. */
  approver?: number;
}

export interface PolicyRisk {
  kind: RiskKind;
  place: RiskPlace;
  stepName: string;
  source: string;
  /** Says what goes wrong, with code in backticks. */
  message: string;
}

const FIELD_WORDS = { when: '`when`', approveIf: '`approve_if`', approver: 'approver' } as const;

export function placeWords(risk: PolicyRisk): string {
  const field =
    risk.place.field === 'approver' ? `approver ${(risk.place.approver ?? 0) + 1}` : FIELD_WORDS[risk.place.field];
  return `step ${risk.place.step + 1} \`${risk.stepName}\`, ${field}`;
}

interface Place extends RiskPlace {
  source: string;
}

function expressionsOf(policy: Pick<Policy, 'steps'>): Place[] {
  return policy.steps.flatMap((step, index) => [
    ...(step.when ? [{ step: index, field: 'when' as const, source: step.when }] : []),
    ...(step.strategy === 'auto' && step.approveIf
      ? [{ step: index, field: 'approveIf' as const, source: step.approveIf }]
      : []),
    ...(step.strategy === 'manual'
      ? step.approvers.flatMap((source, approver) =>
          isEmail(source) || source.trim() === ''
            ? []
            : [{ step: index, field: 'approver' as const, approver, source }],
        )
      : []),
  ]);
}

function creatorKeysRead(source: string): string[] {
  const reads = cachedAppealExpression(source, 'expr-latest').reads ?? [];
  return [
    ...new Set(
      reads
        .filter((p) => p.startsWith('$appeal.creator.'))
        .map((p) => p.slice('$appeal.creator.'.length).split('.')[0]!),
    ),
  ];
}

/** What the expression gives on the sample appeal, or why it fails. */
function onSample(
  place: Place,
  target: Target,
  env: { resolving: object; advancing: object },
  now: number,
): string | undefined {
  const expression = cachedAppealExpression(place.source, target);
  if (expression.problems.length > 0) return undefined; // the form's own check refuses it already
  let value: unknown;
  try {
    value = expression.run({ $appeal: place.field === 'approver' ? env.resolving : env.advancing }, { now });
  } catch (error) {
    if (!(error instanceof ExpressionFailure)) throw error;
    return `fails on the sample appeal: ${error.message}`;
  }
  if (place.field !== 'approver')
    return value === null || value === undefined
      ? 'gives nil on the sample appeal, and Guardian fails an appeal it cannot decide'
      : undefined;
  if (value === null || value === undefined) return 'gives nil on the sample appeal: Guardian fails the appeal';
  const items = Array.isArray(value) ? value : [value];
  const bad = items.find((item) => typeof item !== 'string' || !isEmail(item));
  if (bad === undefined) return undefined;
  return typeof bad === 'string'
    ? `gives ${formatValue(bad)} on the sample appeal, not an email address: Guardian fails the appeal`
    : `gives ${formatValue(value)} on the sample appeal, not an email or a list of emails`;
}

export function findPolicyRisks(
  policy: Pick<Policy, 'id' | 'version' | 'steps' | 'iam' | 'appeal' | 'requirements'>,
  options: { target: Target; now?: number },
): PolicyRisk[] {
  const { target } = options;
  const now = options.now ?? Date.now();
  const risks: PolicyRisk[] = [];
  const schema = policy.iam && Object.keys(policy.iam.schema).length > 0 ? policy.iam.schema : undefined;
  const plan = creatorPlan(policy, target);
  const creator = buildCreator(plan, SAMPLE_EMPLOYEE.iam, false);
  const documents = appealDocuments(policy, defaultAppealRequest(policy));
  for (const doc of [documents.resolving, documents.advancing]) {
    doc.account_id = SAMPLE_EMPLOYEE.email;
    doc.created_by = SAMPLE_EMPLOYEE.email;
    doc.creator = creator instanceof CreatorFailure ? null : creator;
  }

  for (const place of expressionsOf(policy)) {
    const add = (kind: RiskKind, message: string) =>
      risks.push({
        kind,
        place: { step: place.step, field: place.field, approver: place.approver },
        stepName: policy.steps[place.step]!.name,
        source: place.source,
        message,
      });
    let explained = false;
    for (const problem of check(place.source, { target })) {
      if (problem.code !== 'unavailable-builtin') continue;
      add('unsupported', problem.message);
      explained = true;
    }
    const keys = creatorKeysRead(place.source);
    if (keys.length > 0 && !policy.iam) {
      add(
        'no-iam',
        `reads \`$appeal.creator.${keys[0]}\`, but the policy has no \`iam\`: Guardian sets no creator, so this fails (or is nil with \`?.\`)`,
      );
      explained = true;
    } else if (schema) {
      for (const key of keys.filter((k) => !(k in schema))) {
        add(
          'not-in-schema',
          `reads \`$appeal.creator.${key}\`, which the IAM \`schema\` does not map: it is always nil (the schema maps ${Object.keys(
            schema,
          )
            .map((k) => `\`${k}\``)
            .join(', ')})`,
        );
        explained = true;
      }
    }
    if (explained) continue;
    const sample = onSample(place, target, documents, now);
    if (sample) add('fails-on-sample', sample);
  }
  return risks;
}
