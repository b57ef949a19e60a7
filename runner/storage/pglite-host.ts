import { PGlite } from '@electric-sql/pglite';

/**
 * The embedded database in a process of its own: PGlite (PostgreSQL in WebAssembly) holds well over
 * a hundred megabytes, which should not share a heap and an event loop with a million-user
 * directory and the HTTP server. The runner talks to it over the IPC channel, as it would talk to a
 * PostgreSQL server over a socket.
 */
export type HostCall = { op: 'query'; sql: string; params: unknown[] } | { op: 'exec'; sql: string } | { op: 'close' };
export type HostRequest = HostCall & { id: number };
export type HostAnswer = { id: number; rows?: unknown[]; error?: string } | { ready: true } | { failed: string };

const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  console.error('pglite-host: start me with fork(), the data folder as the first argument');
  process.exit(2);
}
const send = (answer: HostAnswer) => process.send!(answer);

// Small buffers: the runner keeps what it reads often in memory itself.
let db: PGlite;
try {
  db = await PGlite.create(dataDir, { postgresqlconf: ['shared_buffers=16MB', 'work_mem=4MB'] });
  send({ ready: true });
} catch (error) {
  send({ failed: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

process.on('message', (request: HostRequest) => {
  void (async () => {
    try {
      if (request.op === 'query') send({ id: request.id, rows: (await db.query(request.sql, request.params)).rows });
      else if (request.op === 'exec') {
        await db.exec(request.sql);
        send({ id: request.id });
      } else {
        await db.close();
        send({ id: request.id });
        process.exit(0);
      }
    } catch (error) {
      send({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
// The runner went away: so does its database process.
process.on('disconnect', () => void db.close().finally(() => process.exit(0)));
