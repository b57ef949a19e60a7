import { EditorSection } from '../editor-section';
import { KeyValueRows } from '../fields/key-value-rows';
import { TextField } from '../fields/text-field';
import { useErrorCount } from '../use-error-count';

export function OverviewSection({ isNew, policyId }: { isNew: boolean; policyId?: string }) {
  const errors = useErrorCount(['id', 'title', 'description', 'labels']);
  return (
    <EditorSection id="overview" title="Policy" errorCount={errors}>
      <div className="editor__grid">
        {isNew ? (
          <TextField
            name="id"
            label="Id"
            mono
            required
            placeholder="e.g. bigquery_approval"
            hint="Unique, no spaces. It names the policy in Guardian and cannot change after saving."
          />
        ) : (
          <div className="field">
            <span className="field__label">Id</span>
            <span className="mono editor__readonly">{policyId}</span>
            <span className="field__hint">A saved policy keeps its id; each save adds a version.</span>
          </div>
        )}
        <TextField name="title" label="Title" placeholder="e.g. BigQuery dataset access" />
      </div>
      <TextField name="description" label="Description" multiline />
      <fieldset className="editor__fieldset">
        <legend>Labels</legend>
        <KeyValueRows name="labels" noun="label" emptyText="No labels." keyPlaceholder="e.g. team" valueMono={false} />
      </fieldset>
    </EditorSection>
  );
}
