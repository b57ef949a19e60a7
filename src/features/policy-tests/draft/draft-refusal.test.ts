import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { draftRefusal } from './draft-refusal';

const http = (status: number, ...serverMessages: string[]) =>
  new ApiError({
    kind: 'http',
    status,
    serverMessages,
    message: 'x',
    request: { api: 'policy-tests', method: 'POST', path: '' },
  });

describe('draftRefusal', () => {
  it('Guardian’s words from our servers are the draft’s own problems, for its fields', () => {
    const message =
      "policy validation: Key: 'Policy.Steps[0].ApproveIf' Error:Field validation for 'ApproveIf' failed on the 'required_if' tag";
    expect(draftRefusal(http(422, message))).toEqual({ kind: 'invalid', message });
    expect(draftRefusal(http(422, 'parsing iam config: unknown provider type'))).toMatchObject({ kind: 'invalid' });
    expect(draftRefusal(http(400, 'proto: syntax error (line 1:10): unexpected token "x"'))).toMatchObject({
      kind: 'invalid',
    });
  });

  it('any other 400 or 422 is a server that takes no drafts; anything else an ordinary failure', () => {
    expect(draftRefusal(http(400, 'policies[0]: missing name, decision, include'))).toEqual({
      kind: 'unsupported',
      serverSays: ['policies[0]: missing name, decision, include'],
    });
    expect(draftRefusal(http(422))).toEqual({ kind: 'unsupported', serverSays: [] });
    expect(draftRefusal(http(503, 'policy validation: no'))).toMatchObject({ kind: 'failed' });
    expect(draftRefusal(new Error('boom'))).toMatchObject({ kind: 'failed' });
  });
});
