import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { SECRET_MASK } from '@/lib/secrets';
import { updateSettings } from '@/lib/settings';
import example5 from '../../../../specs/guardian/examples/05-test-validPolicy-with-iam-basic-auth.rest-body.json';
import { createPolicy } from './create-policy';
import { updatePolicy } from './update-policy';

const GUARDIAN = 'http://guardian.test';
const sent: string[] = [];
const server = setupServer(
  http.all(`${GUARDIAN}/*`, ({ request }) => {
    sent.push(`${request.method} ${request.url}`);
    return HttpResponse.json({ policy: example5 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sent.length = 0;
});
afterAll(() => server.close());

describe('policy writes', () => {
  it('never send a masked placeholder as a secret: create, update and dry run refuse before any request', async () => {
    updateSettings({ guardianUrl: GUARDIAN, identityEmail: 'admin@example.com' });
    const masked = policySchema.parse({
      ...example5,
      iam: {
        ...example5.iam,
        config: { ...example5.iam.config, auth: { ...example5.iam.config.auth, password: SECRET_MASK } },
      },
    });
    await expect(createPolicy({ policy: masked })).rejects.toThrow(/masked value/);
    await expect(updatePolicy({ policy: masked })).rejects.toThrow(/iam\.config\.auth\.password/);
    await expect(updatePolicy({ policy: masked, dryRun: true })).rejects.toThrow(/Nothing was sent/);
    expect(sent).toEqual([]);
    await updatePolicy({ policy: policySchema.parse(example5) });
    expect(sent).toHaveLength(1);
  });
});
