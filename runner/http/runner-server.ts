import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { PolicyTestsApi } from '../../server/policy-tests-api';
import { sendFetchResponse, toFetchRequest } from '../../server/node-http/fetch-bridge';

/**
 * The runner's HTTP server: the policy-tests API under /client/v4, `GET /healthz` for probes, JSON
 * 404s elsewhere. Request bodies are capped and slow clients timed out, so nothing hangs.
 */
export interface RunnerServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export async function startRunnerServer(options: {
  api: PolicyTestsApi;
  host: string;
  port: number;
  health: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  log?: (line: string) => void;
}): Promise<RunnerServer> {
  const sockets = new Set<Socket>();
  let origin = '';
  const log = options.log ?? ((line: string) => console.error(line));

  async function answer(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/client/v4/')) return options.api.handle(request);
    if (path === '/healthz' && request.method === 'GET') return json(200, await options.health());
    return json(404, { error: `no route for ${request.method} ${path}` });
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > MAX_BODY_BYTES) {
          await sendFetchResponse(
            json(413, {
              success: false,
              errors: [{ code: 10413, message: 'Request body too large (1 MB at most)' }],
              messages: [],
              result: null,
            }),
            res,
          );
          req.destroy();
          return;
        }
        const request = await toFetchRequest(req, origin);
        // Compressed when the client asks (a 1,000-row users page is ~100 kB of JSON).
        await sendFetchResponse(await answer(request), res, { req });
      } catch (error) {
        log(
          `request ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        if (!res.headersSent)
          await sendFetchResponse(
            json(500, {
              success: false,
              errors: [{ code: 10500, message: 'Internal server error' }],
              messages: [],
              result: null,
            }),
            res,
          ).catch(() => res.destroy());
        else res.destroy();
      }
    })();
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  origin = `http://${urlHost}:${port}`;
  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
