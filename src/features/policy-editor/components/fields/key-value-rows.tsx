import { useFieldArray, useFormContext, useWatch, type FieldArrayPath } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import { isSecretKey } from '@/lib/secrets';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { fieldDomId } from '../field-ids';
import { SecretField } from './secret-field';
import { TextField } from './text-field';

type RowsPath = Extract<FieldArrayPath<PolicyFormValues>, 'labels' | 'iam.headers' | 'iam.schema'>;

interface KeyValueRowsProps {
  name: RowsPath;
  /** "label", "header": used in button names, e.g. "Add label", "Remove label 2". */
  noun: string;
  keyLabel?: string;
  valueLabel?: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  valueMono?: boolean;
  emptyText: string;
  /** Mask a row's value while its key names a secret (`Authorization`, `X-Api-Token`). */
  maskSecretValues?: boolean;
}

/** A string map as rows of key and value; keys are checked for presence and uniqueness. */
export function KeyValueRows({
  name,
  noun,
  keyLabel = 'Key',
  valueLabel = 'Value',
  keyPlaceholder,
  valuePlaceholder,
  valueMono = true,
  emptyText,
  maskSecretValues = false,
}: KeyValueRowsProps) {
  const { control } = useFormContext<PolicyFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  return (
    <div className="editor__rows">
      {fields.length === 0 && <p className="muted editor__empty">{emptyText}</p>}
      {fields.map((field, index) => (
        <div key={field.id} className="editor__row" role="group" aria-label={`${capitalise(noun)} ${index + 1}`}>
          <TextField name={`${name}.${index}.key`} label={keyLabel} mono placeholder={keyPlaceholder} />
          {maskSecretValues ? (
            <MaybeSecretValue rowPath={`${name}.${index}`} label={valueLabel} placeholder={valuePlaceholder} />
          ) : (
            <TextField
              name={`${name}.${index}.value`}
              label={valueLabel}
              mono={valueMono}
              placeholder={valuePlaceholder}
            />
          )}
          <button
            type="button"
            className="button button--icon button--ghost editor__row-remove"
            aria-label={`Remove ${noun} ${index + 1}`}
            onClick={() => remove(index)}
          >
            <Icon name="x" />
          </button>
        </div>
      ))}
      <div>
        <button
          id={fieldDomId(name)}
          type="button"
          className="button button--small"
          onClick={() => append({ key: '', value: '' })}
        >
          <Icon name="plus" />
          Add {noun}
        </button>
      </div>
    </div>
  );
}

function MaybeSecretValue({
  rowPath,
  label,
  placeholder,
}: {
  rowPath: `${RowsPath}.${number}`;
  label: string;
  placeholder?: string;
}) {
  const key = useWatch<PolicyFormValues>({ name: `${rowPath}.key` });
  const valuePath = `${rowPath}.value` as const;
  return typeof key === 'string' && isSecretKey(key) ? (
    <SecretField name={valuePath} label={label} />
  ) : (
    <TextField name={valuePath} label={label} mono placeholder={placeholder} />
  );
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
