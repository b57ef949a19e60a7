import { watchFile, unwatchFile, type Stats } from 'node:fs';
import type { DirectorySetting } from '../config/read-config';
import { describeReport, type LoadReport } from './load-report';
import { readCsvDirectory } from './read-csv';
import { readJsonlDirectory } from './read-jsonl';
import { SyntheticDirectory } from './synthetic-directory';
import type { UserDirectory } from './user-directory';
import { collectGarbage } from './collect-garbage';
import { readEmailList } from './iam-directory';

/** Reads the configured directory; a file's load report says what was skipped and why. */
export async function loadDirectory(
  setting: DirectorySetting,
): Promise<{ directory?: UserDirectory; report?: LoadReport }> {
  if (setting.kind === 'synthetic') return { directory: new SyntheticDirectory(setting.seed, setting.size) };
  const { table, report } =
    setting.kind === 'iam'
      ? await readEmailList(setting.path)
      : setting.format === 'csv'
        ? await readCsvDirectory(setting.path)
        : await readJsonlDirectory(setting.path);
  collectGarbage();
  return { directory: table, report };
}

/**
 * The directory new tests run over. A file is read again when it changes (checked every few
 * seconds); the new content replaces the old only once it loaded, and a test keeps the snapshot
 * it started with. A file that cannot be used at all keeps the last good one.
 */
export class CurrentDirectory {
  private watching = false;
  private reloading: Promise<void> | undefined;
  lastReport: LoadReport | undefined;

  constructor(
    private directory: UserDirectory,
    private readonly setting: DirectorySetting,
    private readonly log: (line: string) => void,
  ) {}

  get(): UserDirectory {
    return this.directory;
  }

  watch(intervalMs = 2000): void {
    if (this.setting.kind === 'synthetic' || this.watching) return;
    this.watching = true;
    watchFile(this.setting.path, { interval: intervalMs }, (now: Stats, before: Stats) => {
      if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
      void this.reload();
    });
  }

  reload(): Promise<void> {
    this.reloading ??= (async () => {
      try {
        const { directory, report } = await loadDirectory(this.setting);
        if (report) {
          this.lastReport = report;
          for (const line of describeReport(report)) this.log(line);
        }
        if (directory && directory.hash !== this.directory.hash) {
          this.directory = directory;
          this.log(`Directory reloaded: ${directory.size.toLocaleString('en-US')} users; new tests use it.`);
        } else if (!directory) this.log('Directory not reloaded: keeping the previous content.');
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }

  close(): void {
    if (this.watching && this.setting.kind !== 'synthetic') unwatchFile(this.setting.path);
    this.watching = false;
  }
}
