import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createCompressor, encodingFor } from './compression';
import type { EncodedBodyCache } from './encoded-body-cache';
import { FRAME_HEADERS } from './frame-headers';

/**
 * Node's HTTP server speaks IncomingMessage / ServerResponse; our handlers speak Fetch `Request` /
 * `Response`. These two functions are the whole bridge, shared by the HTTP servers we ship.
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

export interface SendOptions {
  /**
   * The request being answered. With it, JSON and text go out compressed when the client accepts it
   * (brotli or gzip), and an `If-None-Match` naming the answer's ETag gets `304 Not Modified`.
   */
  req?: Pick<IncomingMessage, 'headers' | 'method'>;
  /** Encoded bodies of answers that carry an ETag, kept for the next request of the same thing. */
  cache?: EncodedBodyCache;
}

export async function sendFetchResponse(
  response: Response,
  res: ServerResponse,
  { req, cache }: SendOptions = {},
): Promise<void> {
  const headers: Record<string, string | string[]> = { ...FRAME_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;

  const etag = response.headers.get('etag');
  if (req && etag && response.ok && ifNoneMatch(req.headers['if-none-match'], etag)) {
    await response.body?.cancel();
    for (const name of ['content-type', 'content-length', 'content-encoding']) delete headers[name];
    res.writeHead(304, headers);
    res.end();
    return;
  }

  const encoding = req
    ? encodingFor(req, response.status, {
        contentType: response.headers.get('content-type'),
        contentEncoding: response.headers.get('content-encoding'),
        size: lengthOf(response),
      })
    : undefined;
  if (encoding) {
    headers['content-encoding'] = encoding;
    headers.vary = headers.vary ? `${headers.vary as string}, Accept-Encoding` : 'Accept-Encoding';
  }
  const key = etag && cache ? `${etag} ${encoding ?? 'identity'}` : undefined;
  const cached = key ? cache!.get(key) : undefined;
  if (cached) {
    await response.body?.cancel();
    headers['content-length'] = String(cached.length);
    res.writeHead(response.status, headers);
    res.end(cached);
    return;
  }

  if (!encoding || !response.body) {
    const body = Buffer.from(await response.arrayBuffer());
    headers['content-length'] = String(body.length);
    delete headers['content-encoding'];
    if (encoding) delete headers.vary;
    res.writeHead(response.status, headers);
    res.end(body);
    if (key) cache!.set(key, body);
    return;
  }

  // Compressed as it goes out: the first bytes leave before the last are compressed.
  delete headers['content-length'];
  res.writeHead(response.status, headers);
  const compressor = createCompressor(encoding, lengthOf(response) ?? 0);
  const kept: Buffer[] | undefined = key ? [] : undefined;
  if (kept) compressor.on('data', (chunk: Buffer) => kept.push(chunk));
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), compressor, res);
  if (kept) cache!.set(key!, Buffer.concat(kept));
}

function lengthOf(response: Response): number | undefined {
  const length = Number(response.headers.get('content-length') ?? NaN);
  return Number.isFinite(length) ? length : undefined;
}

/** `If-None-Match: "a", W/"b"` or `*`, compared weakly (RFC 9110 §13.1.2). */
function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = weak(etag);
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .some((tag) => tag.trim() === '*' || weak(tag) === wanted);
}
