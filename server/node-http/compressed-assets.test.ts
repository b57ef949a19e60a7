import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedAssets } from './compressed-assets';

const SCRIPT = `export const answer = ${JSON.stringify('x'.repeat(5_000))};\n`;
let root: string;
let server: Server;
let port: number;

/** A raw request (no client-side decompression), as a browser's bytes arrive. */
function get(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(
      { port, path, headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'compressed-assets-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  const serve = compressedAssets(root);
  server = createServer((req, res) => serve(req, res, () => res.writeHead(404, { 'X-Fell-Through': '1' }).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('built assets served compressed by vite preview', () => {
  it('sends a script as brotli or gzip, the same bytes once decoded, with its type and the frame headers', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'text/javascript',
      vary: 'Accept-Encoding',
      'x-frame-options': 'DENY',
      'content-length': String(br.body.length),
      // Named by a hash of its bytes: a returning browser keeps its copy without asking again.
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);
    const gzip = await get('/assets/index-abc123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
  });

  it('compresses a file once: later requests are answered from memory', async () => {
    await get('/assets/index-abc123.js', 'br');
    // A built asset's bytes never change under its name; were it read again, this would show.
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'changed');
    const again = await get('/assets/index-abc123.js', 'br');
    expect(brotliDecompressSync(again.body).toString()).toBe(SCRIPT);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  });

  it('leaves the page, other files, missing files and clients that take no compression to Vite', async () => {
    for (const [path, encoding] of [
      ['/index.html', 'br'],
      ['/assets/missing-abc.js', 'br'],
      ['/assets/index-abc123.js', undefined],
      ['/assets/index-abc123.js', 'identity'],
      ['/assets/../index.html', 'br'],
    ] as const) {
      const answer = await get(path, encoding);
      expect(answer.headers['x-fell-through'], `${path} ${encoding}`).toBe('1');
    }
  });
});
