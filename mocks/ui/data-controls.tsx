import { useId, useState, type FormEvent } from 'react';
import { TARGETS } from '../../src/lib/expr/targets';
import type { MockConfig } from '../state/config';
import { NumberField } from './number-field';

/** Directory size, processing rate, latency and expression runtime: apply together. */
export function DataControls({
  config,
  onApply,
}: {
  config: MockConfig;
  onApply: (partial: Partial<MockConfig>) => Promise<void>;
}) {
  const id = useId();
  const [users, setUsers] = useState(String(config.userCount));
  const [rate, setRate] = useState(String(config.usersPerSecond));
  const [latency, setLatency] = useState(String(config.latencyMs));
  const [target, setTarget] = useState(config.exprTarget);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onApply({
      userCount: Number(users),
      usersPerSecond: Number(rate),
      latencyMs: Number(latency),
      exprTarget: target,
    });
  };

  return (
    <form onSubmit={submit}>
      <fieldset className="mock-panel__group">
        <legend>Data</legend>
        <NumberField
          id={`${id}-users`}
          label="Users in directory"
          value={users}
          onChange={setUsers}
          min={1000}
          max={1000000}
          step={1000}
          presets={[1000, 5000, 10000, 100000, 1000000]}
        />
        <NumberField
          id={`${id}-rate`}
          label="Users per second (0 = auto)"
          value={rate}
          onChange={setRate}
          min={0}
          step={100}
        />
        <NumberField
          id={`${id}-latency`}
          label="Latency (ms)"
          value={latency}
          onChange={setLatency}
          min={0}
          max={60000}
          step={50}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-target`}>
            Expression engine (one setting with Settings › Guardian)
          </label>
          <select
            id={`${id}-target`}
            className="select"
            value={target}
            onChange={(e) => setTarget(e.target.value as MockConfig['exprTarget'])}
          >
            {TARGETS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--small">
          Apply
        </button>
      </fieldset>
    </form>
  );
}
