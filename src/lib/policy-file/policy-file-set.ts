import type { AsyncZippable } from 'fflate';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { forEachInSlices } from '@/lib/scheduling/in-slices';
import type { CliDialect } from './cli-dialect';
import { writeCliFile } from './write-cli-file';

export interface PolicyFileSet {
  files: { name: string; text: string }[];
  /** How many secrets were left out, over all files. */
  secretsLeftOut: number;
}

/**
 * One CLI file per policy (secrets left out), named by id, for seeding a repository. Two ids that
 * make the same safe file name (`a/b`, `a_b`) get `-2`, `-3`… in the order given. Written in slices:
 * thousands of policies must not hold the page still.
 */
export async function writePolicyFileSet(
  policies: readonly Policy[],
  dialect: CliDialect,
  { onProgress, signal }: { onProgress?: (done: number) => void; signal?: AbortSignal } = {},
): Promise<PolicyFileSet> {
  const taken = new Set<string>();
  const set: PolicyFileSet = { files: [], secretsLeftOut: 0 };
  await forEachInSlices(
    policies,
    (policy, index) => {
      const file = writeCliFile(policy, { dialect });
      const stem = file.fileName.replace(/\.yaml$/, '');
      let name = file.fileName;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.yaml`;
      taken.add(name.toLowerCase());
      set.files.push({ name, text: file.text });
      set.secretsLeftOut += file.secretsLeftOut.length;
      onProgress?.(index + 1);
    },
    { signal },
  );
  return set;
}

/** A fixed date for every entry: the same policies give the same zip, byte for byte. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/** The files as a zip archive (fflate, loaded on first use; compression runs off the main thread). */
export async function zipFiles(files: readonly { name: string; text: string }[]): Promise<Uint8Array> {
  const { strToU8, zip, zipSync } = await import('fflate');
  const entries: AsyncZippable = {};
  for (const file of files) entries[file.name] = [strToU8(file.text), { mtime: ZIP_DATE }];
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      zip(entries, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data)));
    });
  } catch {
    // No workers here (a locked-down browser): compress on this thread instead.
    return zipSync(entries, { level: 6 });
  }
}
