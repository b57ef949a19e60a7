import { afterEach, describe, expect, it, vi } from 'vitest';
import { policySchema } from '@/lib/api/guardian/policy-schema';
import { writeCliFile } from '@/lib/policy-file';
import type { PolicyFileAnswer, PolicyFileRequest } from './policy-file-protocol';
import { PolicyFileReader } from './policy-file-reader';
import { screenBytes } from './screen-file';
import type { SourceFile } from './source-file';

const text = writeCliFile(
  policySchema.parse({
    id: 'kept',
    version: 2,
    steps: [{ name: 's', strategy: 'manual', approvers: ['a@example.com'] }],
  }),
  { dialect: 'raystack' },
).text;

function file(path: string, content: string): SourceFile {
  const bytes = new TextEncoder().encode(content);
  return { path, size: bytes.length, bytes: vi.fn(async () => bytes.slice().buffer) };
}

/** A Worker as the browser has one, running the reading as policy-file-worker.ts does. */
class FakeWorker extends EventTarget {
  static started = 0;
  static transferred: unknown[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.started++;
  }
  postMessage(request: PolicyFileRequest, transfer: Transferable[]) {
    FakeWorker.transferred.push(...transfer);
    const answer: PolicyFileAnswer = { id: request.id, screened: screenBytes(request.bytes, request.format) };
    // The first request is answered last: each answer must find its own file.
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: answer })), request.id === 1 ? 5 : 0);
  }
  terminate() {
    this.terminated = true;
  }
}

/** A Worker whose script never loads. */
class BrokenWorker extends EventTarget {
  postMessage() {
    setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'no script' })), 0);
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.started = 0;
  FakeWorker.transferred = [];
});

describe('PolicyFileReader', () => {
  it('reads policy files in one worker, several at once, the bytes moved there, and says what needs no reading here', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const reader = new PolicyFileReader();
    const [policy, broken] = await Promise.all([
      reader.screen(file('a/kept.yaml', text)),
      reader.screen(file('a/broken.yaml', 'id: [oops')),
    ]);
    const readme = file('a/README.md', '# hi');
    const notPolicy = await reader.screen(readme);
    reader.close();
    expect(policy).toMatchObject({ ok: true, reading: { ok: true, policy: { id: 'kept' } } });
    expect(broken).toMatchObject({ ok: true, reading: { ok: false, problem: 'syntax' } });
    expect(notPolicy).toMatchObject({ ok: false, problem: 'not-a-policy-file' });
    expect(readme.bytes).not.toHaveBeenCalled();
    expect(FakeWorker.started).toBe(1);
    expect(FakeWorker.transferred).toHaveLength(2);
  });

  it('reads in this thread when the worker cannot start, and keeps doing so', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    const reader = new PolicyFileReader();
    const first = file('kept.yaml', text);
    expect(await reader.screen(first)).toMatchObject({ ok: true, reading: { ok: true, policy: { id: 'kept' } } });
    expect(first.bytes).toHaveBeenCalledTimes(2);
    const second = file('kept.yaml', text);
    expect(await reader.screen(second)).toMatchObject({ ok: true, reading: { ok: true } });
    expect(second.bytes).toHaveBeenCalledTimes(1);
  });
});
