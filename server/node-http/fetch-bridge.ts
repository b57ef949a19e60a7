import type { IncomingMessage, ServerResponse } from 'node:http';
import { FRAME_HEADERS } from './frame-headers';

/**
 * Node's HTTP server speaks IncomingMessage / ServerResponse; our handlers speak Fetch `Request` /
 * `Response`. These two functions are the whole bridge, shared by the mock HTTP server and the runner.
 */
export async function toFetchRequest(req: IncomingMessage, origin: string, signal?: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: body ? new Uint8Array(body) : undefined,
    signal,
  });
}

export async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = { ...FRAME_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
