import { useState } from 'react';
import { Icon } from '@/components/icon/icon';
import { SECRET_MASK } from '@/lib/secrets';

/** A secret shown as a mask until someone asks for it, one value at a time. */
export function SecretValue({ value, name }: { value: string; name: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="secret-value">
      {shown ? (
        <code className="mono secret-value__text">{value}</code>
      ) : (
        <span className="secret-value__mask" aria-label={`${name}: hidden secret`}>
          {SECRET_MASK}
        </span>
      )}
      <button
        type="button"
        className="button button--small button--ghost"
        aria-pressed={shown}
        aria-label={shown ? `Hide ${name}` : `Reveal ${name}`}
        onClick={() => setShown((s) => !s)}
      >
        <Icon name="eye" /> {shown ? 'Hide' : 'Reveal'}
      </button>
    </span>
  );
}
