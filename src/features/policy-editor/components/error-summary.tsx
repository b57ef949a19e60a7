import { useFormContext, useFormState } from 'react-hook-form';
import { Icon } from '@/components/icon/icon';
import type { PolicyFormValues } from '../form/policy-form-schema';
import { useEditorUi } from './editor-ui-store';
import { describePath, listErrors } from './error-list';
import { fieldDomId } from './field-ids';

const SHOWN = 12;

/**
 * After a save or a server check that found problems: every problem with a link to its field.
 * A link opens whatever hides the field (a collapsed section or step) before focusing it.
 */
export function ErrorSummary({
  serverMessages,
  serverDetails = {},
  fromCheck = false,
}: {
  serverMessages: string[];
  /** Guardian's exact line behind a field it refused, by path: shown on request, not in the way. */
  serverDetails?: Record<string, string>;
  /** The problems come from "Check with server": a dry run, nothing was saved. */
  fromCheck?: boolean;
}) {
  const { errors } = useFormState<PolicyFormValues>();
  const { getValues } = useFormContext<PolicyFormValues>();
  const ui = useEditorUi();
  const list = listErrors(errors);
  if (list.length === 0 && serverMessages.length === 0) return null;
  const values = getValues();
  const count = list.length + serverMessages.length;
  return (
    <section className="editor__summary" aria-labelledby="editor-summary-title" tabIndex={-1} id="editor-summary">
      <h2 id="editor-summary-title" className="editor__summary-title">
        <Icon name="error" />
        {fromCheck
          ? `Guardian would refuse this policy. ${count === 1 ? '1 problem stops' : `${count} problems stop`} it from saving`
          : count === 1
            ? '1 problem stops this policy from saving'
            : `${count} problems stop this policy from saving`}
      </h2>
      {fromCheck && <p className="editor__summary-lead">Checked with Guardian (dry run): nothing was saved.</p>}
      {serverMessages.length > 0 && (
        <>
          <p className="editor__summary-lead">Guardian said:</p>
          <ul className="editor__summary-server">
            {serverMessages.map((message, i) => (
              <li key={i} className="mono">
                {message}
              </li>
            ))}
          </ul>
        </>
      )}
      {list.length > 0 && (
        <ul className="editor__summary-list">
          {list.slice(0, SHOWN).map((error) => (
            <li key={error.path}>
              <a
                href={`#${fieldDomId(error.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  ui.reveal(error.path);
                }}
              >
                {describePath(error.path, values)}
              </a>
              : {error.message}
              {serverDetails[error.path] && (
                <details className="editor__summary-detail">
                  <summary>Guardian’s words</summary>
                  <code className="mono">{serverDetails[error.path]}</code>
                </details>
              )}
            </li>
          ))}
          {list.length > SHOWN && <li className="muted">…and {list.length - SHOWN} more.</li>}
        </ul>
      )}
    </section>
  );
}
