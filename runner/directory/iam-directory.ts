import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isEmail } from '../../src/lib/guardian-rules/is-email';
import { DirectoryTable } from './directory-table';
import { ReportBuilder } from './load-report';
import type { DirectoryLoad } from './read-csv';
import { RowLines } from './row-rules';
import type { DirectoryUser, UserDirectory } from './user-directory';
import type { IamFetcher, IamHttpConfig } from './iam-fetcher';

/** `DIRECTORY=iam:<file>`: the people are a list of emails, one a line; their records come from IAM. */
export async function readEmailList(path: string): Promise<DirectoryLoad> {
  const report = new ReportBuilder(path);
  const digest = createHash('sha256');
  const table = new DirectoryTable(path);
  const email = table.column(['email'])!;
  const lines = new RowLines();
  let line = 0;
  try {
    const stream = createReadStream(path, { encoding: 'utf8' });
    stream.on('data', (chunk) => digest.update(chunk as string, 'utf8'));
    for await (let text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      text = text.trim();
      if (text === '' || text.startsWith('#')) continue;
      if (!isEmail(text)) {
        report.skip(line, `not an email: ${JSON.stringify(text.slice(0, 80))}`);
        continue;
      }
      const added = table.add(text, [[email, text]]);
      if (!added.added)
        report.skip(line, `duplicate email ${text} (first on line ${lines.lineOfUser(added.duplicateOf)})`);
      else lines.userAdded(line);
    }
  } catch (error) {
    return { table: undefined, report: report.build(0, `cannot read the file: ${(error as Error).message}`) };
  }
  const sealed = table.seal(`iam-sha256:${digest.digest('hex')}`);
  return { table: sealed, report: report.build(sealed.size) };
}

/** A failed IAM lookup, kept as the user's record so that the test reports why. */
export const IAM_FAILURE = Symbol('iam failure');
export type IamRecord = Record<string, unknown> & { [IAM_FAILURE]?: string };

/**
 * The people of an email list with each one's record fetched through the policy's IAM `http`
 * provider, a window at a time (`prefetch`) before the test evaluates them.
 */
export class IamRecords implements UserDirectory {
  private window = new Map<number, IamRecord>();

  constructor(
    private readonly emails: UserDirectory,
    private readonly config: IamHttpConfig | undefined,
    private readonly fetcher: IamFetcher,
  ) {}

  get size() {
    return this.emails.size;
  }
  get hash() {
    return this.emails.hash;
  }
  get label() {
    return this.emails.label;
  }

  email(i: number): string {
    return this.emails.email(i);
  }

  user(i: number): DirectoryUser {
    const base = this.emails.user(i);
    const record = this.window.get(i);
    const name = record && typeof record.name === 'string' ? record.name : base.name;
    return { ...base, name };
  }

  async prefetch(start: number, end: number): Promise<void> {
    this.window = new Map();
    const config = this.config;
    const jobs: Promise<void>[] = [];
    for (let i = start; i < end; i++) {
      const email = this.emails.email(i);
      if (!config) {
        this.window.set(i, {
          [IAM_FAILURE]: 'the policy has no IAM http provider to fetch the creator from',
        } as IamRecord);
        continue;
      }
      jobs.push(
        this.fetcher.get(config, email).then((answer) => {
          this.window.set(
            i,
            answer.ok
              ? answer.value !== null && typeof answer.value === 'object' && !Array.isArray(answer.value)
                ? (answer.value as IamRecord)
                : ({ [IAM_FAILURE]: 'the IAM provider answered with JSON that is not an object' } as IamRecord)
              : ({ [IAM_FAILURE]: answer.error } as IamRecord),
          );
        }),
      );
    }
    await Promise.all(jobs);
  }

  record(i: number): Record<string, unknown> {
    return this.window.get(i) ?? ({ [IAM_FAILURE]: 'not fetched' } as IamRecord);
  }
}
