import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { chooseEncoding, createCompressor } from './compression.ts';
import { EncodedBodyCache } from './encoded-body-cache.ts';
import { FRAME_HEADERS } from './frame-headers.ts';

/** A built script or stylesheet: its name carries a hash of its content, so its bytes never change. */
const BUILT_ASSET = /^\/assets\/[\w.-]+\.(js|css)$/;
const CONTENT_TYPES = { js: 'text/javascript', css: 'text/css' } as const;

/**
 * For `vite preview`: a built script or stylesheet goes out compressed from memory, compressed once
 * when first asked for, as a CDN or nginx's `gzip_static` serves them. Vite's own preview
 * compresses every file again for every request, one after another on the server's threads: a
 * first load's seven files (~400 kB) were ~60 ms of compression before the last one left. Anything
 * else, and a client that takes no compression, falls through to Vite.
 */
export function compressedAssets(root: string) {
  const cache = new EncodedBodyCache(64 * 1024 * 1024);
  const compressing = new Map<string, Promise<Buffer | undefined>>();
  const compressed = (file: string, encoding: 'br' | 'gzip') => {
    const key = `${encoding} ${file}`;
    const kept = cache.get(key);
    if (kept) return Promise.resolve(kept);
    let pending = compressing.get(key);
    if (!pending) {
      pending = readFile(file)
        .then((bytes) => compress(bytes, encoding))
        .then(
          (body) => (cache.set(key, body), body),
          () => undefined,
        )
        .finally(() => compressing.delete(key));
      compressing.set(key, pending);
    }
    return pending;
  };
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0]!;
    const type = BUILT_ASSET.exec(path)?.[1] as keyof typeof CONTENT_TYPES | undefined;
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type || !encoding) return next();
    void compressed(join(root, path), encoding).then((body) => {
      if (!body) return next();
      res.writeHead(200, {
        ...FRAME_HEADERS,
        'Content-Type': CONTENT_TYPES[type],
        'Content-Encoding': encoding,
        'Content-Length': String(body.length),
        Vary: 'Accept-Encoding',
        // Its name changes with its bytes: a returning browser uses its copy without asking again.
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  };
}

function compress(bytes: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const compressor = createCompressor(encoding, bytes.length);
    compressor.on('data', (part: Buffer) => parts.push(part));
    compressor.on('end', () => resolve(Buffer.concat(parts)));
    compressor.on('error', reject);
    compressor.end(bytes);
  });
}
