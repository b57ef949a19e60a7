/// <reference lib="webworker" />
// Reads dropped policy files off the page's main thread: decoding and parsing a large file (a
// 20,000-line YAML policy takes ~100 ms) would otherwise hold the page in one task.
// Zod parses without compiling here too, as in the page (src/lib/csp/zod-jitless.ts).
import '@/lib/csp/zod-jitless';
import type { PolicyFileRequest, PolicyFileAnswer } from './policy-file-protocol';
import { screenBytes } from './screen-file';

self.onmessage = (event: MessageEvent<PolicyFileRequest>) => {
  const { id, bytes, format } = event.data;
  let answer: PolicyFileAnswer;
  try {
    answer = { id, screened: screenBytes(bytes, format) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(answer);
};
