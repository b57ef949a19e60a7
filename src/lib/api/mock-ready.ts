/**
 * Demo builds only: the in-page mock backend (an MSW service worker) starts beside the first render
 * instead of before it, so API calls wait here until it answers. Production builds never set it:
 * `sendJson` only reads it behind `import.meta.env.VITE_MOCK`, which is statically false there.
 */
export type MockStartOutcome = { ok: true } | { ok: false; error: Error };

// Pure: a build without the mock (where nothing reads it) drops it.
let outcome: Promise<MockStartOutcome> = /* @__PURE__ */ Promise.resolve({ ok: true });

/** Called once at start-up with the mock's start; a failure is reported, never thrown at callers. */
export function setMockStart(started: Promise<unknown>): Promise<MockStartOutcome> {
  outcome = started.then(
    (): MockStartOutcome => ({ ok: true }),
    (error: unknown): MockStartOutcome => ({
      ok: false,
      error: error instanceof Error ? error : new Error(String(error)),
    }),
  );
  return outcome;
}

/** Settles when the mock answers requests, or failed to start (requests then go to the network). */
export function mockStarted(): Promise<MockStartOutcome> {
  return outcome;
}

/** Waits for the mock, but gives up as soon as `signal` aborts (with its reason). */
export function waitForMock(signal?: AbortSignal): Promise<MockStartOutcome> {
  if (!signal) return outcome;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void outcome.then((value) => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
  });
}
