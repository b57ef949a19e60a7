import { casesNeedAttention, isApplicable, type PlanEntry, type PlanStatus } from './plan-entry';

export interface PlanCounts {
  total: number;
  /** Files whose planning is finished. */
  planned: number;
  byStatus: Record<PlanStatus, number>;
  selected: number;
  applying: number;
  applied: number;
  /** Applied before (the server already had the content). */
  already: number;
  notApplied: number;
  /** Test-case files in the folder: those that went with their policy, and those in a row of their own. */
  casesFiles: number;
  /** Files that could be applied but whose test cases fail (or could not all run), not applied yet. */
  casesFailing: number;
  /** …of which selected: applied although their cases fail. */
  selectedCasesFailing: number;
}

export function countEntries(entries: readonly PlanEntry[]): PlanCounts {
  const counts: PlanCounts = {
    total: entries.length,
    planned: 0,
    byStatus: { new: 0, changed: 0, unchanged: 0, invalid: 0, skipped: 0, cases: 0 },
    selected: 0,
    applying: 0,
    applied: 0,
    already: 0,
    notApplied: 0,
    casesFiles: 0,
    casesFailing: 0,
    selectedCasesFailing: 0,
  };
  const casesPaths = new Set<string>();
  for (const entry of entries) {
    if (entry.status === 'cases') casesPaths.add(entry.path);
    const source = entry.cases && entry.cases.state !== 'none' ? entry.cases.source : undefined;
    if (source?.kind === 'file') casesPaths.add(source.path);
    const written = entry.result?.kind === 'applied' || entry.result?.kind === 'already';
    if (casesNeedAttention(entry) && isApplicable(entry) && !written) {
      counts.casesFailing++;
      if (entry.selected) counts.selectedCasesFailing++;
    }
    if (entry.status) counts.byStatus[entry.status]++;
    if (entry.stage === 'planned' || entry.stage === 'applied' || entry.stage === 'failed') counts.planned++;
    if (entry.selected) counts.selected++;
    if (entry.stage === 'applying') counts.applying++;
    if (entry.result?.kind === 'applied') counts.applied++;
    else if (entry.result?.kind === 'already') counts.already++;
    else if (entry.result) counts.notApplied++;
  }
  counts.casesFiles = casesPaths.size;
  // Rows are policy files and the test-case files that needed one; each file counts once.
  counts.total = entries.length - counts.byStatus.cases + counts.casesFiles;
  return counts;
}
