import { startMockHttpServer } from './server';

/** `npm run mock:server`: the mock backend on http://127.0.0.1:$MOCK_PORT (default 8787). */
const port = Number(process.env.MOCK_PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`MOCK_PORT must be a port number, not ${JSON.stringify(process.env.MOCK_PORT)}`);
  process.exit(2);
}

const server = await startMockHttpServer({ port, host: process.env.MOCK_HOST ?? '127.0.0.1' });
console.log(`Mock backend listening on ${server.url}`);
console.log(`  Guardian:      ${server.url}/api/v1beta1/policies`);
console.log(`  Policy tests:  ${server.url}/client/v4/accounts/<account_id>/access/policy-tests`);
console.log(`  Controls:      ${server.url}/__mock/state`);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void server.close().then(() => process.exit(0));
  });
}
