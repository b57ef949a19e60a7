import { Directory, IAM_NOT_FOUND } from '../../mocks/directory/directory';
import { IAM_FAILURE } from './iam-directory';
import { recordMask } from '../../mocks/directory/iam-record-fields';
import type { DirectoryUser, UserDirectory } from './user-directory';

/** The mock's generated people (`synthetic:N`): computed per index, so any size costs no memory. */
export class SyntheticDirectory implements UserDirectory {
  private readonly directory: Directory;
  readonly hash: string;
  readonly label: string;

  constructor(
    readonly seed: number,
    readonly size: number,
  ) {
    this.directory = new Directory(seed, size, true);
    this.hash = `synthetic:${seed}:${size}`;
    this.label = `synthetic:${size}`;
  }

  user(i: number): DirectoryUser {
    return this.directory.user(i);
  }

  email(i: number): string {
    return this.directory.email(i);
  }

  record(i: number, keys?: ReadonlySet<string>): Record<string, unknown> {
    // As the mock's IAM: a few people it no longer knows answer 404.
    if (this.directory.unknownToIam(i)) return { [IAM_FAILURE]: IAM_NOT_FOUND };
    return this.directory.iamRecord(i, recordMask(keys ?? 'all')) as unknown as Record<string, unknown>;
  }

  /** A synthetic hash names its own content: the same people can be made again after a restart. */
  static fromHash(hash: string): SyntheticDirectory | undefined {
    const m = /^synthetic:(\d+):(\d+)$/.exec(hash);
    return m ? new SyntheticDirectory(Number(m[1]), Number(m[2])) : undefined;
  }
}
