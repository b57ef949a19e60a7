import { useId, type ReactNode } from 'react';
import type { Settings } from '@/lib/settings';
import { useSettingsDraft } from './settings-draft';

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (id: string, hintId?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(id, hintId)}
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

type TextKey = { [K in keyof Settings]: Settings[K] extends string ? K : never }[keyof Settings];

export function TextSetting({
  name,
  label,
  hint,
  type = 'text',
  placeholder,
}: {
  name: TextKey;
  label: string;
  hint?: ReactNode;
  type?: 'text' | 'url' | 'email' | 'password';
  placeholder?: string;
}) {
  const { shown, edit } = useSettingsDraft();
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) => (
        <input
          id={id}
          className="input"
          type={type}
          value={shown[name]}
          placeholder={placeholder}
          aria-describedby={hintId}
          autoComplete={type === 'password' ? 'off' : undefined}
          spellCheck={false}
          onChange={(event) => edit({ [name]: event.target.value })}
        />
      )}
    </Field>
  );
}
