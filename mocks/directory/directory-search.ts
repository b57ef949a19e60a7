import type { IndexedPeople } from '../../server/policy-tests-api';
import { EMAIL_DOMAIN, IAM_NOT_FOUND, type Directory } from './directory';

/**
 * The synthetic directory as the directory extension reads it (server/policy-tests-api): people by
 * index, what the mock IAM answers for each, and an email's user found at once (its index is part
 * of every address).
 */
export function directoryPeople(directory: Directory): IndexedPeople {
  return {
    size: directory.size,
    user: (i) => directory.user(i),
    reply: (i) =>
      directory.unknownToIam(i)
        ? { status: 404, message: IAM_NOT_FOUND }
        : { status: 200, body: directory.iamRecord(i) },
    indexOf: (email) => indexOfEmail(directory, email),
  };
}

/** The index of the user with this email, or -1. */
function indexOfEmail(directory: Directory, email: string): number {
  const match = new RegExp(`(\\d+)@${EMAIL_DOMAIN.replace('.', '\\.')}$`).exec(email.toLowerCase());
  if (!match) return -1;
  const i = Number(match[1]);
  return i < directory.size && directory.email(i) === email.toLowerCase() ? i : -1;
}
