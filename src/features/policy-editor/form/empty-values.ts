import type {
  AdditionalAppealValues,
  DurationOptionValues,
  IamValues,
  PolicyFormValues,
  QuestionValues,
  RequirementValues,
  StepValues,
} from './policy-form-schema';

/** Blank rows the "Add …" buttons insert, and the starting point of a new policy. */
export const emptyStep = (): StepValues => ({
  name: '',
  description: '',
  strategy: 'manual',
  when: '',
  approveIf: '',
  approvers: [{ value: '' }],
  allowFailed: false,
  rejectionReason: '',
  extras: {},
});

export const emptyAdditionalAppeal = (): AdditionalAppealValues => ({
  resourceBy: 'id',
  resourceId: '',
  providerType: '',
  providerUrn: '',
  type: '',
  urn: '',
  role: '',
  accessBy: 'default',
  duration: '',
  expirationDate: '',
  policyId: '',
  policyVersion: '',
  extras: {},
  resourceExtras: {},
  optionsExtras: {},
  policyExtras: {},
});

export const emptyRequirement = (): RequirementValues => ({
  on: {
    providerType: '',
    providerUrn: '',
    resourceType: '',
    resourceUrn: '',
    role: '',
    expression: '',
    conditions: [],
    extras: {},
  },
  appeals: [emptyAdditionalAppeal()],
  extras: {},
});

export const emptyDurationOption = (): DurationOptionValues => ({ name: '', value: '', extras: {} });

export const emptyQuestion = (): QuestionValues => ({
  key: '',
  question: '',
  required: false,
  description: '',
  extras: {},
});

export const emptyIam = (): IamValues => ({
  enabled: false,
  provider: 'http',
  url: '',
  headers: [],
  authType: '',
  username: '',
  password: '',
  apiKeyIn: 'header',
  apiKeyName: '',
  apiKeyValue: '',
  token: '',
  audience: '',
  credentialsJson: '',
  schema: [],
  extras: {},
  configExtras: {},
  authExtras: {},
});

export const emptyPolicyValues = (): PolicyFormValues => ({
  id: '',
  title: '',
  description: '',
  labels: [],
  steps: [emptyStep()],
  requirements: [],
  appeal: {
    durationOptions: [],
    allowPermanentAccess: false,
    allowActiveAccessExtensionIn: '',
    allowOnBehalf: false,
    allowCreatorDetailsFailure: false,
    questions: [],
    extras: {},
  },
  iam: emptyIam(),
  extras: {},
});
