import { memo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { fieldDomId } from '../field-ids';
import { CheckboxField } from '../fields/checkbox-field';
import { ExpressionField } from '../fields/expression-field';
import { TextField } from '../fields/text-field';
import { ExtrasNote } from '../sections/extras-note';
import { ApproversField } from './approvers-field';

/** The inputs of one expanded step. Only the strategy's own fields are shown (and sent). */
export const StepFields = memo(function StepFields({ index }: { index: number }) {
  const { control, register, getValues, setValue } = useFormContext<PolicyFormValues>();
  const strategy = useWatch({ control, name: `steps.${index}.strategy` });
  const extras = getValues(`steps.${index}.extras`);
  const strategyName = `steps.${index}.strategy` as const;
  const strategyField = register(strategyName, {
    onChange: (event: { target: { value: string } }) => {
      // A step switched to manual starts with one approver row to fill, not with an error.
      if (event.target.value === 'manual' && getValues(`steps.${index}.approvers`).length === 0) {
        setValue(`steps.${index}.approvers`, [{ value: '' }]);
      }
    },
  });
  return (
    <div className="step-fields">
      <div className="editor__grid">
        <TextField name={`steps.${index}.name`} label="Name" mono required hint="Unique in this policy, no spaces." />
        <fieldset className="editor__fieldset editor__radios">
          <legend>Strategy</legend>
          <label>
            <input type="radio" value="manual" id={fieldDomId(strategyName)} {...strategyField} /> Manual{' '}
            <span className="muted">— people approve</span>
          </label>
          <label>
            <input type="radio" value="auto" {...strategyField} /> Auto{' '}
            <span className="muted">— a condition decides</span>
          </label>
        </fieldset>
      </div>
      <TextField name={`steps.${index}.description`} label="Description" />
      <ExpressionField
        name={`steps.${index}.when`}
        label="When (optional)"
        placeholder="Always runs. e.g. $appeal.resource.details.is_pii"
        hint="The step runs only when this is true; otherwise it is skipped."
      />
      {strategy === 'auto' ? (
        <>
          <ExpressionField
            name={`steps.${index}.approveIf`}
            label="Approve if"
            placeholder='$appeal.creator.department == "eng"'
          />
          <TextField
            name={`steps.${index}.rejectionReason`}
            label="Rejection reason (optional)"
            hint="Told to the requester when the condition is false."
          />
        </>
      ) : (
        <ApproversField stepIndex={index} />
      )}
      <CheckboxField
        name={`steps.${index}.allowFailed`}
        label="Allow this step to fail"
        hint="A rejection here does not stop the appeal; the next step runs."
      />
      <ExtrasNote extras={extras} what="this step" />
    </div>
  );
});
