import type { ExpressionTrace, ReadTrace } from './expression-recorder';
import type { AppealTrace, ApproverTrace, StepTrace } from './trace-appeal';

/**
 * A trace in words: the outcome in one sentence, each step's state, each value as Guardian would
 * print it. Code (names, paths, expressions) is wrapped in backticks for the view to set as code.
 */

/** A value as a short, Go-flavoured text: nil, "text", 42, true, [..], {..}; long ones cut. */
export function formatValue(value: unknown, max = 80): string {
  let text: string;
  if (value === null || value === undefined) text = 'nil';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'object') {
    try {
      text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? String(value);
    } catch {
      text = Array.isArray(value) ? '[…]' : '{…}';
    }
  } else text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const stepLabel = (step: StepTrace) => `step ${step.index + 1} \`${step.name}\``;

function readsText(reads: readonly ReadTrace[], limit = 3): string {
  const shown = reads.slice(0, limit).map((r) => `\`${r.path}\` was ${formatValue(r.value)}`);
  if (reads.length > limit) shown.push(`${reads.length - limit} more`);
  return shown.join(', ');
}

/** Why a nil creator (or creator field) is nil, when the trace can tell. */
function nilCreatorHint(trace: AppealTrace, reads: readonly ReadTrace[]): string {
  const nilCreator = reads.find((r) => r.path === '$appeal.creator' && r.value === null);
  if (nilCreator) {
    if (trace.creator.plan === 'none') return ' (the policy has no `iam`, so Guardian sets no creator)';
    if (trace.creator.lookup === 'failed-allowed')
      return ' (the IAM lookup failed and `allow_creator_details_failure` left the creator nil)';
    return ' (the IAM answer was not a JSON object, so Guardian sets no creator)';
  }
  if (trace.creator.plan !== 'schema') return '';
  for (const read of reads) {
    if (read.value !== null || !read.path.startsWith('$appeal.creator.')) continue;
    const key = read.path.slice('$appeal.creator.'.length).split('.')[0]!;
    const field = trace.creator.fields.find((f) => f.key === key);
    if (!field) return ` (the IAM \`schema\` does not map \`${key}\`)`;
    if (field.missing) return ` (the IAM answer has no \`${field.from}\`, which the schema maps to \`${key}\`)`;
  }
  return '';
}

function withReads(trace: AppealTrace, expression: ExpressionTrace | undefined): string {
  if (!expression || expression.reads.length === 0) return '';
  return ` — ${readsText(expression.reads)}${nilCreatorHint(trace, expression.reads)}`;
}

function errorText(trace: AppealTrace, expression: ExpressionTrace | undefined): string {
  if (!expression?.error) return '';
  const at = expression.error.start ? ` (at ${expression.error.start.line}:${expression.error.start.column})` : '';
  const nil = nilCreatorHint(trace, expression.reads);
  const nilRead = expression.reads.find((r) => r.value === null);
  const why = nilRead ? `; \`${nilRead.path}\` was nil${nil}` : '';
  return ` — ${expression.error.message}${at}${why}`;
}

function decidingApprover(step: StepTrace): ApproverTrace | undefined {
  return (
    step.approvers.find((a) => a.expression?.error) ??
    step.approvers.find((a) => a.resolved.some((r) => r.kind !== 'email')) ??
    step.approvers.find((a) => !a.literal)
  );
}

export function approversOf(step: StepTrace): string[] {
  const all = step.approvers.flatMap((a) => a.resolved.map((r) => String(r.value)));
  return [...new Set(all)];
}

