import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import { describeDuration, parseGoDuration } from '@/lib/duration/parse-go-duration';
import { emptyDurationOption, emptyQuestion } from '../../form/empty-values';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { EditorSection } from '../editor-section';
import { fieldDomId } from '../field-ids';
import { CheckboxField } from '../fields/checkbox-field';
import { TextField } from '../fields/text-field';
import { useErrorCount } from '../use-error-count';
import { ExtrasNote } from './extras-note';

/** "3 days", "permanent": what a valid duration means, next to the value. */
function DurationMeaning({ index }: { index: number }) {
  const { control } = useFormContext<PolicyFormValues>();
  const value = useWatch({ control, name: `appeal.durationOptions.${index}.value` });
  const permanentAllowed = useWatch({ control, name: 'appeal.allowPermanentAccess' });
  const parsed = parseGoDuration(value ?? '');
  if (!parsed.ok) return null;
  const permanent = parsed.nanoseconds === 0n;
  return (
    <span className={permanent && !permanentAllowed ? 'editor__warning' : 'muted'}>
      = {describeDuration(parsed.nanoseconds)}
      {permanent && !permanentAllowed && ': turn on “Allow permanent access” or appeals cannot choose it'}
    </span>
  );
}

function DurationOptions() {
  const { control, getValues } = useFormContext<PolicyFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'appeal.durationOptions' });
  return (
    <fieldset className="editor__fieldset">
      <legend>Duration options</legend>
      <p className="field__hint">
        What requesters choose from. Values are Go durations (24h, 1h30m); 0h means permanent.
      </p>
      {fields.length === 0 && (
        <p className="muted editor__empty">None: requesters cannot choose how long access lasts.</p>
      )}
      <ol className="stacked-list editor__sublist">
        {fields.map((field, index) => (
          <li key={field.id}>
            <div className="editor__row" role="group" aria-label={`Duration option ${index + 1}`}>
              <TextField name={`appeal.durationOptions.${index}.name`} label="Name" placeholder="1 day" />
              <div className="editor__duration">
                <TextField
                  name={`appeal.durationOptions.${index}.value`}
                  label="Duration"
                  mono
                  placeholder="24h"
                  checkOnBlur
                />
                <DurationMeaning index={index} />
              </div>
              <button
                type="button"
                className="button button--icon button--ghost editor__row-remove"
                aria-label={`Remove duration option ${index + 1}`}
                onClick={() => remove(index)}
              >
                <Icon name="x" />
              </button>
            </div>
            <ExtrasNote extras={getValues(`appeal.durationOptions.${index}.extras`)} what="this option" />
          </li>
        ))}
      </ol>
      <div>
        <button
          id={fieldDomId('appeal.durationOptions')}
          type="button"
          className="button button--small"
          onClick={() => append(emptyDurationOption())}
        >
          <Icon name="plus" />
          Add duration option
        </button>
      </div>
    </fieldset>
  );
}

function Questions() {
  const { control, getValues } = useFormContext<PolicyFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'appeal.questions' });
  return (
    <fieldset className="editor__fieldset">
      <legend>Questions</legend>
      <p className="field__hint">Asked of every requester; answers are stored under the key.</p>
      {fields.length === 0 && <p className="muted editor__empty">No questions.</p>}
      <ol className="stacked-list editor__sublist">
        {fields.map((field, index) => (
          <li key={field.id} className="editor__subcard">
            <div className="editor__subcard-head">
              <h3>Question {index + 1}</h3>
              <button
                type="button"
                className="button button--small button--ghost"
                aria-label={`Remove question ${index + 1}`}
                onClick={() => remove(index)}
              >
                <Icon name="x" />
                Remove
              </button>
            </div>
            <div className="editor__grid">
              <TextField name={`appeal.questions.${index}.key`} label="Key" mono required placeholder="reason" />
              <TextField
                name={`appeal.questions.${index}.question`}
                label="Question"
                required
                placeholder="Why do you need access?"
              />
            </div>
            <TextField name={`appeal.questions.${index}.description`} label="Description (optional)" multiline />
            <CheckboxField name={`appeal.questions.${index}.required`} label="An answer is required" />
            <ExtrasNote extras={getValues(`appeal.questions.${index}.extras`)} what="this question" />
          </li>
        ))}
      </ol>
      <div>
        <button
          id={fieldDomId('appeal.questions')}
          type="button"
          className="button button--small"
          onClick={() => append(emptyQuestion())}
        >
          <Icon name="plus" />
          Add question
        </button>
      </div>
    </fieldset>
  );
}

export function AppealSection() {
  const { getValues } = useFormContext<PolicyFormValues>();
  const errors = useErrorCount(['appeal']);
  return (
    <EditorSection id="appeal" title="Appeal settings" errorCount={errors}>
      <DurationOptions />
      <div className="editor__grid">
        <div className="editor__flags">
          <CheckboxField
            name="appeal.allowPermanentAccess"
            label="Allow permanent access"
            hint="Lets a 0h option be chosen."
          />
          <CheckboxField name="appeal.allowOnBehalf" label="Allow appeals on behalf of others" />
          <CheckboxField
            name="appeal.allowCreatorDetailsFailure"
            label="Allow appeals when the creator’s details cannot be fetched"
            hint="Expressions reading $appeal.creator then see nothing."
          />
        </div>
        <TextField
          name="appeal.allowActiveAccessExtensionIn"
          label="Extension window (optional)"
          mono
          placeholder="24h"
          hint="How long before access expires the holder may ask to extend it. A Go duration."
          checkOnBlur
        />
      </div>
      <Questions />
      <ExtrasNote extras={getValues('appeal.extras')} what="the appeal settings" at={['appeal']} />
    </EditorSection>
  );
}
