import { describe, expect, it } from 'vitest';
import { configEntries } from './config-entries';
import { parseVersionParam } from './parse-version-param';

describe('parseVersionParam', () => {
  it('accepts positive whole numbers', () => {
    expect(parseVersionParam('7')).toEqual({ kind: 'version', version: 7 });
  });
  it('reads 0 as latest, as Guardian does', () => {
    expect(parseVersionParam('0')).toEqual({ kind: 'latest' });
  });
  it.each(['abc', '-1', '1.5', '1e3', '', ' ', '9999999999', '<b>x</b>'])('refuses %j with a message', (raw) => {
    const parsed = parseVersionParam(raw);
    expect(parsed.kind).toBe('invalid');
  });
  it('shortens a very long bad value in its message', () => {
    const parsed = parseVersionParam('x'.repeat(10_000));
    expect(parsed.kind === 'invalid' && parsed.message.length).toBeLessThan(120);
  });
});

describe('configEntries', () => {
  it('flattens the config and marks secrets, including a structured one as a whole', () => {
    expect(
      configEntries({
        url: 'http://x',
        auth: { type: 'api_key', key: 'X-Key', value: 'abc' },
        credentials_json: { private_key: 'k' },
        headers: [],
      }),
    ).toEqual([
      { path: 'url', value: 'http://x', secret: false },
      { path: 'auth.type', value: 'api_key', secret: false },
      { path: 'auth.key', value: 'X-Key', secret: false },
      { path: 'auth.value', value: 'abc', secret: true },
      { path: 'credentials_json', value: '{"private_key":"k"}', secret: true },
      { path: 'headers', value: '[]', secret: false },
    ]);
  });
});
