import { type Directory, EMAIL_DOMAIN, IAM_NOT_FOUND, type DirectoryUser, type IamRecord } from './directory';

/**
 * Finding people in the synthetic directory for the trace view's user picker. The directory is
 * computed, not stored, so a search scans it in order and stops early: at `limit` matches or after
 * SCAN_LIMIT users. An email names its user directly (the index is part of every address).
 */
const SCAN_LIMIT = 200_000;

export function searchDirectory(directory: Directory, text: string, limit: number): DirectoryUser[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return Array.from({ length: Math.min(limit, directory.size) }, (_, i) => directory.user(i));
  const exact = indexOfEmail(directory, needle);
  const found: DirectoryUser[] = exact >= 0 ? [directory.user(exact)] : [];
  const scan = Math.min(directory.size, SCAN_LIMIT);
  for (let i = 0; i < scan && found.length < limit; i++) {
    if (i === exact) continue;
    if (directory.email(i).includes(needle) || directory.name(i).toLowerCase().includes(needle))
      found.push(directory.user(i));
  }
  return found;
}

/** The index of the user with this email, or -1. */
export function indexOfEmail(directory: Directory, email: string): number {
  const match = new RegExp(`(\\d+)@${EMAIL_DOMAIN.replace('.', '\\.')}$`).exec(email.toLowerCase());
  if (!match) return -1;
  const i = Number(match[1]);
  return i < directory.size && directory.email(i) === email.toLowerCase() ? i : -1;
}

/** What the mock IAM answers for a user: their record, or the 404 Guardian's HTTP client reports. */
export type IamReply = { status: 200; body: IamRecord } | { status: 404; message: string };

export function iamReply(directory: Directory, index: number): IamReply {
  return directory.unknownToIam(index)
    ? { status: 404, message: IAM_NOT_FOUND }
    : { status: 200, body: directory.iamRecord(index) };
}
