import { useState } from 'react';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import type { EditorUiStore } from '../components/editor-ui-store';
import { describePath, listErrors } from '../components/error-list';
import type { PolicyFormValues } from '../form/policy-form-schema';

/**
 * What stops this policy from saving: the form's own errors and Guardian's refusals, put on their
 * fields, summarised at the top, the first one revealed and announced.
 */
export function useProblemReport(form: UseFormReturn<PolicyFormValues>, ui: EditorUiStore) {
  const [showSummary, setShowSummary] = useState(false);
  const [serverMessages, setServerMessages] = useState<string[]>([]);
  /** Guardian's own line behind each field it refused, by form path. */
  const [serverDetails, setServerDetails] = useState<Record<string, string>>({});
  /** Whether the problems shown come from "Check with server" (a dry run) rather than a save. */
  const [fromCheck, setFromCheck] = useState(false);

  const clear = () => {
    setShowSummary(false);
    setServerMessages([]);
    setServerDetails({});
    setFromCheck(false);
  };

  const applyServerRejection = async (message: string, origin: 'check' | 'save' = 'save') => {
    const values = form.getValues();
    const { mapServerErrors } = await import('../server-errors/map-server-errors');
    const mapped = mapServerErrors(message, values);
    const details: Record<string, string> = {};
    for (const field of mapped.fields) {
      form.setError(field.path as Parameters<typeof form.setError>[0], { type: 'server', message: field.message });
      if (field.detail) details[field.path] = field.detail;
    }
    setServerMessages(mapped.unmapped);
    setServerDetails(details);
    setFromCheck(origin === 'check');
    setShowSummary(true);
    const first = mapped.fields[0];
    if (first) ui.reveal(first.path);
    else document.getElementById('editor-summary')?.focus();
    ui.announce(
      `Guardian would refuse this policy: ${mapped.fields.length + mapped.unmapped.length} problems. ${
        first ? `${describePath(first.path, values)}: ${first.message}` : (mapped.unmapped[0] ?? '')
      }`,
    );
    return mapped;
  };

  const reportInvalid = (errors: FieldErrors<PolicyFormValues>) => {
    setServerMessages([]);
    setServerDetails({});
    setFromCheck(false);
    setShowSummary(true);
    const list = listErrors(errors);
    const first = list[0];
    if (!first) return;
    ui.reveal(first.path);
    ui.announce(
      `${list.length === 1 ? '1 problem stops' : `${list.length} problems stop`} this policy from saving. First: ${describePath(first.path, form.getValues())}: ${first.message}`,
    );
  };

  const showFieldError = (path: 'id', message: string, type: string) => {
    form.setError(path, { type, message });
    setShowSummary(true);
    ui.reveal(path);
  };

  return {
    showSummary,
    serverMessages,
    serverDetails,
    fromCheck,
    clear,
    applyServerRejection,
    reportInvalid,
    showFieldError,
  };
}
