import { readConfig } from './config/read-config';
import { startRunner } from './start-runner';

/** `npm run runner`: every setting checked first (exit 2 with one line per problem), then serve. */
const result = readConfig(process.env);
if (!result.ok) {
  for (const problem of result.problems) console.error(`runner: ${problem}`);
  process.exit(2);
}
const config = result.config;
for (const warning of config.warnings) console.warn(`runner: warning: ${warning}`);

try {
  const runner = await startRunner(config);
  const where = config.storage.kind === 'pglite' ? `PGlite in ${config.storage.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`Guardian test runner listening on ${runner.server.url}`);
  console.log(`  Policy tests: ${runner.server.url}/client/v4/accounts/<account_id>/access/policy-tests`);
  console.log(`  Policies:     ${config.guardian ? config.guardian.url.href : 'the built-in example catalog'}`);
  console.log(
    `  Directory:    ${runner.directory.get().label} (${runner.directory.get().size.toLocaleString('en-US')} users)`,
  );
  console.log(`  Storage:      ${where}`);
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      void runner.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error(`runner: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
