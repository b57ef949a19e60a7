import { LabelledInput } from '@/components/labelled-input/labelled-input';
import { defaultAppealRequest } from '@/lib/appeal/appeal-request';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { detailsText, type FieldErrors } from '../form/build-trace-input';
import type { TraceForm } from '../form/trace-params';
import { JsonField } from './json-field';
import { useDraftText } from './use-draft-text';

type TextKey = 'providerType' | 'providerUrn' | 'resourceType' | 'resourceUrn' | 'role';

function DraftField({ label, value, write }: { label: string; value: string; write: (text: string) => void }) {
  const [text, setText] = useDraftText(value, write);
  return <LabelledInput label={label} className="input mono" value={text} spellCheck={false} onChange={setText} />;
}

/** What is asked for: a role on a resource. Empty fields take the policy's requirement defaults. */
export function ResourceFieldset({
  form,
  policy,
  errors,
  onChange,
}: {
  form: TraceForm;
  policy: Pick<Policy, 'requirements'>;
  errors: FieldErrors;
  onChange: (patch: Partial<TraceForm>) => void;
}) {
  const defaults = defaultAppealRequest(policy);
  const [details, setDetails] = useDraftText(detailsText(form, policy), (text) => onChange({ details: text }));
  const fields: { key: TextKey; label: string; fallback: string }[] = [
    { key: 'providerType', label: 'Provider type', fallback: defaults.resource.providerType },
    { key: 'providerUrn', label: 'Provider URN', fallback: defaults.resource.providerUrn },
    { key: 'resourceType', label: 'Resource type', fallback: defaults.resource.type },
    { key: 'resourceUrn', label: 'Resource URN', fallback: defaults.resource.urn },
    { key: 'role', label: 'Role', fallback: defaults.role },
  ];
  return (
    <fieldset className="trace-fieldset">
      <legend>What for</legend>
      <div className="trace-fieldset__grid">
        {fields.map((field) => (
          <DraftField
            key={field.key}
            label={field.label}
            value={form[field.key] ?? field.fallback}
            write={(text) => onChange({ [field.key]: text })}
          />
        ))}
      </div>
      <JsonField
        label="Resource details (JSON)"
        value={details}
        onChange={setDetails}
        error={errors.details}
        rows={7}
      />
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() =>
          onChange({
            providerType: null,
            providerUrn: null,
            resourceType: null,
            resourceUrn: null,
            role: null,
            details: null,
          })
        }
      >
        Use the policy’s defaults
      </button>
    </fieldset>
  );
}
