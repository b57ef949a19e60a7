import { afterEach, describe, expect, it } from 'vitest';
import { getSettings, resetSettings, updateSettings } from '../src/lib/settings';
import { linkExprTarget } from './settings-link';
import { applyConfig } from './state/controls';
import { MockState } from './state/mock-state';

describe('the demo’s expression target: one setting for the console and the mock', () => {
  afterEach(() => resetSettings());

  it('starts from the mock’s engine, then carries a change on either side to the other', () => {
    const state = new MockState({ config: { exprTarget: 'guardian-1.15' } });
    const unlink = linkExprTarget(state);
    expect(getSettings().exprTarget).toBe('guardian-1.15');

    updateSettings({ exprTarget: 'guardian-1.12' }); // Settings › Expressions
    expect(state.config.exprTarget).toBe('guardian-1.12');

    applyConfig(state, { exprTarget: 'expr-latest' }); // the mock bar, or a test's setConfig
    expect(getSettings().exprTarget).toBe('expr-latest');

    state.reset(); // back to this mock's default engine
    expect(getSettings().exprTarget).toBe('guardian-1.15');
    unlink();
    updateSettings({ exprTarget: 'guardian-1.12' });
    expect(state.config.exprTarget).toBe('guardian-1.15');
  });
});
