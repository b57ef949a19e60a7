import { describe, expect, it } from 'vitest';
import { Directory } from '../directory/directory';
import { DEFAULT_CONFIG } from '../state/config';
import { ACCOUNT, BEARER, ORIGIN, setupNodeMock } from '../test/harness';

setupNodeMock();

const DIRECTORY = `${ORIGIN}/client/v4/accounts/${ACCOUNT}/access/policy-test-directory`;
const people = new Directory(DEFAULT_CONFIG.seed, DEFAULT_CONFIG.userCount, DEFAULT_CONFIG.hostileNames);
type Envelope = { success: boolean; result: unknown; errors: { code: number; message: string }[] };
const get = async (url: string, headers: Record<string, string> = BEARER) => {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Envelope };
};

describe('the directory extension', () => {
  it('finds people by part of their email or name, at most per_page of them', async () => {
    const name = people.name(42);
    const { status, body } = await get(`${DIRECTORY}?search=${encodeURIComponent(name.slice(0, 4))}&per_page=5`);
    expect(status).toBe(200);
    const found = body.result as { email: string; name: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(5);
    for (const user of found)
      expect(`${user.email} ${user.name.toLowerCase()}`).toContain(name.slice(0, 4).toLowerCase());
    const exact = await get(`${DIRECTORY}?search=${encodeURIComponent(people.email(4321))}`);
    expect((exact.body.result as { email: string }[])[0]!.email).toBe(people.email(4321));
  });

  it('answers one person with what the IAM answers for them, or its 404', async () => {
    const { body } = await get(`${DIRECTORY}/${encodeURIComponent(people.email(7))}`);
    expect(body.result).toMatchObject({ email: people.email(7), iam: { status: 200, body: people.iamRecord(7) } });
    const unknown = Array.from({ length: 5000 }, (_, i) => i).find((i) => people.unknownToIam(i))!;
    const gone = await get(`${DIRECTORY}/${encodeURIComponent(people.email(unknown))}`);
    expect(gone.body.result).toMatchObject({ iam: { status: 404, message: 'request failed: 404 Not Found' } });
  });

  it('404s an email that is not in the directory, and wants Cloudflare credentials', async () => {
    expect((await get(`${DIRECTORY}/nobody%40example.com`)).status).toBe(404);
    expect((await get(`${DIRECTORY}/${people.email(99_999)}`)).status).toBe(404);
    expect((await get(DIRECTORY, {})).status).toBe(400);
  });
});
