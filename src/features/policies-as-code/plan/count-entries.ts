import type { PlanEntry, PlanStatus } from './plan-entry';

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
}

export function countEntries(entries: readonly PlanEntry[]): PlanCounts {
  const counts: PlanCounts = {
    total: entries.length,
    planned: 0,
    byStatus: { new: 0, changed: 0, unchanged: 0, invalid: 0, skipped: 0 },
    selected: 0,
    applying: 0,
    applied: 0,
    already: 0,
    notApplied: 0,
  };
  for (const entry of entries) {
    if (entry.status) counts.byStatus[entry.status]++;
    if (entry.stage === 'planned' || entry.stage === 'applied' || entry.stage === 'failed') counts.planned++;
    if (entry.selected) counts.selected++;
    if (entry.stage === 'applying') counts.applying++;
    if (entry.result?.kind === 'applied') counts.applied++;
    else if (entry.result?.kind === 'already') counts.already++;
    else if (entry.result) counts.notApplied++;
  }
  return counts;
}
