import { useState } from 'react';
import { Icon } from '@/components/icon/icon';
import { formatCount } from '@/lib/format/format-number';
import { loadTestCases } from '@/features/appeal-trace';
import type { PlanEntry } from '../plan/plan-entry';

/** Applied files whose test cases came from a file beside them: what can be kept in this browser. */
export function casesToKeep(entries: readonly PlanEntry[]): PlanEntry[] {
  return entries.filter(
    (entry) =>
      (entry.result?.kind === 'applied' || entry.result?.kind === 'already') &&
      entry.id !== undefined &&
      entry.cases?.state === 'done' &&
      entry.cases.source.kind === 'file' &&
      entry.cases.source.cases.length > 0,
  );
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Once applied, the cases that came from files can be kept in this browser, where the editor, the
 * version view and the trace view run them. Keeping merges: a case of the same name is replaced.
 */
export function KeepCasesOffer({ entries }: { entries: readonly PlanEntry[] }) {
  const [kept, setKept] = useState<string>();
  const [busy, setBusy] = useState(false);
  const files = entries.flatMap((entry) =>
    entry.cases?.state === 'done' && entry.cases.source.kind === 'file'
      ? [{ id: entry.id!, cases: entry.cases.source.cases }]
      : [],
  );
  const total = files.reduce((sum, file) => sum + file.cases.length, 0);
  if (files.length === 0) return null;

  const keep = async () => {
    setBusy(true);
    try {
      const { importCases, casesSnapshot } = await loadTestCases();
      for (const file of files) importCases(file.id, file.cases);
      const lasting = files.every((file) => casesSnapshot(file.id).persistent);
      setKept(
        `Kept ${plural(total, 'test case', 'test cases')} of ${plural(files.length, 'policy', 'policies')} in this browser${lasting ? '' : ' until this tab closes (it does not allow storage)'}.`,
      );
    } catch (error) {
      setKept(`The cases could not be kept: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="plan-keep-cases" role="status">
      {kept ? (
        <p>
          <Icon name="approved" /> {kept}
        </p>
      ) : (
        <>
          <p>
            The test cases of {plural(files.length, 'applied policy', 'applied policies')} came from{' '}
            <code className="mono">.cases.yaml</code> files. Keep them in this browser too, so that the editor and the
            version view run them? A case kept here with the same name is replaced; the others stay.
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void keep()}>
            Keep {plural(total, 'test case', 'test cases')} in this browser
          </button>
        </>
      )}
    </div>
  );
}
