/** The token the runner started for e2e accepts (playwright.config.ts gives it to the runner). */
export const E2E_RUNNER_TOKEN = 'e2e-runner-token-0123456789';
