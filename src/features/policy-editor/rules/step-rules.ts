import { containsGoWhitespace } from '@/lib/guardian-rules/go-whitespace';
import type { PolicyFormOptions, StepValues } from '../form/policy-form-schema';
import { isEmail } from '@/lib/guardian-rules/is-email';
import { expressionError } from './expression-check';
import type { FormIssue } from './form-issue';
import { laterDuplicates, quote, withoutWhitespace } from './text-checks';

const APPROVER_EXAMPLES = 'an email (alice@example.com) or an expression ($appeal.resource.details.owner)';

/** Meant as an address (an @, nothing of expression syntax) but not one the validator accepts. */
const looksLikeEmail = (raw: string): boolean => raw.includes('@') && !/[$()[\]"'?:=!<>&|*\s]/.test(raw);

function approverIssue(raw: string, options: PolicyFormOptions): string | undefined {
  if (raw === '') return `Write ${APPROVER_EXAMPLES}, or remove this approver.`;
  if (raw.trim() !== raw) return 'Remove the spaces around the approver: Guardian compares it exactly.';
  // Guardian takes an approver as an email when the validator says so, and as an expression otherwise.
  if (isEmail(raw)) return undefined;
  if (looksLikeEmail(raw)) return `${quote(raw)} is not a valid email address: write it as name@example.com.`;
  const error = expressionError(raw, options.exprTarget);
  if (error) return error;
  if (!raw.includes('$appeal')) {
    return `${quote(raw)} is neither an email nor an expression that reads the appeal: write ${APPROVER_EXAMPLES}.`;
  }
  return undefined;
}

export function stepIssues(steps: StepValues[], options: PolicyFormOptions): FormIssue[] {
  const issues: FormIssue[] = [];
  if (steps.length === 0) {
    issues.push({ path: ['steps'], message: 'A policy needs at least one step: add one with “Add step”.' });
  }
  const duplicates = laterDuplicates(steps, (step) => step.name);
  steps.forEach((step, i) => {
    const at = (...rest: (string | number)[]) => ['steps', i, ...rest];
    if (step.name === '') {
      issues.push({
        path: at('name'),
        message: 'Name the step, e.g. manager_approval. Guardian needs a name for every step.',
      });
    } else if (containsGoWhitespace(step.name)) {
      issues.push({
        path: at('name'),
        message: `Guardian does not allow spaces in step names: write ${quote(withoutWhitespace(step.name))} instead.`,
      });
    } else if (duplicates.has(i)) {
      issues.push({
        path: at('name'),
        message: `Step ${(duplicates.get(i) ?? 0) + 1} is already named ${quote(step.name)}: give every step its own name.`,
      });
    }
    if (step.when !== '') {
      const error = expressionError(step.when, options.exprTarget);
      if (error) issues.push({ path: at('when'), message: error });
    }
    if (step.strategy === 'auto') {
      if (step.approveIf.trim() === '') {
        issues.push({
          path: at('approveIf'),
          message:
            'An auto step needs approve_if: an expression that is true when the appeal passes, e.g. $appeal.creator.department == "eng".',
        });
      } else {
        const error = expressionError(step.approveIf, options.exprTarget);
        if (error) issues.push({ path: at('approveIf'), message: error });
      }
    } else {
      if (step.approvers.length === 0) {
        issues.push({
          path: at('approvers'),
          message: `A manual step needs at least one approver: ${APPROVER_EXAMPLES}.`,
        });
      }
      const seen = laterDuplicates(step.approvers, (a) => a.value);
      step.approvers.forEach((approver, j) => {
        const message = seen.has(j)
          ? `This approver is already listed as approver ${(seen.get(j) ?? 0) + 1}: remove one of them.`
          : approverIssue(approver.value, options);
        if (message) issues.push({ path: at('approvers', j, 'value'), message });
      });
    }
  });
  return issues;
}
