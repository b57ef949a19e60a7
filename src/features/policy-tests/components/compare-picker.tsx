import { useId, useState, type FormEvent } from 'react';
import { Link } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { LabelledInput } from '@/components/labelled-input/labelled-input';
import type { RecentTest } from '../recent/recent-tests-store';

function labelOf(test: RecentTest): string {
  const when = new Date(test.startedAt ?? test.firstSeenAt).toLocaleString(undefined, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return `${test.policies.join(', ') || 'unknown policy'} · ${when}`;
}

/** Two test ids to compare, typed or picked from this browser's recent tests. */
export function ComparePicker(props: {
  a: string;
  b: string;
  recent: readonly RecentTest[];
  onPick: (a: string, b: string) => void;
  open: boolean;
}) {
  const [a, setA] = useState(props.a);
  const [b, setB] = useState(props.b);
  const listId = useId();
  /** A test id, typed or picked from the recent tests. */
  const testIdInput = (label: string, value: string, onChange: (value: string) => void) => (
    <LabelledInput
      label={label}
      className="input mono"
      list={listId}
      value={value}
      onChange={onChange}
      autoComplete="off"
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (a.trim() && b.trim()) props.onPick(a.trim(), b.trim());
  };
  return (
    <details className="card compare-picker" open={props.open}>
      <summary>{props.open ? 'Choose two tests' : 'Choose other tests'}</summary>
      <form onSubmit={submit} className="compare-picker__form">
        <datalist id={listId}>
          {props.recent.map((test) => (
            <option key={test.id} value={test.id}>
              {labelOf(test)}
            </option>
          ))}
        </datalist>
        {testIdInput('Test A (before)', a, setA)}
        <button
          type="button"
          className="button button--ghost button--icon compare-picker__swap"
          aria-label="Swap A and B"
          title="Swap A and B"
          onClick={() => {
            setA(b);
            setB(a);
          }}
        >
          <Icon name="move" />
        </button>
        {testIdInput('Test B (after)', b, setB)}
        <button
          type="submit"
          className="button button--primary"
          disabled={!a.trim() || !b.trim() || a.trim() === b.trim()}
        >
          <Icon name="compare" />
          Compare
        </button>
      </form>
      {props.recent.length === 0 && (
        <p className="muted">
          No recent tests in this browser: paste two test ids, or <Link to="/tests/new">start a test</Link>.
        </p>
      )}
    </details>
  );
}
