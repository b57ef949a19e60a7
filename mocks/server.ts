import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { getResponse } from 'msw';
import { EncodedBodyCache } from '../server/node-http/encoded-body-cache';
import { sendFetchResponse, toFetchRequest } from '../server/node-http/fetch-bridge';
import { FRAME_HEADERS } from '../server/node-http/frame-headers';
import { createHandlers } from './handlers';
import { MockState, type MockStateOptions } from './state/mock-state';

/**
 * The mock as a real HTTP server (e2e, curl, the official `cloudflare` SDK): each request becomes a
 * Fetch `Request` answered by the same handlers through msw's `getResponse`. Loopback only. JSON
 * goes out compressed when the client accepts it; a large list is encoded once per change (by ETag).
 */
export interface MockHttpServer {
  url: string;
  port: number;
  state: MockState;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startMockHttpServer(
  options: { port?: number; host?: string; state?: MockState } & MockStateOptions = {},
): Promise<MockHttpServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new Error(`The mock server listens on loopback only (127.0.0.1, localhost, ::1), not ${host}.`);
  const state = options.state ?? new MockState(options);
  const handlers = createHandlers(state, '*');
  const sockets = new Set<Socket>();
  const cache = new EncodedBodyCache();
  let origin = '';

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await toFetchRequest(req, origin);
        const response = await getResponse(handlers, request);
        if (!response) {
          res.writeHead(404, { ...FRAME_HEADERS, 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: `no route for ${req.method} ${req.url}` }));
        } else if (response.type === 'error') {
          // HttpResponse.error(): a network failure, so drop the connection without an answer.
          req.socket.destroy();
        } else await sendFetchResponse(response, res, { req, cache });
      } catch (error) {
        // Broken off while the body was going out (say, the client left): nothing more can be said.
        if (res.headersSent) return void res.destroy();
        res.writeHead(500, { ...FRAME_HEADERS, 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host === '::1' ? '[::1]' : host;
  origin = `http://${urlHost}:${port}`;

  return {
    url: origin,
    port,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        // Requests left hanging by a `hang` fault end now, so close() does not wait for them.
        state.faults.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
