import type { IndexedPeople } from '../../server/policy-tests-api';
import { IAM_FAILURE, type IamRecord } from './iam-directory';
import type { UserDirectory } from './user-directory';

/**
 * The runner's directory as the directory extension reads it (the console's trace view picks a
 * person from it): each user's record is what their IAM answers, fetched first when it lives
 * behind the IAM.
 */
export function directoryPeople(directory: UserDirectory): IndexedPeople {
  return {
    size: directory.size,
    user: (i) => directory.user(i),
    async reply(i) {
      await directory.prefetch?.(i, i + 1);
      const record = directory.record(i) as IamRecord;
      const failure = record[IAM_FAILURE];
      return failure === undefined ? { status: 200, body: record } : { status: 502, message: failure };
    },
  };
}
