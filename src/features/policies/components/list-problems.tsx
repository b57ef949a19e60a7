import type { PolicyCatalog } from '../api/get-policies';
import { DuplicatesNotice } from './duplicates-notice';
import { UnreadableNotice } from './unreadable-notice';

/** What the catalog tells about the list itself: rows it could not read, versions listed twice. */
export function ListProblems({ list }: { list: PolicyCatalog }) {
  return (
    <>
      <UnreadableNotice rows={list.unreadable} total={list.unreadableCount} />
      <DuplicatesNotice duplicates={list.duplicates} />
    </>
  );
}
