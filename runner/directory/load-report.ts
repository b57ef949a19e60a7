/** What loading a directory file found: rows kept, rows skipped and why (line-numbered). */
export interface LoadProblem {
  line: number;
  message: string;
}

export interface LoadReport {
  source: string;
  users: number;
  skipped: number;
  /** The first problems found (all of them are counted in `skipped`). */
  problems: LoadProblem[];
  /** Things handled on the way that a person may want to know (a byte-order mark, CRLF line ends). */
  notes: string[];
  /** The file could not be used at all (no email column, unreadable): no users. */
  fatal?: string;
  ms: number;
}

const PROBLEMS_KEPT = 200;

export class ReportBuilder {
  private readonly problems: LoadProblem[] = [];
  private readonly notes = new Set<string>();
  skipped = 0;
  private readonly started = Date.now();

  constructor(private readonly source: string) {}

  skip(line: number, message: string): void {
    this.skipped++;
    if (this.problems.length < PROBLEMS_KEPT) this.problems.push({ line, message });
  }

  note(text: string): void {
    this.notes.add(text);
  }

  build(users: number, fatal?: string): LoadReport {
    return {
      source: this.source,
      users,
      skipped: this.skipped,
      problems: this.problems,
      notes: [...this.notes],
      ...(fatal ? { fatal } : {}),
      ms: Date.now() - this.started,
    };
  }
}

/** The report as lines for a log: a summary, then each problem (at most `limit`). */
export function describeReport(report: LoadReport, limit = 20): string[] {
  if (report.fatal) return [`${report.source}: cannot be used — ${report.fatal}`];
  const lines = [
    `${report.source}: ${report.users.toLocaleString('en-US')} users loaded in ${(report.ms / 1000).toFixed(1)} s` +
      (report.skipped > 0 ? `, ${report.skipped.toLocaleString('en-US')} rows skipped` : ''),
  ];
  for (const note of report.notes) lines.push(`  note: ${note}`);
  for (const p of report.problems.slice(0, limit)) lines.push(`  line ${p.line}: ${p.message}`);
  if (report.skipped > limit)
    lines.push(`  … and ${(report.skipped - limit).toLocaleString('en-US')} more skipped rows`);
  return lines;
}
