import { useId, useState, type FormEvent } from 'react';
import { TARGETS } from '../../src/lib/expr/targets';
import type { MockConfig } from '../state/config';

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
        <div className="field">
          <label className="field__label" htmlFor={`${id}-users`}>
            Users in directory
          </label>
          <input
            id={`${id}-users`}
            className="input"
            type="number"
            min={1000}
            max={1000000}
            step={1000}
            list={`${id}-user-presets`}
            value={users}
            onChange={(e) => setUsers(e.target.value)}
          />
          <datalist id={`${id}-user-presets`}>
            {[1000, 5000, 10000, 100000, 1000000].map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-rate`}>
            Users per second (0 = auto)
          </label>
          <input
            id={`${id}-rate`}
            className="input"
            type="number"
            min={0}
            step={100}
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-latency`}>
            Latency (ms)
          </label>
          <input
            id={`${id}-latency`}
            className="input"
            type="number"
            min={0}
            max={60000}
            step={50}
            value={latency}
            onChange={(e) => setLatency(e.target.value)}
          />
        </div>
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
