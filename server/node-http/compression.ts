import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/**
 * HTTP compression for the servers we ship (the mock HTTP server, the runner, `vite preview`'s proxy):
 * JSON compresses 10–15× (a 68.7 MB policy list to ~4 MB), which is most of a large answer's time
 * on a real network and most of a phone's first load. Node's own zlib, no dependency.
 */
export type Encoding = 'br' | 'gzip';

/** Smaller answers gain less than the headers cost. */
const MIN_COMPRESSED_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|javascript|[\w.+-]*\+json)|text\/)/i;

function isCompressible(contentType: string | null | undefined): boolean {
  return COMPRESSIBLE.test(contentType ?? '');
}

/** The encoding to answer with, from `Accept-Encoding` (brotli first; `q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | string[] | null | undefined): Encoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    accepted.set(name, Number.isFinite(quality) ? quality : 0);
  }
  const wants = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return undefined;
}

/**
 * A compressor for a body of about `size` bytes: brotli at quality 5 (as good as gzip -9 and as
 * fast as gzip -6 on JSON); quality 4 for very large bodies (68 MB in ~0.2 s of one core).
 */
export function createCompressor(encoding: Encoding, size = 0): Transform {
  if (encoding === 'gzip') return createGzip({ level: size > 8_000_000 ? 4 : 6 });
  return createBrotliCompress({
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: size > 8_000_000 ? 4 : 5,
      ...(size > 0 ? { [constants.BROTLI_PARAM_SIZE_HINT]: size } : {}),
    },
  });
}

/** Whether a finished answer should go out compressed (and how), given the request that asked for it. */
export function encodingFor(
  req: Pick<IncomingMessage, 'headers' | 'method'>,
  status: number,
  headers: { contentType?: string | null; contentEncoding?: string | null; size?: number },
): Encoding | undefined {
  if (req.method === 'HEAD' || status === 204 || status === 304) return undefined;
  if (headers.contentEncoding || !isCompressible(headers.contentType)) return undefined;
  if (headers.size !== undefined && headers.size < MIN_COMPRESSED_BYTES) return undefined;
  return chooseEncoding(req.headers['accept-encoding']);
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

/**
 * For `vite preview`'s proxy (`selfHandleResponse: true`): relays an upstream answer, compressing
 * JSON that the upstream (a Guardian or Cloudflare-shaped server) sent uncompressed. Streams: a large
 * list starts reaching the browser with its first bytes.
 */
export function relayCompressed(upstream: IncomingMessage, req: IncomingMessage, res: ServerResponse): void {
  const length = Number(upstream.headers['content-length']);
  const encoding = encodingFor(req, upstream.statusCode ?? 502, {
    contentType: upstream.headers['content-type'],
    contentEncoding: upstream.headers['content-encoding'],
    size: Number.isFinite(length) ? length : undefined,
  });
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    if (encoding && name === 'content-length') continue;
    res.setHeader(name, value);
  }
  if (encoding) {
    res.setHeader('content-encoding', encoding);
    res.setHeader('vary', appendVary(res.getHeader('vary')));
  }
  res.writeHead(upstream.statusCode ?? 502, upstream.statusMessage);
  const body: Readable = encoding ? upstream.pipe(createCompressor(encoding, length || 0)) : upstream;
  body.pipe(res);
  upstream.on('error', () => res.destroy());
  req.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
}

function appendVary(current: number | string | string[] | undefined): string {
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return values.some((v) => v.toLowerCase() === 'accept-encoding')
    ? values.join(', ')
    : [...values, 'Accept-Encoding'].join(', ');
}
