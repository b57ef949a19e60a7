// The ports of the e2e web servers, movable so that several runs can share one machine. Read by
// playwright.config.ts (to start the servers) and scripts/test.mjs (to check the ports first).

/** @param {Record<string, string | undefined>} env */
export function e2ePorts(env = process.env) {
  return {
    demo: Number(env.E2E_DEMO_PORT ?? 4173),
    prod: Number(env.E2E_PROD_PORT ?? 4174),
    mock: Number(env.E2E_MOCK_PORT ?? 8787),
    runner: Number(env.E2E_RUNNER_PORT ?? 8789),
    runnerApp: Number(env.E2E_RUNNER_APP_PORT ?? 4175),
  };
}

/** Set by scripts/e2e-server.mjs on the servers it starts, so that a leftover one can be told from anything else. */
export const E2E_SERVER_MARK = 'POLICY_CONSOLE_E2E_SERVER';
