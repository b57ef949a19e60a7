import { useId, useState } from 'react';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { parsePolicyText } from '../import/parse-policy-text';
import { ChoiceDialog } from '@/components/dialog';

interface ImportDialogProps {
  open: boolean;
  onImport: (values: PolicyFormValues, notices: string[]) => void;
  onCancel: () => void;
}

/** Paste (or open) a policy as the CLI's YAML or a REST body; the form is filled from it. */
export default function ImportDialog({ open, onImport, onCancel }: ImportDialogProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<{ message: string; details: string[] } | undefined>();
  const id = useId();

  const read = () => {
    const result = parsePolicyText(text);
    if (result.ok) {
      setProblem(undefined);
      setText('');
      onImport(result.values, result.notices);
    } else setProblem({ message: result.message, details: result.details });
  };

  return (
    <ChoiceDialog
      open={open}
      wide
      title="Import a policy"
      onDismiss={onCancel}
      choices={[
        { label: 'Cancel', onChoose: onCancel },
        { label: 'Fill the form', onChoose: read, tone: 'primary' },
      ]}
      error={
        problem && (
          <div className="state state--error state--compact">
            <div className="state__body">
              <p className="state__title">{problem.message}</p>
              {problem.details.length > 0 && (
                <ul className="mono">
                  {problem.details.map((detail, i) => (
                    <li key={i}>{detail}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )
      }
    >
      <p>
        Paste the YAML you would give <code>guardian policy create --file</code>, or a REST body (JSON). The form is
        replaced by what you paste; nothing is saved until you save.
      </p>
      <div className="field editor__import">
        <label className="field__label" htmlFor={`${id}-text`}>
          Policy (YAML or JSON)
        </label>
        <textarea
          id={`${id}-text`}
          className="textarea mono editor__import-text"
          rows={14}
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="field editor__import">
        <label className="field__label" htmlFor={`${id}-file`}>
          Or open a file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then(setText);
          }}
        />
      </div>
    </ChoiceDialog>
  );
}
