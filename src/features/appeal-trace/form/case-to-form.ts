import type { TestCase } from '../cases/test-case';
import { withTraceForm, type TraceForm } from './trace-params';

/** A saved case as trace form fields: the profile pasted, the resource typed in. */
export function caseToForm(testCase: TestCase): Partial<TraceForm> {
  const r = testCase.request.resource;
  return {
    source: 'json',
    profile: JSON.stringify(testCase.iam.ok ? testCase.iam.body : {}, null, 2),
    lookupFails: !testCase.iam.ok,
    email: testCase.createdBy,
    providerType: r.providerType,
    providerUrn: r.providerUrn,
    resourceType: r.type,
    resourceUrn: r.urn,
    details: JSON.stringify(r.details, null, 2),
    role: testCase.request.role,
    at: testCase.at,
  };
}

/** The trace view's query that loads a case, for a link to its trace on a saved version. */
export const caseTraceQuery = (testCase: TestCase): string =>
  withTraceForm(new URLSearchParams(), caseToForm(testCase)).toString();
