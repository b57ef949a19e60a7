import { useId, type ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import { connectBlocked, connectBlockedAdvice } from '@/lib/csp/connect-policy';
import { isMockMode, type Settings } from '@/lib/settings';
import { useSettingsDraft } from './settings-draft';

export function Field({
  label,
  hint,
  warning,
  children,
}: {
  label: string;
  hint?: ReactNode;
  /** A value that will not work as it is, and why. */
  warning?: string;
  children: (id: string, describedBy?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const warningId = warning ? `${id}-warning` : undefined;
  const describedBy = [warningId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(id, describedBy)}
      {warning && (
        <span className="settings__warning" id={warningId}>
          <Icon name="info" /> {warning}
        </span>
      )}
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

type TextKey = { [K in keyof Settings]: Settings[K] extends string ? K : never }[keyof Settings];

/** An endpoint this build's Content-Security-Policy does not allow: said at the field, with what to do. */
const ENDPOINT_ENV: Partial<Record<TextKey, string>> = {
  guardianUrl: 'VITE_GUARDIAN_URL',
  policyTestUrl: 'VITE_POLICY_TEST_URL',
};

function endpointWarning(name: TextKey, url: string): string | undefined {
  const envName = ENDPOINT_ENV[name];
  // The demo's mock answers in the page: its endpoints are not used.
  if (!envName || isMockMode) return undefined;
  const blocked = connectBlocked(url);
  return blocked && connectBlockedAdvice(url, envName, blocked.allowed);
}

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
    <Field label={label} hint={hint} warning={endpointWarning(name, shown[name])}>
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
