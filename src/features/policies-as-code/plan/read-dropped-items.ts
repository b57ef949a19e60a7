import { fromFile, type SourceFile } from './source-file';

/** Folders deeper than this are not walked (a symlink loop, a vendored tree). */
const MAX_DEPTH = 20;

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A directory's children: `readEntries` gives them in batches until it gives none. */
async function childrenOf(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, depth: number, out: SourceFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    out.push(fromFile(file, entry.fullPath.replace(/^\/+/, '')));
  } else if (entry.isDirectory && depth < MAX_DEPTH) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, depth + 1, out);
  }
}

/**
 * The files of a drop, folders walked. Must be called during the drop event: the browser empties
 * `dataTransfer` once the handler returns, so the entries are taken first and walked afterwards.
 */
export function readDroppedItems(dataTransfer: DataTransfer): Promise<SourceFile[]> {
  const entries = [...dataTransfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return Promise.resolve([...dataTransfer.files].map((file) => fromFile(file)));
  return (async () => {
    const out: SourceFile[] = [];
    for (const entry of entries) await walk(entry, 0, out);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  })();
}

/** The files of a file input (one or many files, or a folder with `webkitdirectory`). */
export function readInputFiles(files: FileList | null): SourceFile[] {
  return [...(files ?? [])]
    .map((file) => fromFile(file))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
