import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import { emptyAdditionalAppeal, emptyRequirement } from '../../form/empty-values';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { EditorSection } from '../editor-section';
import { errorDomId, fieldDomId } from '../field-ids';
import { ExpressionField } from '../fields/expression-field';
import { SelectField } from '../fields/select-field';
import { TextField } from '../fields/text-field';
import { useFieldError } from '../fields/use-field-error';
import { useErrorCount } from '../use-error-count';
import { ExtrasNote } from './extras-note';

function AdditionalAppealFields({
  requirement,
  index,
  onRemove,
}: {
  requirement: number;
  index: number;
  onRemove: () => void;
}) {
  const base = `requirements.${requirement}.appeals.${index}` as const;
  const { control, getValues } = useFormContext<PolicyFormValues>();
  const resourceBy = useWatch({ control, name: `${base}.resourceBy` });
  const accessBy = useWatch({ control, name: `${base}.accessBy` });
  const appeal = getValues(base);
  const extras = {
    ...appeal.extras,
    ...prefixed('resource', appeal.resourceExtras),
    ...prefixed('options', appeal.optionsExtras),
    ...prefixed('policy', appeal.policyExtras),
  };
  return (
    <li className="editor__subcard">
      <div className="editor__subcard-head">
        <h4>Additional appeal {index + 1}</h4>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={onRemove}
          aria-label={`Remove additional appeal ${index + 1} of requirement ${requirement + 1}`}
        >
          <Icon name="x" />
          Remove
        </button>
      </div>
      <div className="editor__grid">
        <SelectField
          name={`${base}.resourceBy`}
          label="Resource"
          options={[
            { value: 'id', label: 'By id' },
            { value: 'urn', label: 'By provider and URN' },
          ]}
        />
        <TextField name={`${base}.role`} label="Role" mono required placeholder="e.g. roles/bigquery.jobUser" />
      </div>
      {resourceBy === 'id' ? (
        <TextField name={`${base}.resourceId`} label="Resource id" mono required placeholder="e.g. 99" />
      ) : (
        <div className="editor__grid editor__grid--4">
          <TextField name={`${base}.providerType`} label="Provider type" mono required placeholder="bigquery" />
          <TextField name={`${base}.providerUrn`} label="Provider URN" mono required />
          <TextField name={`${base}.type`} label="Resource type" mono required placeholder="dataset" />
          <TextField name={`${base}.urn`} label="Resource URN" mono required />
        </div>
      )}
      <div className="editor__grid">
        <SelectField
          name={`${base}.accessBy`}
          label="Access lasts"
          options={[
            { value: 'default', label: 'As the appeal chooses' },
            { value: 'duration', label: 'For a duration' },
            { value: 'expiration', label: 'Until a date' },
          ]}
        />
        {accessBy === 'duration' && (
          <TextField
            name={`${base}.duration`}
            label="Duration"
            mono
            placeholder="24h"
            hint="A Go duration: 24h, 1h30m; 0h is permanent."
          />
        )}
        {accessBy === 'expiration' && (
          <TextField
            name={`${base}.expirationDate`}
            label="Expiration date"
            mono
            placeholder="2026-12-31T23:59:59Z"
            hint="RFC 3339, with a time zone."
          />
        )}
      </div>
      <div className="editor__grid">
        <TextField
          name={`${base}.policyId`}
          label="Policy id (optional)"
          mono
          hint="Approve this appeal with another policy."
        />
        <TextField name={`${base}.policyVersion`} label="Policy version" mono placeholder="1" />
      </div>
      <ExtrasNote extras={extras} what="this appeal" />
    </li>
  );
}

const prefixed = (prefix: string, extras: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(extras).map(([key, value]) => [`${prefix}.${key}`, value]));

function RequirementCard({ index, onRemove }: { index: number; onRemove: () => void }) {
  const base = `requirements.${index}` as const;
  const { control, getValues } = useFormContext<PolicyFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `${base}.appeals` });
  const appealsError = useFieldError(`${base}.appeals`);
  const requirement = getValues(base);
  const conditions = requirement.on.conditions;
  return (
    <li className="editor__subcard editor__requirement">
      <div className="editor__subcard-head">
        <h3>Requirement {index + 1}</h3>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={onRemove}
          aria-label={`Remove requirement ${index + 1}`}
        >
          <Icon name="x" />
          Remove
        </button>
      </div>
      <fieldset className="editor__fieldset">
        <legend>Applies when the appeal matches (regular expressions; fill at least one)</legend>
        <div className="editor__grid editor__grid--3">
          <TextField name={`${base}.on.providerType`} label="Provider type" mono placeholder="bigquery" />
          <TextField name={`${base}.on.providerUrn`} label="Provider URN" mono />
          <TextField name={`${base}.on.resourceType`} label="Resource type" mono placeholder="dataset" />
          <TextField name={`${base}.on.resourceUrn`} label="Resource URN" mono />
          <TextField name={`${base}.on.role`} label="Role" mono placeholder="writer" />
        </div>
        <ExpressionField
          name={`${base}.on.expression`}
          label="Expression"
          placeholder='$appeal.resource.urn == "my-project:dataset"'
        />
        {conditions.length > 0 && <ExtrasNote extras={{ conditions }} what="this trigger (legacy conditions)" />}
        <ExtrasNote extras={requirement.on.extras} what="this trigger" />
      </fieldset>
      <ol className="stacked-list editor__sublist" aria-label={`Additional appeals of requirement ${index + 1}`}>
        {fields.map((field, j) => (
          <AdditionalAppealFields key={field.id} requirement={index} index={j} onRemove={() => remove(j)} />
        ))}
      </ol>
      <div className="editor__inline-actions">
        <button
          id={fieldDomId(`${base}.appeals`)}
          type="button"
          className="button button--small"
          onClick={() => append(emptyAdditionalAppeal())}
        >
          <Icon name="plus" />
          Add additional appeal
        </button>
        <span className="field__hint">Access the requester also gets, e.g. a job-user role to query the dataset.</span>
      </div>
      {appealsError && (
        <span id={errorDomId(`${base}.appeals`)} className="field__error">
          {appealsError}
        </span>
      )}
      <ExtrasNote extras={requirement.extras} what="this requirement" />
    </li>
  );
}

export function RequirementsSection() {
  const { control } = useFormContext<PolicyFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'requirements' });
  const errors = useErrorCount(['requirements']);
  return (
    <EditorSection
      id="requirements"
      title="Requirements"
      meta={fields.length === 0 ? 'none' : `${fields.length}`}
      errorCount={errors}
    >
      <p className="field__hint">
        When an appeal matches a requirement, Guardian creates the additional appeals it lists.
      </p>
      {fields.length > 0 && (
        <ol className="stacked-list editor__sublist">
          {fields.map((field, index) => (
            <RequirementCard key={field.id} index={index} onRemove={() => remove(index)} />
          ))}
        </ol>
      )}
      <div>
        <button
          id={fieldDomId('requirements')}
          type="button"
          className="button"
          onClick={() => append(emptyRequirement())}
        >
          <Icon name="plus" />
          Add requirement
        </button>
      </div>
    </EditorSection>
  );
}
