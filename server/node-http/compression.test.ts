import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync } from 'node:zlib';
import { chooseEncoding, encodingFor, relayCompressed } from './compression';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding(['gzip', 'br'])).toBe('br');
  });

  it('compresses JSON and text of some size only, never twice, never a HEAD or a 304', () => {
    const req = { method: 'GET', headers: { 'accept-encoding': 'br' } };
    const json = { contentType: 'application/json; charset=utf-8', size: 5000 };
    expect(encodingFor(req, 200, json)).toBe('br');
    expect(encodingFor(req, 500, json)).toBe('br');
    expect(encodingFor(req, 200, { ...json, size: 100 })).toBeUndefined();
    expect(encodingFor(req, 200, { ...json, contentType: 'image/png' })).toBeUndefined();
    expect(encodingFor(req, 200, { ...json, contentEncoding: 'gzip' })).toBeUndefined();
    expect(encodingFor({ ...req, method: 'HEAD' }, 200, json)).toBeUndefined();
    expect(encodingFor(req, 304, json)).toBeUndefined();
  });
});

describe('relayCompressed (vite preview’s proxy)', () => {
  const body = JSON.stringify({ policies: Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, version: 1 })) });
  let upstream: Server;
  let proxy: Server;
  let origin = '';
  const listen = (server: Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      if (req.url === '/already') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return res.end('not really gzip');
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-kept': 'yes',
      });
      res.end(body);
    });
    const upstreamPort = await listen(upstream);
    proxy = createServer((req, res) => {
      request(`http://127.0.0.1:${upstreamPort}${req.url}`, { headers: req.headers }, (up) =>
        relayCompressed(up, req, res),
      ).end();
    });
    origin = `http://127.0.0.1:${await listen(proxy)}`;
  });
  afterAll(() => {
    proxy.close();
    upstream.close();
  });

  const get = (path: string, headers: Record<string, string>) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      request(`${origin}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  it('compresses an uncompressed JSON answer, keeps its other headers, and drops the stale length', async () => {
    const answer = await get('/policies', { 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['x-kept']).toBe('yes');
    expect(brotliDecompressSync(answer.body).toString()).toBe(body);
  });

  it('passes through what the client cannot decode, or what is encoded already', async () => {
    const plain = await get('/policies', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(body);
    const already = await get('/already', { 'accept-encoding': 'br' });
    expect(already.headers['content-encoding']).toBe('gzip');
    expect(already.body.toString()).toBe('not really gzip');
  });
});
