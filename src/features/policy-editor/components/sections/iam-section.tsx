import { useFormContext, useWatch } from 'react-hook-form';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { AUTH_TYPE_LABELS } from '../../form/iam-fields';
import { HTTP_AUTH_TYPES } from '@/lib/guardian-rules/http-iam-config';
import { EditorSection } from '../editor-section';
import { CheckboxField } from '../fields/checkbox-field';
import { KeyValueRows } from '../fields/key-value-rows';
import { SecretField } from '../fields/secret-field';
import { SelectField } from '../fields/select-field';
import { TextField } from '../fields/text-field';
import { useErrorCount } from '../use-error-count';
import { ExtrasNote } from './extras-note';

/** The choices, plus the value the policy holds when it is not one of them (so it shows, and is refused). */
function withCurrent(
  options: { value: string; label: string }[],
  current: string | undefined,
  unknownLabel: (value: string) => string,
) {
  if (current === undefined || options.some((option) => option.value === current)) return options;
  return [...options, { value: current, label: unknownLabel(current) }];
}

function AuthFields() {
  const { control } = useFormContext<PolicyFormValues>();
  const authType = useWatch({ control, name: 'iam.authType' });
  const apiKeyIn = useWatch({ control, name: 'iam.apiKeyIn' });
  switch (authType) {
    case 'basic':
      return (
        <div className="editor__grid">
          <TextField name="iam.username" label="Username" mono />
          <SecretField name="iam.password" label="Password" />
        </div>
      );
    case 'api_key':
      return (
        <div className="editor__grid editor__grid--3">
          <SelectField
            name="iam.apiKeyIn"
            label="Send the key in"
            options={withCurrent(
              [
                { value: 'header', label: 'A header' },
                { value: 'query', label: 'A query parameter' },
              ],
              apiKeyIn,
              (value) => (value === '' ? 'Choose…' : `${value} (not supported by Guardian)`),
            )}
          />
          <TextField name="iam.apiKeyName" label="Header or parameter name" mono placeholder="X-API-Key" />
          <SecretField name="iam.apiKeyValue" label="API key" />
        </div>
      );
    case 'bearer':
      return <SecretField name="iam.token" label="Token" hint="Sent as Authorization: Bearer <token>." />;
    case 'google_idtoken':
      return (
        <>
          <TextField name="iam.audience" label="Audience" mono placeholder="https://iam.example.com" />
          <SecretField
            name="iam.credentialsJson"
            label="Credentials JSON"
            multiline
            hint="The service account key file, as JSON."
          />
        </>
      );
    default:
      return null;
  }
}

export function IamSection() {
  const { control, getValues } = useFormContext<PolicyFormValues>();
  const enabled = useWatch({ control, name: 'iam.enabled' });
  const provider = useWatch({ control, name: 'iam.provider' });
  const authType = useWatch({ control, name: 'iam.authType' });
  const errors = useErrorCount(['iam']);
  const providerOptions = [{ value: 'http', label: 'http' }];
  if (provider && provider !== 'http')
    providerOptions.push({ value: provider, label: `${provider} (not supported by Guardian)` });
  const authOptions = withCurrent(
    [{ value: '', label: 'None' }, ...HTTP_AUTH_TYPES.map((type) => ({ value: type, label: AUTH_TYPE_LABELS[type] }))],
    authType,
    (value) => `${value} (not supported by Guardian)`,
  );
  return (
    <EditorSection id="iam" title="Identity (IAM)" meta={enabled ? provider : 'off'} errorCount={errors}>
      <CheckboxField
        name="iam.enabled"
        label="Look up the requester in an identity service"
        hint="Guardian fetches the creator’s profile ($appeal.creator) from this service for every appeal."
      />
      {enabled && (
        <>
          <div className="editor__grid">
            <SelectField name="iam.provider" label="Provider" options={providerOptions} />
            <TextField
              name="iam.url"
              label="URL"
              mono
              required
              placeholder="https://iam.example.com/users/{user_id}"
              hint="{user_id} is replaced by the requester’s id."
            />
          </div>
          <fieldset className="editor__fieldset">
            <legend>Headers</legend>
            <KeyValueRows
              name="iam.headers"
              noun="header"
              keyLabel="Header"
              emptyText="No extra headers."
              keyPlaceholder="X-Team"
              maskSecretValues
            />
          </fieldset>
          <fieldset className="editor__fieldset">
            <legend>Authentication</legend>
            <SelectField name="iam.authType" label="Type" options={authOptions} />
            <AuthFields />
            <ExtrasNote extras={getValues('iam.authExtras')} what="the auth settings" at={['iam', 'config', 'auth']} />
          </fieldset>
          <fieldset className="editor__fieldset">
            <legend>Profile fields (schema)</legend>
            <p className="field__hint">Which fields of the identity response make up the creator’s profile.</p>
            <KeyValueRows
              name="iam.schema"
              noun="schema field"
              keyLabel="Field"
              valueLabel="From"
              emptyText="No schema: the whole response is the profile."
              keyPlaceholder="email"
              valuePlaceholder="email_address"
            />
          </fieldset>
          <ExtrasNote extras={getValues('iam.configExtras')} what="the IAM config" at={['iam', 'config']} />
          <ExtrasNote extras={getValues('iam.extras')} what="the IAM settings" at={['iam']} />
        </>
      )}
    </EditorSection>
  );
}
