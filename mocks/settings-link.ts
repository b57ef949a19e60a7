import { getSettings, subscribeSettings, updateSettings } from '../src/lib/settings';
import { applyConfig } from './state/controls';
import type { MockState } from './state/mock-state';

/**
 * In the demo the mock is the Guardian server, so its expression engine and the console's
 * expression target are one setting: the editor warns about exactly what the mock's engine fails
 * on. The mock's config (kept with its state) wins at start; after that a change on either side —
 * Settings, the mock bar, a test's `setConfig` — is carried to the other.
 */
export function linkExprTarget(state: MockState): () => void {
  if (getSettings().exprTarget !== state.config.exprTarget) updateSettings({ exprTarget: state.config.exprTarget });
  const offMock = state.onConfigChange((config) => {
    if (getSettings().exprTarget !== config.exprTarget) updateSettings({ exprTarget: config.exprTarget });
  });
  const offSettings = subscribeSettings(() => {
    const { exprTarget } = getSettings();
    if (exprTarget !== state.config.exprTarget) applyConfig(state, { exprTarget });
  });
  return () => {
    offMock();
    offSettings();
  };
}
