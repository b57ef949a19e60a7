import {
  APPEAL_CONFIG_KEYS,
  durationOptionSchema,
  questionSchema,
  type AppealConfig,
} from '@/lib/api/guardian/policy-schema';
import { pickUndeclared } from '@/lib/guardian-rules/undeclared-keys';
import { emptyPolicyValues } from './empty-values';
import { hasKeys, optional } from './unset-fields';
import type { AppealValues } from './policy-form-schema';

/** A policy's appeal settings as the form's appeal section. */
export function appealConfigValues(appeal: AppealConfig | undefined): AppealValues {
  if (!appeal) return emptyPolicyValues().appeal;
  return {
    durationOptions: appeal.durationOptions.map((option) => ({
      name: option.name,
      value: option.value,
      extras: pickUndeclared(option, durationOptionSchema.declaredKeys),
    })),
    allowPermanentAccess: appeal.allowPermanentAccess,
    allowActiveAccessExtensionIn: appeal.allowActiveAccessExtensionIn ?? '',
    allowOnBehalf: appeal.allowOnBehalf,
    allowCreatorDetailsFailure: appeal.allowCreatorDetailsFailure,
    questions: appeal.questions.map((question) => ({
      key: question.key,
      question: question.question,
      required: question.required,
      description: question.description ?? '',
      extras: pickUndeclared(question, questionSchema.declaredKeys),
    })),
    extras: pickUndeclared(appeal, APPEAL_CONFIG_KEYS),
  };
}

/** The appeal section back as the policy's appeal settings; undefined when nothing is set. */
export function toAppealConfig(appeal: AppealValues): AppealConfig | undefined {
  const config: AppealConfig = {
    ...appeal.extras,
    durationOptions: appeal.durationOptions.map((option) => ({
      ...option.extras,
      name: option.name,
      value: option.value,
    })),
    allowOnBehalf: appeal.allowOnBehalf,
    allowPermanentAccess: appeal.allowPermanentAccess,
    allowActiveAccessExtensionIn: optional(appeal.allowActiveAccessExtensionIn),
    questions: appeal.questions.map((question) => ({
      ...question.extras,
      key: question.key,
      question: question.question,
      required: question.required,
      description: optional(question.description),
    })),
    allowCreatorDetailsFailure: appeal.allowCreatorDetailsFailure,
  };
  const isEmpty =
    config.durationOptions.length === 0 &&
    config.questions.length === 0 &&
    !config.allowOnBehalf &&
    !config.allowPermanentAccess &&
    !config.allowCreatorDetailsFailure &&
    config.allowActiveAccessExtensionIn === undefined &&
    !hasKeys(appeal.extras);
  return isEmpty ? undefined : config;
}
