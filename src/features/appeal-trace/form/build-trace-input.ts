import { defaultAppealRequest, type AppealRequest, type IamAnswer } from '@/lib/appeal/appeal-request';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { parseJsonObject } from './parse-json-object';
import { sampleCreator } from './sample-creators';
import type { TraceForm } from './trace-params';

/** Who files the appeal, once the form says: their email and the IAM's answer. */
export interface CreatorChoice {
  createdBy: string;
  iam: IamAnswer;
  /** How the view names them. */
  label: string;
}

export type FieldErrors = Partial<Record<'profile' | 'details' | 'user' | 'email', string>>;

export interface BuiltInput {
  creator?: CreatorChoice;
  request: AppealRequest;
  errors: FieldErrors;
}

const PLACEHOLDER_EMAIL = 'someone@example.com';

/** The profile text the JSON field starts from: the chosen sample's answer. */
export function profileText(form: TraceForm): string {
  if (form.profile !== null) return form.profile;
  const sample = sampleCreator(form.sample);
  return JSON.stringify(sample.iam.ok ? sample.iam.body : { email: sample.email }, null, 2);
}

export function detailsText(form: TraceForm, policy: Pick<Policy, 'requirements'>): string {
  return form.details ?? JSON.stringify(defaultAppealRequest(policy).resource.details, null, 2);
}

/**
 * The request and creator a form describes, with a message per field that cannot be read. A
 * directory user comes in as `person` once fetched.
 */
export function buildTraceInput(
  form: TraceForm,
  policy: Pick<Policy, 'requirements'>,
  person: CreatorChoice | undefined,
): BuiltInput {
  const errors: FieldErrors = {};
  const defaults = defaultAppealRequest(policy);
  const details = parseJsonObject(detailsText(form, policy), 'The resource details');
  if (!details.ok) errors.details = details.message;
  const request: AppealRequest = {
    ...defaults,
    resource: {
      ...defaults.resource,
      providerType: form.providerType ?? defaults.resource.providerType,
      providerUrn: form.providerUrn ?? defaults.resource.providerUrn,
      type: form.resourceType ?? defaults.resource.type,
      urn: form.resourceUrn ?? defaults.resource.urn,
      details: details.ok ? details.value : defaults.resource.details,
    },
    role: form.role ?? defaults.role,
  };

  let creator: CreatorChoice | undefined;
  if (form.source === 'sample') {
    const sample = sampleCreator(form.sample);
    creator = { createdBy: sample.email, iam: sample.iam, label: sample.label };
  } else if (form.source === 'user') {
    if (!form.user) errors.user = 'Pick someone from the directory.';
    creator = person;
  } else {
    const profile = parseJsonObject(profileText(form), 'The IAM answer');
    if (!profile.ok) errors.profile = profile.message;
    else {
      const fromProfile = typeof profile.value.email === 'string' ? profile.value.email : '';
      const createdBy = form.email.trim() || fromProfile || PLACEHOLDER_EMAIL;
      creator = {
        createdBy,
        iam: form.lookupFails
          ? { ok: false, message: 'request failed: 404 Not Found' }
          : { ok: true, body: profile.value },
        label: createdBy,
      };
    }
  }
  return { creator: Object.keys(errors).length > 0 ? undefined : creator, request, errors };
}
