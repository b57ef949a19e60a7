import type { TestCase } from '../cases/test-case';
import type { TraceForm } from './trace-params';

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
