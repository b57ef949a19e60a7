import { useCallback, useState, type FormEvent } from 'react';
import { ConfirmDialog } from '@/components/dialog';
import { TARGETS } from '@/lib/expr/targets';
import { useBlocker } from '@/lib/router/use-blocker';
import { defaultSettings, isMockMode, updateSettings, useSettings, type Settings } from '@/lib/settings';
import { applyTargetRules } from '@/lib/settings/expr-target-per-server';
import { useCheckGuardianConnection } from '../api/check-guardian-connection';
import { useCheckPolicyTestConnection } from '../api/check-policy-test-connection';
import { changedKeys, savedSentence } from '../components/changed-settings';
import { ConnectionCheck } from '../components/connection-check';
import { EndpointSetting, SelectSetting, TextSetting } from '../components/setting-fields';
import { SettingsDraftContext } from '../components/settings-draft';
import '../settings.css';
import { PageHeader } from '@/components/page-header/page-header';

const AUTH_MODES = [
  { value: 'token', label: 'API token (Authorization: Bearer)' },
  { value: 'key', label: 'Email + global API key' },
] as const;

const THEMES = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

/**
 * Settings are edited, then saved with one button that says what was saved. Until then the console
 * keeps using the saved ones; the edits show over them (a change saved in another tab still shows
 * for every field not being edited here).
 */
export function SettingsRoute() {
  const saved = useSettings();
  const [edits, setEdits] = useState<Partial<Settings>>({});
  const [said, setSaid] = useState('');
  const shown = applyTargetRules(saved, edits);
  const changed = changedKeys(saved, edits);
  const dirty = changed.length > 0;

  const edit = (patch: Partial<Settings>) => {
    setEdits((current) => ({ ...current, ...patch }));
    setSaid('');
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const patch = Object.fromEntries(changed.map((key) => [key, edits[key]])) as Partial<Settings>;
    if (changed.length > 0) updateSettings(patch);
    setEdits({});
    setSaid(savedSentence(changed));
  };
  const discard = () => {
    setEdits({});
    setSaid('Changes discarded: the saved settings are shown.');
  };
  const resetToDefaults = () => {
    const { exprTargets: _kept, ...defaults } = defaultSettings;
    edit(defaults);
    setSaid('The defaults are filled in: save to use them.');
  };

  const isDirty = useCallback(() => dirty, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => isDirty() && currentLocation.pathname !== nextLocation.pathname,
  );

  const guardianCheck = useCheckGuardianConnection();
  const policyTestCheck = useCheckPolicyTestConnection();
  const target = TARGETS.find((t) => t.id === shown.exprTarget);

  return (
    <section className="page settings" aria-labelledby="settings-title">
      <PageHeader
        titleId="settings-title"
        title="Settings"
        subtitle={
          isMockMode
            ? 'The console is running on the built-in mock backend; endpoints below are ignored.'
            : 'Where the console sends its requests, and who it says you are.'
        }
      />

      <SettingsDraftContext.Provider value={{ shown, edit }}>
        <form className="settings__form" onSubmit={save} aria-label="Settings">
          <fieldset className="card settings__group">
            <legend>Guardian policy API</legend>
            <EndpointSetting name="guardianUrl" label="Guardian base URL" />
            <TextSetting
              name="identityEmail"
              label="Identity email (X-Auth-Email)"
              type="email"
              placeholder="you@example.com"
              hint="Sent on creates and updates. Behind an auth proxy the proxy sets it instead."
            />
            <SelectSetting
              name="exprTarget"
              label="Expression engine of this Guardian"
              options={TARGETS.map((option) => ({ value: option.id, label: option.label }))}
              hint={
                <>
                  {target?.description} Remembered for each Guardian URL (this one:{' '}
                  {shown.guardianUrl.trim() || 'this origin'}).
                  {isMockMode &&
                    ' In the demo the mock backend runs this engine too: the mock bar shows the same setting.'}
                </>
              }
            />
            <ConnectionCheck check={guardianCheck} values={{ baseUrl: shown.guardianUrl }} what="Guardian" />
          </fieldset>

          <fieldset className="card settings__group">
            <legend>Cloudflare policy tests</legend>
            <EndpointSetting name="policyTestUrl" label="API base URL" />
            <TextSetting name="accountId" label="Account id" />
            <SelectSetting name="authMode" label="Authentication" options={AUTH_MODES} />
            {shown.authMode === 'token' ? (
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
                checked={shown.rememberCredentials}
                onChange={(e) => edit({ rememberCredentials: e.target.checked })}
              />
              Remember credentials for this browser tab (session storage; gone when the tab closes)
            </label>
            <ConnectionCheck check={policyTestCheck} values={shown} what="the policy-test API" />
          </fieldset>

          <fieldset className="card settings__group">
            <legend>Appearance</legend>
            <SelectSetting name="theme" label="Theme" options={THEMES} />
          </fieldset>

          <div className="settings__actions">
            <button type="submit" className="button button--primary">
              Save settings
            </button>
            {dirty && (
              <button type="button" className="button" onClick={discard}>
                Discard changes
              </button>
            )}
            <button type="button" className="button button--ghost" onClick={resetToDefaults}>
              Fill in the defaults
            </button>
            <p className="settings__saved" role="status">
              {dirty ? `Not saved yet: ${changed.length === 1 ? '1 change' : `${changed.length} changes`}.` : said}
            </p>
          </div>
        </form>
      </SettingsDraftContext.Provider>

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="Leave without saving the settings?"
        confirmLabel="Leave without saving"
        cancelLabel="Stay"
        tone="danger"
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>Your changes to the settings are not saved; the console keeps using the saved ones.</p>
      </ConfirmDialog>
    </section>
  );
}
