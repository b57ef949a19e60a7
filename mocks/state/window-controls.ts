import type { MockConfig } from './config';
import * as controls from './controls';
import type { MockState } from './mock-state';
import type { FaultRule, FaultState } from '../faults/fault-store';

/**
 * `window.__policyConsoleMock` in the demo, for Playwright: the same controls as `/__mock/*`.
 * Setters throw with the problems when a value is refused.
 */
export interface PolicyConsoleMock {
  getConfig(): MockConfig;
  setConfig(partial: Partial<MockConfig>): MockConfig;
  getFaults(): FaultState;
  setFaults(partial: Partial<FaultState>): FaultState;
  addFault(rule: Omit<FaultRule, 'id' | 'fault'> & { fault: FaultRule['fault'] | number; id?: string }): FaultRule;
  removeFault(id: string): FaultState;
  clearFaults(): FaultState;
  reset(): void;
  state(): ReturnType<typeof controls.describeMock>;
}

function unwrap<T>(result: controls.ControlResult<T>): T {
  if (!result.ok) throw new Error(`Mock refused: ${result.problems.join('; ')}`);
  return result.value;
}

export function windowControls(state: MockState): PolicyConsoleMock {
  return {
    getConfig: () => structuredClone(state.config),
    setConfig: (partial) => unwrap(controls.applyConfig(state, partial)),
    getFaults: () => structuredClone(state.faults.state),
    setFaults: (partial) => unwrap(controls.applyFaults(state, partial)),
    addFault: (rule) => unwrap(controls.addFaults(state, rule))[0]!,
    removeFault: (id) => controls.removeFault(state, id),
    clearFaults: () => controls.clearFaults(state),
    reset: () => state.reset(),
    state: () => controls.describeMock(state),
  };
}
