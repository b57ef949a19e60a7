import { useId, type ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import { connectBlocked, connectBlockedAdvice } from '@/lib/csp/connect-policy';
import { isMockMode, type Settings } from '@/lib/settings';
import { useSettingsDraft } from './settings-draft';

function Field({
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

type EndpointKey = 'guardianUrl' | 'policyTestUrl';

/** What the console calls at each endpoint, an example of one, and the build variable that allows it. */
const ENDPOINTS: Record<EndpointKey, { apiPath: string; example: string; env: string }> = {
  guardianUrl: { apiPath: '/api/v1beta1/…', example: 'https://guardian.example.com', env: 'VITE_GUARDIAN_URL' },
  policyTestUrl: { apiPath: '/client/v4/…', example: 'https://api.cloudflare.com', env: 'VITE_POLICY_TEST_URL' },
};

/** An endpoint this build's Content-Security-Policy does not allow: said at the field, with what to do. */
function endpointWarning(name: TextKey, url: string): string | undefined {
  const envName = name in ENDPOINTS ? ENDPOINTS[name as EndpointKey].env : undefined;
  // The demo's mock answers in the page: its endpoints are not used.
  if (!envName || isMockMode) return undefined;
  const blocked = connectBlocked(url);
  return blocked && connectBlockedAdvice(url, envName, blocked.allowed);
}

/** A server's base URL: the console adds the API's path to it; empty means this origin. */
export function EndpointSetting({ name, label }: { name: EndpointKey; label: string }) {
  const { apiPath, example } = ENDPOINTS[name];
  return (
    <TextSetting
      name={name}
      label={label}
      type="url"
      placeholder={example}
      hint={`Server root; requests go to ${apiPath}. Empty = this origin (or the dev proxy).`}
    />
  );
}

type ChoiceKey = 'exprTarget' | 'authMode' | 'theme';

/** A setting chosen from a list. */
export function SelectSetting<K extends ChoiceKey>({
  name,
  label,
  hint,
  options,
}: {
  name: K;
  label: string;
  hint?: ReactNode;
  options: readonly { value: Settings[K]; label: string }[];
}) {
  const { shown, edit } = useSettingsDraft();
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) => (
        <select
          id={id}
          className="select"
          aria-describedby={hintId}
          value={shown[name]}
          onChange={(event) => edit({ [name]: event.target.value as Settings[K] })}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
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
