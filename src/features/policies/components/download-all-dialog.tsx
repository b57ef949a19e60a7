import { useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/dialog';
import { downloadFile } from '@/lib/csv/download-file';
import { formatCount } from '@/lib/format/format-number';
import {
  CLI_DIALECTS,
  dialectForTarget,
  isCliDialect,
  writePolicyFileSet,
  zipFiles,
  type CliDialect,
} from '@/lib/policy-file';
import { useSettings } from '@/lib/settings';
import { getLatestPolicies } from '../api/get-policies';

const ZIP_NAME = 'guardian-policies.zip';

export function DownloadAllDialog({
  count,
  unreadable,
  onClose,
}: {
  /** Policies in the catalog: what the dialog announces before the versions themselves are read. */
  count: number;
  /** Rows of the list the console could not read. */
  unreadable: number;
  /** With a sentence to announce when something was downloaded. */
  onClose: (message?: string) => void;
}) {
  const { exprTarget } = useSettings();
  const [dialect, setDialect] = useState<CliDialect>(() => dialectForTarget(exprTarget));
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const abort = useRef<AbortController>(undefined);
  const id = useId();

  const run = async () => {
    abort.current = new AbortController();
    setError(undefined);
    setProgress(0);
    try {
      // The catalog keeps no versions: the latest of each is read from the list now, off the main thread.
      const latest = await getLatestPolicies({ signal: abort.current.signal });
      const set = await writePolicyFileSet(latest, dialect, { onProgress: setProgress, signal: abort.current.signal });
      const zip = await zipFiles(set.files);
      downloadFile([zip as Uint8Array<ArrayBuffer>], ZIP_NAME, 'application/zip');
      onClose(
        `Downloading ${ZIP_NAME}: ${formatCount(set.files.length)} policies` +
          (set.secretsLeftOut > 0 ? `, ${formatCount(set.secretsLeftOut)} secrets left out.` : '.'),
      );
    } catch (caught) {
      if (abort.current.signal.aborted) return;
      setError(`The zip could not be written: ${caught instanceof Error ? caught.message : String(caught)}`);
      setProgress(undefined);
    }
  };

  const busy = progress !== undefined;
  return (
    <ConfirmDialog
      open
      title="Download all policies"
      confirmLabel="Download zip"
      busy={busy}
      busyLabel={
        progress ? `Writing ${formatCount(progress)} of ${formatCount(count)}…` : 'Reading the latest versions…'
      }
      onConfirm={() => void run()}
      onCancel={() => {
        abort.current?.abort();
        onClose();
      }}
      error={error}
    >
      <p>
        The latest version of each of the {formatCount(count)} policies, one YAML file per policy (
        <code>&lt;id&gt;.yaml</code>), in {ZIP_NAME}: ready to commit to git, and to apply with{' '}
        <code>guardian policy apply --file</code> or “Apply from files”.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-dialect`}>
          Written for
        </label>
        <select
          id={`${id}-dialect`}
          className="select"
          value={dialect}
          disabled={busy}
          onChange={(event) => {
            if (isCliDialect(event.target.value)) setDialect(event.target.value);
          }}
        >
          {CLI_DIALECTS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label} ({d.id === 'raystack' ? 'appeal_config' : 'appeal'})
            </option>
          ))}
        </select>
      </div>
      <p className="muted">
        Secrets are left out of every file; a comment names each one. Version numbers and authorship are not written.
      </p>
      {unreadable > 0 && (
        <p className="muted">
          {formatCount(unreadable)} {unreadable === 1 ? 'version' : 'versions'} the console cannot read{' '}
          {unreadable === 1 ? 'is' : 'are'} not included.
        </p>
      )}
    </ConfirmDialog>
  );
}
