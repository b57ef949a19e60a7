import { useFormContext } from 'react-hook-form';
import type { PolicyFormValues } from '../../form/policy-form-schema';
import { EditorSection } from '../editor-section';
import { ExtrasNote } from './extras-note';

/** A fork's policy-level extensions (`stages`, `custom_steps`, …): read-only, sent back as they came. */
export function ExtrasSection() {
  const { getValues } = useFormContext<PolicyFormValues>();
  const extras = getValues('extras');
  const count = Object.keys(extras).length;
  if (count === 0) return null;
  return (
    <EditorSection id="extras" title="Other parts (read-only)" meta={`${count}`}>
      <ExtrasNote extras={extras} what="this policy" />
    </EditorSection>
  );
}