/** The outcome in one sentence, e.g. "Blocked at step 2 `security_review`: `approve_if` was false — …". */
export function outcomeSentence(trace: AppealTrace): string {
  const { reason } = trace.verdict;
  const step = trace.verdict.step === undefined ? undefined : trace.steps[trace.verdict.step];
  const internal = trace.notes.find((n) => n.includes('internal error'));
  if (internal) return `Could not trace this appeal: ${internal}`;
  switch (reason) {
    case 'approved':
      return trace.steps.length === 0
        ? 'Approved: the policy has no steps.'
        : 'Approved: every step passed or was skipped, without anyone’s approval.';
    case 'awaits_approval': {
      const waits = trace.steps.filter((s) => s.state === 'waits');
      const [first, ...rest] = waits;
      const then =
        rest.length > 0
          ? `, then ${rest.map((s) => `${stepLabel(s)} by ${approversOf(s).join(', ')}`).join(', then ')}`
          : '';
      return `Waits for approval at ${stepLabel(first!)} by ${approversOf(first!).join(', ')}${then}; approved once they approve.`;
    }
    case 'approve_if_false':
      return `Blocked at ${stepLabel(step!)}: \`approve_if\` was false${withReads(trace, step!.approveIf)}.`;
    case 'approve_if_nil':
      return `Error at ${stepLabel(step!)}: \`approve_if\` gave nil, and Guardian cannot decide on nil${withReads(trace, step!.approveIf)}.`;
    case 'approve_if_error':
      return `Error at ${stepLabel(step!)}: \`approve_if\` failed${errorText(trace, step!.approveIf)}.`;
    case 'when_nil':
      return `Error at ${stepLabel(step!)}: \`when\` gave nil, and Guardian cannot decide on nil${withReads(trace, step!.when)}.`;
    case 'when_error':
      return `Error at ${stepLabel(step!)}: \`when\` failed${errorText(trace, step!.when)}.`;
    case 'approver_error': {
      const approver = decidingApprover(step!);
      return `Error at ${stepLabel(step!)}: approver \`${approver?.source ?? '?'}\` failed${errorText(trace, approver?.expression)}.`;
    }
    case 'approver_nil': {
      const approver = decidingApprover(step!);
      return `Error at ${stepLabel(step!)}: approver \`${approver?.source ?? '?'}\` gave nil${withReads(trace, approver?.expression)}.`;
    }
    case 'approver_wrong_type':
    case 'approver_not_email': {
      const approver = decidingApprover(step!);
      const bad = approver?.resolved.find((r) => r.kind !== 'email');
      const what = reason === 'approver_not_email' ? 'not an email address' : 'not a string or a list of strings';
      return `Error at ${stepLabel(step!)}: approver \`${approver?.source ?? '?'}\` gave ${formatValue(bad?.value)}, ${what}${withReads(trace, approver?.expression)}.`;
    }
    case 'no_approvers':
      return `Error at ${stepLabel(step!)}: its approvers resolved to an empty list, so the appeal would wait forever.`;
    case 'invalid_step':
      return step
        ? `Error at ${stepLabel(step)}: Guardian cannot advance it (\`${step.strategy}\` ${step.strategy === 'auto' ? 'without `approve_if`' : 'is not a strategy'}).`
        : 'Error: the policy cannot be walked.';
    case 'creator_lookup_failed':
      return `Error before the first step: ${trace.creator.failure?.message ?? 'the IAM lookup failed'}${trace.creator.plan === 'unknown-provider' ? '' : '. Guardian fails the appeal unless `allow_creator_details_failure` is set'}.`;
    case 'creator_schema_error': {
      const field = trace.creator.fields.find((f) => f.expression?.error);
      return `Error before the first step: the IAM schema’s \`${field?.key ?? '?'}\` (\`${field?.from ?? '?'}\`) failed${errorText(trace, field?.expression)}. This fails the appeal even with \`allow_creator_details_failure\`.`;
    }
    case 'budget_exceeded':
      return step
        ? `Stopped at ${stepLabel(step)}: an expression did too much work to finish within the trace’s time budget.`
        : 'Stopped: an expression did too much work to finish within the trace’s time budget.';
  }
}

/** A step's state in a few words (the view adds an icon). */
export function stepStateWords(step: StepTrace): string {
  switch (step.state) {
    case 'passed':
      return 'Passed';
    case 'skipped':
      return 'Skipped: `when` was false';
    case 'blocked':
      return 'Blocked';
    case 'failed-allowed':
      return 'Failed but allowed';
    case 'waits': {
      const approvers = approversOf(step);
      return `Waits for manual approval by ${approvers.join(', ')}`;
    }
    case 'error':
      return 'Error';
    case 'not-reached':
      return 'Not reached';
  }
}
