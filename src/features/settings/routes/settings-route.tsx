import { useId, type ReactNode } from 'react';
import { TARGETS } from '@/lib/expr';
import { isMockMode, resetSettings, updateSettings, useSettings, type Settings } from '@/lib/settings';
import '../settings.css';
import { PageHeader } from '@/components/page-header/page-header';

function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
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

function TextSetting({
  name,
  label,
  hint,
  type = 'text',
  placeholder,
}: {
  name: keyof Settings;
  label: string;
  hint?: string;
  type?: 'text' | 'url' | 'email' | 'password';
  placeholder?: string;
}) {
  const settings = useSettings();
  return (
    <Field label={label} hint={hint}>
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
