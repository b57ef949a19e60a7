/**
 * What a request needs of its timeout. Its own timer by default (StallTimeout); a request sent from
 * a Web Worker can have its page run the timer (the catalog's worker does), on the page's clock.
 */
export interface StallTimer {
  readonly ms: number;
  /** Aborts, with a TimeoutError, when the time is up. */
  readonly signal: AbortSignal;
  readonly fired: boolean;
  /** Something arrived: the time starts again (nothing once fired). */
  restart(): void;
  /** The request is over: the timer is dropped. */
  clear(): void;
}

/** The error a stall timer aborts with, wherever its timer runs. */
const stallError = (ms: number) => new DOMException(`Nothing arrived for ${ms} ms.`, 'TimeoutError');

/** What every stall timer shares, wherever its time is kept: its signal, and how it fires. */
export abstract class StallSignal {
  private readonly controller = new AbortController();

  constructor(readonly ms: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get fired(): boolean {
    return this.controller.signal.aborted;
  }

  /** The time ran out: the request aborts with a TimeoutError. */
  fire(): void {
    this.controller.abort(stallError(this.ms));
  }
}

/**
 * A timeout that can be restarted: a request may take this long to start answering, and its answer
 * may then pause this long between two pieces. A large answer that keeps arriving is never cut off
 * for taking long in total (a 68 MB policy list over a slow link), only one that stalls.
 */
export class StallTimeout extends StallSignal implements StallTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number) {
    super(ms);
    this.restart();
  }

  restart(): void {
    if (this.fired) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Reads a body as text, restarting `timeout` whenever a piece of it arrives. With `onText`, each
 * piece goes there as it comes and nothing is kept (the result is then '').
 */
export async function readTextRestarting(
  response: Response,
  timeout: StallTimer,
  onText?: (piece: string) => void,
): Promise<string> {
  if (!response.body) {
    const text = await response.text();
    if (!onText) return text;
    onText(text);
    return '';
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  const take = onText ?? ((piece: string) => parts.push(piece));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      timeout.restart();
      take(decoder.decode(value, { stream: true }));
    }
    take(decoder.decode());
  } catch (error) {
    // A reader that refused a piece stops the download too.
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  return parts.join('');
}
