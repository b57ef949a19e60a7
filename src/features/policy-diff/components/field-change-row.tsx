import { Icon } from '@/components/icon/icon';
import { isEmail } from '@/lib/guardian-rules/is-email';
import type { FieldChange } from '../structural/types';
import { TextParts } from './text-parts';

const MONO = new Set(['expression', 'json', 'list', 'duration']);

function Value({ value, format }: { value: string | undefined; format: FieldChange['format'] }) {
  if (value === undefined) return <span className="muted">(not set)</span>;
  if (format === 'json') return <pre className="diff-json mono">{value}</pre>;
  return <span className={MONO.has(format) ? 'mono' : 'break-anywhere'}>{value}</span>;
}

function ListChange({ field }: { field: FieldChange }) {
  const items = field.list?.items ?? [];
  return (
    <ul className="diff-list">
      {items.map((item, i) => (
        <li key={i} className={`diff-list__item diff-list__item--${item.change}`}>
          <span className="diff-list__marker" aria-hidden="true">
            {item.change === 'added' ? '+' : item.change === 'removed' ? '−' : ' '}
          </span>
          <span className="visually-hidden">
            {item.change === 'added' ? 'added: ' : item.change === 'removed' ? 'removed: ' : 'unchanged: '}
          </span>
          <span className="mono">{item.value}</span>
          <span className="diff-list__kind muted">{isEmail(item.value) ? 'email' : 'expression'}</span>
        </li>
      ))}
      {field.list?.reordered && (
        <li className="diff-list__note muted">
          <Icon name="move" /> Order changed
        </li>
      )}
    </ul>
  );
}

/** One field of a changed thing: its name, and old → new (or the text diff). */
export function FieldChangeRow({ field }: { field: FieldChange }) {
  let body;
  if (field.secret) {
    body = (
      <span className="diff-secret">
        <Icon name="eye" /> {field.kind === 'changed' ? 'Changed' : field.kind === 'added' ? 'Set' : 'Removed'} — secret
        value, not shown
      </span>
    );
  } else if (field.list) {
    body = <ListChange field={field} />;
  } else if (field.parts && field.format === 'json') {
    body = (
      <pre className="diff-json mono">
        <TextParts parts={field.parts} />
      </pre>
    );
  } else if (field.parts) {
    body = (
      <span className={field.format === 'expression' ? 'mono' : 'break-anywhere'}>
        <TextParts parts={field.parts} />
      </span>
    );
  } else if (field.kind === 'added') {
    body = <Value value={field.after} format={field.format} />;
  } else if (field.kind === 'removed') {
    body = (
      <del className="diff-del">
        <Value value={field.before} format={field.format} />
      </del>
    );
  } else {
    body = (
      <span className="diff-from-to">
        <Value value={field.before} format={field.format} />
        <span className="diff-arrow" aria-label="changed to">
          →
        </span>
        <Value value={field.after} format={field.format} />
      </span>
    );
  }
  return (
    <div className="diff-field">
      <dt className="diff-field__name">
        {field.label}
        {field.label !== field.field && <span className="mono muted"> {field.field}</span>}
      </dt>
      <dd className="diff-field__value">{body}</dd>
    </div>
  );
}
