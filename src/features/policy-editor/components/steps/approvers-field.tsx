import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import { skipsSaveTimeApproverCheck } from '@/lib/guardian-rules/approver-skip';
import { isEmail } from '@/lib/guardian-rules/is-email';
import { useSettings } from '@/lib/settings';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { describedBy, errorDomId, fieldDomId } from '../field-ids';
import { ExpressionField } from '../fields/expression-field';
import { useFieldError } from '../fields/use-field-error';

type Kind = 'email' | 'expression';

function ApproverRow({ stepIndex, index, onRemove }: { stepIndex: number; index: number; onRemove: () => void }) {
  const name = `steps.${stepIndex}.approvers.${index}.value` as const;
  const { register, getValues } = useFormContext<PolicyFormValues>();
  // Which input to show is the admin's choice; the rules still read the text, as Guardian does.
  const [kind, setKind] = useState<Kind>(() => {
    const value = getValues(name);
    return value === '' || isEmail(value) ? 'email' : 'expression';
  });
  const error = useFieldError(name);
  const id = fieldDomId(name);
  const value = useWatch<PolicyFormValues, typeof name>({ name });
  const { exprTarget } = useSettings();
  // The chosen server also runs some approver expressions when the policy is saved: say what they need then.
  const checkedOnSave = value.trim() !== '' && !skipsSaveTimeApproverCheck(value, exprTarget);
  return (
    <li className="editor__approver">
      <select
        className="select editor__approver-kind"
        aria-label={`Approver ${index + 1} kind`}
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind)}
      >
        <option value="email">Email</option>
        <option value="expression">Expression</option>
      </select>
      {kind === 'expression' ? (
        <ExpressionField
          name={name}
          label={`Approver ${index + 1}`}
          placeholder="$appeal.resource.details.owner"
          hint={
            checkedOnSave
              ? 'Guardian also runs this when the policy is saved, on an empty appeal: it must give an email or a list of emails even then.'
              : undefined
          }
        />
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={id}>
            Approver {index + 1}
          </label>
          <input
            id={id}
            className="input mono"
            type="text"
            inputMode="email"
            spellCheck={false}
            autoComplete="off"
            placeholder="name@example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && errorDomId(name))}
            {...register(name)}
          />
          {error && (
            <span id={errorDomId(name)} className="field__error">
              {error}
            </span>
          )}
        </div>
      )}
      <button
        type="button"
        className="button button--icon button--ghost"
        aria-label={`Remove approver ${index + 1}`}
        onClick={onRemove}
      >
        <Icon name="x" />
      </button>
    </li>
  );
}

/** A manual step's approvers: each an email or an expression that yields emails. */
export function ApproversField({ stepIndex }: { stepIndex: number }) {
  const { control } = useFormContext<PolicyFormValues>();
  const name = `steps.${stepIndex}.approvers` as const;
  const { fields, append, remove } = useFieldArray({ control, name });
  const listError = useFieldError(name);
  return (
    <fieldset className="editor__fieldset" aria-describedby={describedBy(listError && errorDomId(name))}>
      <legend>
        Approvers <span className="muted">(any one of them may approve)</span>
      </legend>
      {fields.length === 0 && <p className="muted editor__empty">No approvers yet.</p>}
      <ol className="stacked-list">
        {fields.map((field, index) => (
          <ApproverRow key={field.id} stepIndex={stepIndex} index={index} onRemove={() => remove(index)} />
        ))}
      </ol>
      <div className="editor__inline-actions">
        <button
          id={fieldDomId(name)}
          type="button"
          className="button button--small"
          onClick={() => append({ value: '' })}
        >
          <Icon name="plus" />
          Add approver
        </button>
        <span className="field__hint">An email, or an expression such as $appeal.creator.manager_email.</span>
      </div>
      {listError && (
        <span id={errorDomId(name)} className="field__error">
          {listError}
        </span>
      )}
    </fieldset>
  );
}
