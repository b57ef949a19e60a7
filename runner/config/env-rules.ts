import { parseGoDuration } from '../../src/lib/duration/parse-go-duration';

/** Small readers for environment values: each returns the value or the words of the problem. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const bad = (problem: string): Read<never> => ({ ok: false, problem });

export function readInt(raw: string, min: number, max: number): Read<number> {
  if (!/^\d+$/.test(raw.trim())) return bad(`must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  const n = Number(raw.trim());
  return n >= min && n <= max ? ok(n) : bad(`must be from ${min} to ${max}, not ${n}`);
}

/** A Go duration (`90s`, `10m`, `168h`), or whole days with `d` (`7d`), in milliseconds. */
export function readDuration(raw: string, minMs: number, maxMs: number): Read<number> {
  const text = raw.trim();
  const days = /^(\d+)d$/.exec(text);
  let ms: number;
  if (days) ms = Number(days[1]) * 86_400_000;
  else {
    const parsed = parseGoDuration(text);
    if (!parsed.ok) return bad(`must be a duration such as 30s, 10m, 168h or 7d, not ${JSON.stringify(raw)}`);
    ms = Number(parsed.nanoseconds / 1_000_000n);
  }
  if (ms < minMs || ms > maxMs) return bad(`must be from ${describeMs(minMs)} to ${describeMs(maxMs)}, not ${text}`);
  return ok(ms);
}

function describeMs(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

export function readHttpUrl(raw: string): Read<URL> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return bad(`must be an http(s) URL such as https://guardian.internal, not ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad(`must be http or https, not ${url.protocol}`);
  if (url.search || url.hash) return bad('must be the server root, without a query or fragment');
  return ok(url);
}

/** The shape Guardian's validator accepts for an email, loosely: something@domain. */
export function readEmail(raw: string): Read<string> {
  const text = raw.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
    ? ok(text)
    : bad(`must be an email address, not ${JSON.stringify(raw)}`);
}
