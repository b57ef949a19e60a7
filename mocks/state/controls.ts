import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import { progressAt } from '../engine/test-run';
import { FAULT_KINDS, ROUTE_NAMES, parseFaultRule, type FaultRule, type FaultState } from '../faults/fault-store';
import { updateConfig, type MockConfig } from './config';
import type { MockState } from './mock-state';

/**
 * The mock's controls as plain functions: the `/__mock/*` routes and `window.__policyConsoleMock`
 * are two thin doors onto these.
 */
export type ControlResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function applyConfig(state: MockState, input: unknown): ControlResult<MockConfig> {
  const update = updateConfig(state.config, input);
  if (!update.ok) return { ok: false, problems: update.problems };
  state.setConfig(update.config);
  return { ok: true, value: state.config };
}

/** `{latencyMs?, errorRate?, rules?}` onto the current faults (given keys replace theirs). */
export function applyFaults(state: MockState, input: unknown): ControlResult<FaultState> {
  if (!isPlainObject(input)) return { ok: false, problems: ['expected an object: {latencyMs?, errorRate?, rules?}'] };
  const next: FaultState = structuredClone(state.faults.state);
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!['latencyMs', 'errorRate', 'rules'].includes(key))
      problems.push(`unknown key "${key}" (known: latencyMs, errorRate, rules)`);
  }
  if (input.latencyMs !== undefined) {
    const v = input.latencyMs;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 600_000) next.latencyMs = v;
    else problems.push('latencyMs must be an integer from 0 to 600000');
  }
  if (input.errorRate !== undefined) {
    const v = input.errorRate;
    if (typeof v === 'number' && v >= 0 && v <= 1) next.errorRate = v;
    else problems.push('errorRate must be a number from 0 to 1');
  }
  if (input.rules !== undefined) {
    if (!Array.isArray(input.rules)) problems.push('rules must be an array');
    else {
      next.rules = [];
      input.rules.forEach((r: unknown, i: number) => {
        const parsed = parseFaultRule(r, state.faults.newRuleId());
        if (parsed.ok) next.rules.push(parsed.rule);
        else problems.push(`rules[${i}]: ${parsed.problem}`);
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  state.faults.replace(next);
  state.persistFaults();
  return { ok: true, value: state.faults.state };
}

/** Adds one rule, or an array of rules. */
export function addFaults(state: MockState, input: unknown): ControlResult<FaultRule[]> {
  const inputs: unknown[] = Array.isArray(input) ? input : [input];
  const added: FaultRule[] = [];
  const problems: string[] = [];
  inputs.forEach((item, i) => {
    const parsed = parseFaultRule(item, state.faults.newRuleId());
    if (parsed.ok) added.push(parsed.rule);
    else problems.push(inputs.length > 1 ? `[${i}]: ${parsed.problem}` : parsed.problem);
  });
  if (problems.length > 0) return { ok: false, problems };
  state.faults.replace({ ...state.faults.state, rules: [...state.faults.state.rules, ...added] });
  state.persistFaults();
  return { ok: true, value: added };
}

export function removeFault(state: MockState, id: string): FaultState {
  state.faults.replace({ ...state.faults.state, rules: state.faults.state.rules.filter((r) => r.id !== id) });
  state.persistFaults();
  return state.faults.state;
}

/** No latency, no error rate, no rules; requests left hanging end (as network errors). */
export function clearFaults(state: MockState): FaultState {
  state.faults.clear();
  state.persistFaults();
  return state.faults.state;
}

export function describeMock(state: MockState) {
  const now = state.clock.now();
  const ids = state.catalog.ids();
  return {
    config: state.config,
    catalog: {
      policies: ids.length,
      versions: ids.reduce((n, id) => n + state.catalog.latestVersion(id), 0),
      written: state.catalog.writtenVersions().map((p) => `${p.id}:${p.version}`),
    },
    tests: state.tests.records().map((r) => ({
      id: r.id,
      accountId: r.accountId,
      policies: r.policies.map((p) => (p.kind === 'guardian' ? p.ref : `inline:${String(p.policy.name)}`)),
      startedAt: new Date(r.startedAt).toISOString(),
      userCount: r.userCount,
      ...progressAt(r, now),
    })),
    faults: state.faults.state,
    routes: ROUTE_NAMES,
    faultKinds: FAULT_KINDS,
  };
}
