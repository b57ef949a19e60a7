import { useId } from 'react';
import { LabelledInput } from '@/components/labelled-input/labelled-input';
import { profileText, type FieldErrors } from '../form/build-trace-input';
import { SAMPLE_CREATORS } from '../form/sample-creators';
import type { CreatorSource, TraceForm } from '../form/trace-params';
import { DirectoryPicker } from './directory-picker';
import { JsonField } from './json-field';
import { useDraftText } from './use-draft-text';

interface CreatorFieldsetProps {
  form: TraceForm;
  errors: FieldErrors;
  onChange: (patch: Partial<TraceForm>) => void;
  /** What the directory says about the picked person, when picked. */
  personStatus?: string;
}

const SOURCES: { id: CreatorSource; label: string }[] = [
  { id: 'sample', label: 'A sample person' },
  { id: 'user', label: 'Someone from the directory' },
  { id: 'json', label: 'Paste the IAM answer' },
];

/** Who files the appeal: what the policy's IAM answers for them becomes `$appeal.creator`. */
export function CreatorFieldset({ form, errors, onChange, personStatus }: CreatorFieldsetProps) {
  const id = useId();
  const [profile, setProfile] = useDraftText(profileText(form), (text) => onChange({ profile: text }));
  const [email, setEmail] = useDraftText(form.email, (text) => onChange({ email: text }));
  return (
    <fieldset className="trace-fieldset">
      <legend>Who appeals</legend>
      <div className="segmented" role="radiogroup" aria-label="Where the person comes from">
        {SOURCES.map((source) => (
          <label
            key={source.id}
            className={form.source === source.id ? 'segmented__option is-selected' : 'segmented__option'}
          >
            <input
              type="radio"
              name={`${id}-source`}
              value={source.id}
              checked={form.source === source.id}
              onChange={() => onChange({ source: source.id })}
            />
            {source.label}
          </label>
        ))}
      </div>
      {form.source === 'sample' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-sample`}>
            Sample
          </label>
          <select
            id={`${id}-sample`}
            className="select"
            value={form.sample ?? SAMPLE_CREATORS[0]!.id}
            onChange={(event) => onChange({ sample: event.target.value })}
          >
            {SAMPLE_CREATORS.map((sample) => (
              <option key={sample.id} value={sample.id}>
                {sample.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small button--ghost trace-fieldset__aside"
            onClick={() => onChange({ source: 'json', profile: profileText(form) })}
          >
            Edit as JSON
          </button>
        </div>
      )}
      {form.source === 'user' && (
        <>
          <DirectoryPicker
            selected={form.user}
            onPick={(user) => onChange({ user })}
            onUnavailable={() => onChange({ source: 'json' })}
          />
          {errors.user && <p className="field__error">{errors.user}</p>}
          {personStatus && <p className="field__hint">{personStatus}</p>}
        </>
      )}
      {form.source === 'json' && (
        <>
          <JsonField
            label="What the IAM answers for them (JSON)"
            hint="The policy’s iam.schema maps this into $appeal.creator; without a schema it is the creator as it is."
            value={profile}
            onChange={setProfile}
            error={errors.profile}
            rows={10}
          />
          <LabelledInput
            label="Their email (created_by)"
            className="input mono"
            type="email"
            placeholder="from the answer’s email"
            value={email}
            onChange={setEmail}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.lookupFails}
              onChange={(event) => onChange({ lookupFails: event.target.checked })}
            />
            The IAM lookup fails (e.g. 404)
          </label>
        </>
      )}
    </fieldset>
  );
}
