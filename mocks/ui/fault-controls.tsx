import { useId, useState, type FormEvent } from 'react';
import { ROUTE_NAMES, type FaultRule, type FaultState } from '../faults/fault-store';
import { NumberField } from './number-field';

const FAULTS = [
  { value: '500', label: 'HTTP 500' },
  { value: '503', label: 'HTTP 503' },
  { value: '429', label: 'HTTP 429 (Retry-After 2 s)' },
  { value: '401', label: 'HTTP 401' },
  { value: 'hang', label: 'Never answers' },
  { value: 'offline', label: 'Network error' },
  { value: 'malformed', label: 'Malformed JSON' },
  { value: 'schema', label: 'Wrong shape' },
] as const;

function describeRule(rule: FaultRule): string {
  const what = rule.fault === 'status' ? `HTTP ${rule.status}` : rule.fault;
  return `${rule.route} → ${what}${rule.times === undefined ? '' : ` × ${rule.times}`}`;
}

export interface FaultControlsProps {
  faults: FaultState;
  onSetGlobal: (partial: Partial<FaultState>) => Promise<void>;
  onAdd: (rule: { route: string; fault: string; times?: number }) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
  onClear: () => Promise<void>;
}

/** Error rate, extra latency, and per-route faults (route × fault × times). */
export function FaultControls({ faults, onSetGlobal, onAdd, onRemove, onClear }: FaultControlsProps) {
  const id = useId();
  const [errorRate, setErrorRate] = useState(String(Math.round(faults.errorRate * 100)));
  const [latency, setLatency] = useState(String(faults.latencyMs));
  const [route, setRoute] = useState<string>(ROUTE_NAMES[0]);
  const [fault, setFault] = useState<string>(FAULTS[0].value);
  const [times, setTimes] = useState('');

  const applyGlobal = (event: FormEvent) => {
    event.preventDefault();
    void onSetGlobal({ errorRate: Number(errorRate) / 100, latencyMs: Number(latency) });
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void onAdd({ route, fault, ...(times.trim() === '' ? {} : { times: Number(times) }) });
  };

  return (
    <>
      <form onSubmit={applyGlobal}>
        <fieldset className="mock-panel__group">
          <legend>Network</legend>
          <NumberField
            id={`${id}-error-rate`}
            label="Random errors (%)"
            value={errorRate}
            onChange={setErrorRate}
            min={0}
            max={100}
          />
          <NumberField
            id={`${id}-extra-latency`}
            label="Extra latency (ms)"
            value={latency}
            onChange={setLatency}
            min={0}
            step={100}
          />
          <button type="submit" className="button button--small">
            Apply
          </button>
        </fieldset>
      </form>
      <form onSubmit={add}>
        <fieldset className="mock-panel__group">
          <legend>Route faults</legend>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-route`}>
              Route
            </label>
            <select id={`${id}-route`} className="select" value={route} onChange={(e) => setRoute(e.target.value)}>
              {ROUTE_NAMES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value="guardian.*">guardian.* (all Guardian)</option>
              <option value="tests.*">tests.* (all policy tests)</option>
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-fault`}>
              Fault
            </label>
            <select id={`${id}-fault`} className="select" value={fault} onChange={(e) => setFault(e.target.value)}>
              {FAULTS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <NumberField
            id={`${id}-times`}
            label="Times (empty = until cleared)"
            value={times}
            onChange={setTimes}
            min={1}
          />
          <button type="submit" className="button button--small">
            Add fault
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void onClear()}
            disabled={faults.rules.length === 0 && faults.errorRate === 0 && faults.latencyMs === 0}
          >
            Clear all faults
          </button>
          {faults.rules.length > 0 && (
            <ul className="mock-panel__rules" aria-label="Active faults">
              {faults.rules.map((rule) => (
                <li key={rule.id}>
                  {describeRule(rule)}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void onRemove(rule.id)}
                    aria-label={`Remove fault ${describeRule(rule)}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </form>
    </>
  );
}
