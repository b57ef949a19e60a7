import { useCallback, useEffect, useState } from 'react';
import type { FaultState } from '../faults/fault-store';
import { targetLabel } from '../../src/lib/expr/targets';
import { useSettings } from '../../src/lib/settings';
import type { MockConfig } from '../state/config';
import { DataControls } from './data-controls';
import { FaultControls } from './fault-controls';
import { afterMockStartIdle, mockApi } from './mock-api';
import './mock-panel.css';

function summaryText(config: MockConfig | null): string {
  if (!config) return 'loading…';
  const parts = [
    `${config.userCount.toLocaleString('en-US')} users`,
    `${config.latencyMs} ms latency`,
    targetLabel(config.exprTarget),
  ];
  return parts.join(' · ');
}

/**
 * The demo's "Mock backend" bar: what the mock is doing, and a disclosure with its controls. Lazily
 * loaded by the app layout in demo builds only; it drives the mock over /__mock/*, as tests do.
 */
export default function MockPanel() {
  const [readConfig, setConfig] = useState<MockConfig | null>(null);
  // The target is one setting with Settings › Expressions (mocks/settings-link.ts): shown as it is now.
  const { exprTarget } = useSettings();
  const config = readConfig && { ...readConfig, exprTarget };
  const [faults, setFaults] = useState<FaultState | null>(null);
  const [message, setMessage] = useState('');
  const [unreachable, setUnreachable] = useState('');

  useEffect(() => {
    let live = true;
    // The bar is secondary: its first read waits until the mock answers and the page is idle, so
    // the view's own first requests go through the mock ahead of it.
    afterMockStartIdle()
      .then(() => Promise.all([mockApi.config(), mockApi.faults()]))
      .then(([c, f]) => {
        if (!live) return;
        setConfig(c);
        setFaults(f);
      })
      .catch((error: unknown) => {
        if (!live) return;
        // In the bar itself, not only in the folded body: without the mock, every view fails.
        setUnreachable(`not answering: ${error instanceof Error ? error.message : String(error)}`);
        setMessage(`The mock did not answer: ${String(error)}`);
      });
    return () => {
      live = false;
    };
  }, []);

  const run = useCallback(async <T,>(action: () => Promise<T>, done: (value: T) => void, said: string) => {
    try {
      done(await action());
      setMessage(said);
    } catch (error) {
      setMessage(`Refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, []);

  const faultCount = faults ? faults.rules.length + (faults.errorRate > 0 ? 1 : 0) + (faults.latencyMs > 0 ? 1 : 0) : 0;

  const reset = async () => {
    if (!window.confirm('Reset the mock? Policies you created, tests you started and all faults are removed.')) return;
    await mockApi.reset();
    window.location.reload();
  };

  return (
    <section className="mock-panel" aria-label="Mock backend">
      {/* Faults are also set from tests and the console, and count down as they fire: reread on opening. */}
      <details
        onToggle={(event) => {
          if (event.currentTarget.open) mockApi.faults().then(setFaults, () => undefined);
        }}
      >
        <summary>
          <span className="mock-panel__badge">Mock backend</span>
          {unreachable ? (
            <span className="mock-panel__faulty">{unreachable}</span>
          ) : (
            <span className="mock-panel__summary">{summaryText(config)}</span>
          )}
          {faultCount > 0 && (
            <span className="mock-panel__faulty">
              {faultCount === 1 ? '1 fault active' : `${faultCount} faults active`}
            </span>
          )}
        </summary>
        <div className="mock-panel__body">
          {config && (
            <DataControls
              key={config.exprTarget}
              config={config}
              onApply={(partial) =>
                run(() => mockApi.setConfig(partial), setConfig, 'Settings applied; new tests use them.')
              }
            />
          )}
          {faults && (
            <FaultControls
              faults={faults}
              onSetGlobal={(partial) => run(() => mockApi.setFaults(partial), setFaults, 'Network settings applied.')}
              onAdd={(rule) => run(() => mockApi.addFault(rule), setFaults, `Fault added on ${rule.route}.`)}
              onRemove={(id) => run(() => mockApi.removeFault(id), setFaults, 'Fault removed.')}
              onClear={() => run(() => mockApi.clearFaults(), setFaults, 'All faults cleared.')}
            />
          )}
          <fieldset className="mock-panel__group">
            <legend>Reset</legend>
            <button type="button" className="button button--small button--danger" onClick={() => void reset()}>
              Reset mock data
            </button>
          </fieldset>
          <p className="mock-panel__status" role="status" aria-live="polite">
            {message}
          </p>
        </div>
      </details>
    </section>
  );
}
