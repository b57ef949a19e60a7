import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { ExpressionInput } from '@/components/expression-input';
import { useSettings } from '@/lib/settings';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { errorDomId, fieldDomId, hintDomId } from '../field-ids';
import { useFieldError, type FormPath } from './use-field-error';
import { useFieldRisks } from './use-field-risks';

interface ExpressionFieldProps {
  name: FormPath;
  label: string;
  hint?: ReactNode;
  placeholder?: string;
  multiline?: boolean;
}

/** The input itself lists compile problems as you type; the form's own message is shown only when it says something else. */
const isCompileProblem = (message: string) => message.startsWith('This expression does not compile');

export function ExpressionField({ name, label, hint, placeholder, multiline }: ExpressionFieldProps) {
  const { control } = useFormContext<PolicyFormValues>();
  const { exprTarget } = useSettings();
  const error = useFieldError(name);
  const ownMessage = error && !isCompileProblem(error) ? error : undefined;
  const risk = useFieldRisks(name);
  return (
    <div className="field editor__expression">
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <ExpressionInput
            id={fieldDomId(name)}
            name={field.name}
            label={label}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={field.onChange}
            onBlur={() => {
              field.onBlur();
              risk.check();
            }}
            ref={field.ref}
            target={exprTarget}
            multiline={multiline}
            invalid={Boolean(error)}
            errorId={ownMessage ? errorDomId(name) : undefined}
            placeholder={placeholder}
          />
        )}
      />
      {hint && (
        <span id={hintDomId(name)} className="field__hint">
          {hint}
        </span>
      )}
      {ownMessage && (
        <span id={errorDomId(name)} className="field__error">
          {ownMessage}
        </span>
      )}
      {risk.risks.map((message) => (
        <span key={message} className="editor__risk" role="status">
          {message.replaceAll('`', '')}.
        </span>
      ))}
    </div>
  );
}
