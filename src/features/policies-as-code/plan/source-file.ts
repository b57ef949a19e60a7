/** A file dropped or chosen for planning: where it sat in the folder, and how to read it. */
export interface SourceFile {
  /** Path inside what was dropped, e.g. `policies/bigquery.yaml` (the name alone for loose files). */
  path: string;
  size: number;
  bytes: () => Promise<ArrayBuffer>;
}

export function fromFile(file: File, path?: string): SourceFile {
  return {
    path: path || file.webkitRelativePath || file.name,
    size: file.size,
    bytes: () => file.arrayBuffer(),
  };
}

/** Files in hidden folders (`.git/…`) and hidden files are never policies: skipped without a row each. */
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..');
}
