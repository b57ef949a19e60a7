import { useId, useMemo, useState } from 'react';
import { CodeView } from '@/components/code-view';
import { Icon } from '@/components/icon/icon';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { CLI_DIALECTS, dialectForTarget, isCliDialect, writeCliFile, type CliDialect } from '@/lib/policy-file';
import { containsSecrets } from '@/lib/secrets';
import { useSettings } from '@/lib/settings';

/**
 * A version as the file `guardian policy apply --file` reads, for git: the CLI's key names, no
 * server fields, secrets left out and named unless the admin explicitly includes them.
 */
export function CliFileView({ policy }: { policy: Policy }) {
  const { exprTarget } = useSettings();
  const [dialect, setDialect] = useState<CliDialect>(() => dialectForTarget(exprTarget));
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const hasSecrets = useMemo(() => containsSecrets(policy), [policy]);
  const file = useMemo(() => writeCliFile(policy, { dialect, includeSecrets }), [policy, dialect, includeSecrets]);
  const id = useId();

  const note = file.holdsSecrets ? (
    <span className="cli-file__warning">
      <Icon name="error" /> Secrets in plain text: keep this file out of git.
    </span>
  ) : file.secretsLeftOut.length > 0 ? (
    <>
      <Icon name="eye" />{' '}
      {file.secretsLeftOut.length === 1 ? '1 secret is' : `${file.secretsLeftOut.length} secrets are`} left out (named
      in comments).
    </>
  ) : undefined;

  const controls = (
    <span className="cli-file__controls">
      <label className="cli-file__control" htmlFor={`${id}-dialect`}>
        For
        <select
          id={`${id}-dialect`}
          className="select cli-file__select"
          value={dialect}
          onChange={(event) => {
            if (isCliDialect(event.target.value)) setDialect(event.target.value);
          }}
        >
          {CLI_DIALECTS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      {hasSecrets && (
        <label className="cli-file__control">
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(event) => setIncludeSecrets(event.target.checked)}
          />
          Include secrets in plain text
        </label>
      )}
    </span>
  );

  return (
    <div className="cli-file">
      <CodeView
        code={file.text}
        label={`${policy.id} version ${policy.version} as YAML for the CLI`}
        fileName={file.fileName}
        mimeType="application/yaml"
        note={note}
        controls={controls}
        downloadLabel="Download for the CLI"
        highlight
      />
      <p className="cli-file__hint muted">
        For <code>guardian policy apply --file {file.fileName}</code> and for git: the{' '}
        {dialect === 'raystack' ? '' : 'goto '}
        CLI’s field names (<code>{dialect === 'raystack' ? 'appeal_config' : 'appeal'}</code>), no version or
        authorship, the same bytes every time. Apply a changed file from <strong>Apply from files</strong>.
        {file.droppedByCli.length > 0 && (
          <>
            {' '}
            The {CLI_DIALECTS.find((d) => d.id === dialect)!.label} would drop{' '}
            {file.droppedByCli.map((key, i) => (
              <span key={key}>
                {i > 0 && ', '}
                <code>{key}</code>
              </span>
            ))}
            .
          </>
        )}
      </p>
    </div>
  );
}
