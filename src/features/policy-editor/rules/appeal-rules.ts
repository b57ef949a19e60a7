import { containsGoWhitespace } from '@/lib/guardian-rules/go-whitespace';
import { explainDurationError } from '@/lib/duration/parse-go-duration';
import type { AppealValues } from '../form/policy-form-schema';
import type { FormIssue } from './form-issue';
import { laterDuplicates, quote, withoutWhitespace } from './text-checks';

export function appealIssues(appeal: AppealValues): FormIssue[] {
  const issues: FormIssue[] = [];
  const at = (...rest: (string | number)[]) => ['appeal', ...rest];
  const sameValue = laterDuplicates(appeal.durationOptions, (option) => option.value);
  appeal.durationOptions.forEach((option, i) => {
    if (option.name.trim() === '') {
      issues.push({
        path: at('durationOptions', i, 'name'),
        message: 'Name the option as people will see it, e.g. 1 day.',
      });
    }
    const error = explainDurationError(option.value);
    if (error) issues.push({ path: at('durationOptions', i, 'value'), message: error });
    else if (sameValue.has(i)) {
      issues.push({
        path: at('durationOptions', i, 'value'),
        message: `Option ${(sameValue.get(i) ?? 0) + 1} already offers ${quote(option.value)}: remove one of them.`,
      });
    }
  });
  if (appeal.allowActiveAccessExtensionIn !== '') {
    const error = explainDurationError(appeal.allowActiveAccessExtensionIn);
    if (error) issues.push({ path: at('allowActiveAccessExtensionIn'), message: error });
  }
  const sameKey = laterDuplicates(appeal.questions, (question) => question.key);
  appeal.questions.forEach((question, i) => {
    if (question.key === '') {
      issues.push({
        path: at('questions', i, 'key'),
        message: 'Give the question a key, e.g. reason: the answer is stored under it.',
      });
    } else if (containsGoWhitespace(question.key)) {
      issues.push({
        path: at('questions', i, 'key'),
        message: `Keys cannot contain spaces: write ${quote(withoutWhitespace(question.key))} instead.`,
      });
    } else if (sameKey.has(i)) {
      issues.push({
        path: at('questions', i, 'key'),
        message: `Question ${(sameKey.get(i) ?? 0) + 1} already uses the key ${quote(question.key)}: every question needs its own key.`,
      });
    }
    if (question.question.trim() === '') {
      issues.push({
        path: at('questions', i, 'question'),
        message: 'Write the question to ask, e.g. Why do you need access?',
      });
    }
  });
  return issues;
}
