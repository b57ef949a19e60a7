import { useId, useMemo, useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { SummaryWithFullDiff, diffPolicies } from '@/features/policy-diff';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { toPolicy } from '../form/to-policy';
import { parsePolicyText } from '../import/parse-policy-text';
import { ChoiceDialog } from '@/components/dialog';

interface ImportDialogProps {
  open: boolean;
  /** The policy being edited (its id is kept); absent on "New policy". */
  policyId?: string;
  /** What the form holds now: the import is shown as a diff against it. */
  current: () => Policy;
  onImport: (values: PolicyFormValues, notices: string[]) => void;
  onCancel: () => void;
}

type Read = { values: PolicyFormValues; notices: string[]; policy: Policy };

/**
 * Paste or open a policy (the CLI's YAML or a REST body), see what it changes in the form, then
 * replace the form with it. Keys the form has no field for are kept and sent as they came.
 */
export default function ImportDialog({ open, policyId, current, onImport, onCancel }: ImportDialogProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<{ message: string; details: string[] }>();
  const [read, setRead] = useState<Read>();
  const id = useId();

  const diff = useMemo(() => (read ? diffPolicies(current(), read.policy) : undefined), [read, current]);

  const readText = () => {
    const result = parsePolicyText(text, { policyId });
    if (!result.ok) {
      setProblem({ message: result.message, details: result.details });
      return;
    }
    setProblem(undefined);
    setRead({ values: result.values, notices: result.notices, policy: toPolicy(result.values) });
  };

  const replace = () => {
    if (!read) return;
    setText('');
    setRead(undefined);
    onImport(read.values, read.notices);
  };

  return (
    <ChoiceDialog
      open={open}
      wide
      title={read ? 'Replace the form with this policy?' : 'Import a policy'}
      onDismiss={onCancel}
      choices={
        read
          ? [
              { label: 'Back to the text', onChoose: () => setRead(undefined) },
              { label: 'Replace the form', onChoose: replace, tone: 'primary' },
            ]
          : [
              { label: 'Cancel', onChoose: onCancel },
              { label: 'Show what changes', onChoose: readText, tone: 'primary' },
            ]
      }
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
      {read && diff ? (
        <div className="editor__import-preview">
          <p>
            {diff.identical
              ? 'This policy says exactly what the form already holds.'
              : `Against what the form holds now, ${diff.summary.length === 1 ? 'this changes one thing' : `this changes ${diff.summary.length} things`}. Nothing is saved until you review and save.`}
          </p>
          {read.notices.length > 0 && (
            <ul className="editor__import-notices">
              {read.notices.map((notice, i) => (
                <li key={i}>{notice}</li>
              ))}
            </ul>
          )}
          {!diff.identical && (
            <>
              <SummaryWithFullDiff diff={diff} idPrefix="import" headingLevel={3} />
            </>
          )}
        </div>
      ) : (
        <>
          <p>
            Paste the YAML you would give <code>guardian policy apply --file</code> (either CLI’s), or a REST body
            (JSON, either casing).{' '}
            {policyId
              ? `It replaces what the form holds for “${policyId}”; you see the changes first.`
              : 'The form is replaced by what you paste; you see the changes first.'}
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
              autoCapitalize="off"
              autoCorrect="off"
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
        </>
      )}
    </ChoiceDialog>
  );
}
