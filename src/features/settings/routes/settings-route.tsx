import { useId, type ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import { connectBlocked, connectBlockedAdvice } from '@/lib/csp/connect-policy';
import { TARGETS } from '@/lib/expr';
import { isMockMode, resetSettings, updateSettings, useSettings, type Settings } from '@/lib/settings';
import '../settings.css';
import { PageHeader } from '@/components/page-header/page-header';

function Field({
  label,
  hint,
  warning,
  children,
}: {
  label: string;
  hint?: string;
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

/** An endpoint this build's Content-Security-Policy does not allow: said at the field, with what to do. */
function endpointWarning(url: string, envName: string): string | undefined {
  const blocked = connectBlocked(url);
  return blocked && connectBlockedAdvice(url, envName, blocked.allowed);
}

function TextSetting({
  name,
  label,
  hint,
  warning,
  type = 'text',
  placeholder,
}: {
  name: keyof Settings;
  label: string;
  hint?: string;
  warning?: string;
  type?: 'text' | 'url' | 'email' | 'password';
  placeholder?: string;
}) {
  const settings = useSettings();
  return (
    <Field label={label} hint={hint} warning={warning}>
      {(id, hintId) => (
        <input
          id={id}
          className="input"
          type={type}
          value={String(settings[name])}
          placeholder={placeholder}
          aria-describedby={hintId}
          autoComplete={type === 'password' ? 'off' : undefined}
          spellCheck={false}
          onChange={(event) => updateSettings({ [name]: event.target.value })}
        />
      )}
    </Field>
  );
}

export function SettingsRoute() {
  const settings = useSettings();
  return (
    <section className="page settings">
      <PageHeader
        title="Settings"
        subtitle={
          isMockMode
            ? 'The console is running on the built-in mock backend; endpoints below are ignored.'
            : 'Where the console sends its requests, and who it says you are.'
        }
      />

      <form className="settings__form" onSubmit={(event) => event.preventDefault()} aria-label="Settings">
        <fieldset className="card settings__group">
          <legend>Guardian policy API</legend>
          <TextSetting
            name="guardianUrl"
            label="Guardian base URL"
            type="url"
            placeholder="https://guardian.example.com"
            hint="Server root; requests go to /api/v1beta1/…. Empty = this origin (or the dev proxy)."
            warning={isMockMode ? undefined : endpointWarning(settings.guardianUrl, 'VITE_GUARDIAN_URL')}
          />
          <TextSetting
            name="identityEmail"
            label="Identity email (X-Auth-Email)"
            type="email"
            placeholder="you@example.com"
            hint="Sent on creates and updates. Behind an auth proxy the proxy sets it instead."
          />
        </fieldset>

        <fieldset className="card settings__group">
          <legend>Cloudflare policy tests</legend>
          <TextSetting
            name="policyTestUrl"
            label="API base URL"
            type="url"
            placeholder="https://api.cloudflare.com"
            hint="Server root; requests go to /client/v4/…. Empty = this origin (or the dev proxy)."
            warning={isMockMode ? undefined : endpointWarning(settings.policyTestUrl, 'VITE_POLICY_TEST_URL')}
          />
          <TextSetting name="accountId" label="Account id" />
          <Field label="Authentication">
            {(id) => (
              <select
                id={id}
                className="select"
                value={settings.authMode}
                onChange={(e) => updateSettings({ authMode: e.target.value as Settings['authMode'] })}
              >
                <option value="token">API token (Authorization: Bearer)</option>
                <option value="key">Email + global API key</option>
              </select>
            )}
          </Field>
          {settings.authMode === 'token' ? (
            <TextSetting
              name="apiToken"
              label="API token"
              type="password"
              hint="Kept in memory only, unless you tick “remember” below."
            />
          ) : (
            <>
              <TextSetting name="authEmail" label="Account email (X-Auth-Email)" type="email" />
              <TextSetting name="apiKey" label="API key (X-Auth-Key)" type="password" />
            </>
          )}
          <label className="settings__check">
            <input
              type="checkbox"
              checked={settings.rememberCredentials}
              onChange={(e) => updateSettings({ rememberCredentials: e.target.checked })}
            />
            Remember credentials for this browser tab (session storage; gone when the tab closes)
          </label>
        </fieldset>

        <fieldset className="card settings__group">
          <legend>Expressions</legend>
          <Field
            label="Guardian server version"
            hint="Expressions are checked against what this server's expression engine can run."
          >
            {(id, hintId) => (
              <select
                id={id}
                className="select"
                aria-describedby={hintId}
                value={settings.exprTarget}
                onChange={(e) => updateSettings({ exprTarget: e.target.value as Settings['exprTarget'] })}
              >
                {TARGETS.map((target) => (
                  <option key={target.id} value={target.id}>
                    {target.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="card settings__group">
          <legend>Appearance</legend>
          <Field label="Theme">
            {(id) => (
              <select
                id={id}
                className="select"
                value={settings.theme}
                onChange={(e) => updateSettings({ theme: e.target.value as Settings['theme'] })}
              >
                <option value="system">Follow the system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            )}
          </Field>
        </fieldset>

        <div>
          <button type="button" className="button" onClick={resetSettings}>
            Reset to defaults
          </button>
        </div>
      </form>
    </section>
  );
}
