import { describe, expect, it } from 'vitest';
import type { ResolverOptions } from 'react-hook-form';
import { emptyPolicyValues } from './empty-values';
import type { PolicyFormValues } from './policy-form-schema';
import { createPolicyFormResolver } from './policy-form-resolver';

const resolver = createPolicyFormResolver({ isNew: true, exprTarget: 'guardian-1.12' });
const options = (names?: string[]) =>
  ({
    names,
    fields: {},
    shouldUseNativeValidation: false,
    criteriaMode: 'firstError',
  }) as unknown as ResolverOptions<PolicyFormValues>;

function noSteps(): PolicyFormValues {
  return { ...emptyPolicyValues(), id: 'no_steps', steps: [] };
}

describe('createPolicyFormResolver', () => {
  it('on submit, when react-hook-form names every mounted field, still refuses a policy with no steps', async () => {
    // A policy without steps mounts no steps.* field: only the other parts are named.
    const result = await resolver(
      noSteps(),
      undefined,
      options(['id', 'title', 'description', 'appeal.allowPermanentAccess', 'iam.enabled']),
    );
    expect(result.errors).toHaveProperty('steps');
  });

  it('for a change of one field checks only that field’s part', async () => {
    const result = await resolver(noSteps(), undefined, options(['title']));
    expect(result.errors).toEqual({});
  });
});
