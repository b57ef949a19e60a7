import type { PolicyFileAnswer, PolicyFileRequest } from './policy-file-protocol';
import { readBytes, screenByName, screenBytes, type ScreenedFile } from './screen-file';
import type { SourceFile } from './source-file';

/**
 * Reads policy files for one plan in a Web Worker (policy-file-worker.ts), one at a time: the page
 * only learns what each holds. Where there are no workers (unit tests), or the worker cannot
 * start, files are read in this thread. `close` ends the worker.
 */
export class PolicyFileReader {
  private worker: Worker | undefined;
  private broken = typeof Worker === 'undefined';
  private nextId = 0;

  async screen(file: SourceFile): Promise<ScreenedFile> {
    const byName = screenByName(file);
    if (!byName.ok) return byName;
    const read = await readBytes(file);
    if (!read.ok) return read;
    if (this.broken) return screenBytes(read.bytes, byName.format);
    // The bytes move to the worker; should it fail, the file is read again here.
    const answer = await this.inWorker({ id: ++this.nextId, bytes: read.bytes, format: byName.format });
    if (answer) return answer;
    const again = await readBytes(file);
    return again.ok ? screenBytes(again.bytes, byName.format) : again;
  }

  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** The worker's reading, or undefined when it could not give one (then this thread reads). */
  private inWorker(request: PolicyFileRequest): Promise<ScreenedFile | undefined> {
    let worker: Worker;
    try {
      worker = this.worker ??= new Worker(new URL('./policy-file-worker.ts', import.meta.url), {
        type: 'module',
        name: 'policy-files',
      });
    } catch {
      this.broken = true;
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => {
      const done = (screened: ScreenedFile | undefined) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        resolve(screened);
      };
      const onMessage = (event: MessageEvent<PolicyFileAnswer>) => {
        if (event.data.id !== request.id) return;
        done('screened' in event.data ? event.data.screened : undefined);
      };
      // The worker's script did not load (an offline chunk, a proxy that refuses it): read here instead.
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        this.broken = true;
        this.close();
        done(undefined);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage(request, [request.bytes]);
    });
  }
}
