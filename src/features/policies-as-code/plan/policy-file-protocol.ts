import type { PolicyFileFormat, ScreenedFile } from './screen-file';

/** One file's bytes (transferred, not copied) to read as a policy file. */
export interface PolicyFileRequest {
  id: number;
  bytes: ArrayBuffer;
  format: PolicyFileFormat;
}

export type PolicyFileAnswer = { id: number; screened: ScreenedFile } | { id: number; error: string };
