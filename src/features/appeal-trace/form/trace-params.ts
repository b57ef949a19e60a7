/**
 * The trace form lives in the URL, so a link reproduces the trace. Absent resource fields mean the
 * policy's defaults; every value is text, checked when the trace is built.
 */
export type CreatorSource = 'sample' | 'user' | 'json';

export interface TraceForm {
  source: CreatorSource;
  sample: string | null;
  user: string;
  profile: string | null;
  lookupFails: boolean;
  email: string;
  providerType: string | null;
  providerUrn: string | null;
  resourceType: string | null;
  resourceUrn: string | null;
  details: string | null;
  role: string | null;
  compare: boolean;
  /** The evaluation time (ISO 8601), so a link gives the same trace later; null = when the page opened. */
  at: string | null;
}

/** URL parameter of each form field. */
const PARAMS = {
  source: 'creator',
  sample: 'sample',
  user: 'user',
  profile: 'profile',
  lookupFails: 'lookup',
  email: 'email',
  providerType: 'provider_type',
  providerUrn: 'provider_urn',
  resourceType: 'resource_type',
  resourceUrn: 'urn',
  details: 'details',
  role: 'role',
  compare: 'targets',
  at: 'at',
} as const satisfies Record<keyof TraceForm, string>;

const MAX_PARAM = 20_000;
const clip = (value: string | null) => (value === null ? null : value.slice(0, MAX_PARAM));

export function readTraceForm(params: URLSearchParams): TraceForm {
  const source = params.get(PARAMS.source);
  return {
    source: source === 'user' || source === 'json' ? source : 'sample',
    sample: params.get(PARAMS.sample),
    user: clip(params.get(PARAMS.user)) ?? '',
    profile: clip(params.get(PARAMS.profile)),
    lookupFails: params.get(PARAMS.lookupFails) === 'fails',
    email: clip(params.get(PARAMS.email)) ?? '',
    providerType: clip(params.get(PARAMS.providerType)),
    providerUrn: clip(params.get(PARAMS.providerUrn)),
    resourceType: clip(params.get(PARAMS.resourceType)),
    resourceUrn: clip(params.get(PARAMS.resourceUrn)),
    details: clip(params.get(PARAMS.details)),
    role: clip(params.get(PARAMS.role)),
    compare: params.get(PARAMS.compare) === 'all',
    at: clip(params.get(PARAMS.at)),
  };
}

/** The parameters with `patch` applied; defaults (and empty text) are left out of the URL. */
export function withTraceForm(params: URLSearchParams, patch: Partial<TraceForm>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch) as [keyof TraceForm, TraceForm[keyof TraceForm]][]) {
    const name = PARAMS[key];
    const flag = key === 'lookupFails' ? 'fails' : key === 'compare' ? 'all' : undefined;
    if (flag !== undefined) {
      if (value) next.set(name, flag);
      else next.delete(name);
    } else if (key === 'source' && value === 'sample') next.delete(name);
    else if (value === null || (value === '' && (key === 'user' || key === 'email'))) next.delete(name);
    else next.set(name, String(value));
  }
  return next;
}
