import { readPolicyFile, type PolicyFileReading } from '@/lib/policy-file';
import type { SourceFile } from './source-file';

/**
 * The largest file read. Real policies are a few kB; a 2,000-step one is about 400 kB. Reading a
 * larger file would hold the page for seconds to find out it is not a policy.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

type ScreenProblem = 'not-a-policy-file' | 'too-large' | 'binary' | 'unreadable';

type ScreenRefusal = { ok: false; problem: ScreenProblem; message: string };

export type ScreenedFile = { ok: true; reading: PolicyFileReading } | ScreenRefusal;

const FORMATS: Record<string, PolicyFileFormat> = { yaml: 'yaml', yml: 'yaml', json: 'json' };

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** NUL bytes or text that is not UTF-8: an image, an archive, a compiled file. */
function decodeText(bytes: ArrayBuffer): string | undefined {
  const view = new Uint8Array(bytes);
  if (view.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    return undefined;
  }
}

type FileKind = 'policy file' | 'test-case file';
type TextProblem = { ok: false; problem: Exclude<ScreenProblem, 'not-a-policy-file'>; message: string };

function tooLarge(file: SourceFile, kind: FileKind): TextProblem | undefined {
  if (file.size <= MAX_FILE_BYTES) return undefined;
  return {
    ok: false,
    problem: 'too-large',
    message: `This file is ${megabytes(file.size)}; a ${kind} is at most ${megabytes(MAX_FILE_BYTES)}. Is it really one?`,
  };
}

/** A file's bytes, or why the browser could not read them. */
export async function readBytes(file: SourceFile): Promise<{ ok: true; bytes: ArrayBuffer } | TextProblem> {
  try {
    return { ok: true, bytes: await file.bytes() };
  } catch (error) {
    return {
      ok: false,
      problem: 'unreadable',
      message: `The browser could not read this file: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function asText(bytes: ArrayBuffer, kind: FileKind): { ok: true; text: string } | TextProblem {
  const text = decodeText(bytes);
  if (text === undefined) {
    return {
      ok: false,
      problem: 'binary',
      message: `This is a binary file, not text: a ${kind} is ${kind === 'policy file' ? 'YAML or JSON' : 'YAML'} text (UTF-8).`,
    };
  }
  return { ok: true, text };
}

/** A file's text, or why it cannot be read as text (too large, unreadable, binary). */
export async function readTextFile(
  file: SourceFile,
  kind: FileKind,
): Promise<{ ok: true; text: string } | TextProblem> {
  const large = tooLarge(file, kind);
  if (large) return large;
  const read = await readBytes(file);
  return read.ok ? asText(read.bytes, kind) : read;
}

export type PolicyFileFormat = 'yaml' | 'json';

/**
 * What can be said of a file before reading it: not a policy file (like the CLI, the extension
 * decides the format: `.yaml`/`.yml` are YAML, `.json` is JSON; anything else is not read), or
 * too large — else the format to read it in.
 */
export function screenByName(file: SourceFile): { ok: true; format: PolicyFileFormat } | ScreenRefusal {
  const extension = extensionOf(file.path);
  const format = FORMATS[extension];
  if (!format) {
    return {
      ok: false,
      problem: 'not-a-policy-file',
      message: `Not a policy file${extension ? ` (.${extension})` : ''}: only .yaml, .yml and .json files are read.`,
    };
  }
  return tooLarge(file, 'policy file') ?? { ok: true, format };
}

/** A policy file's bytes read as the CLI reads them (the heavy part: decoding and parsing). */
export function screenBytes(bytes: ArrayBuffer, format: PolicyFileFormat): ScreenedFile {
  const read = asText(bytes, 'policy file');
  return read.ok ? { ok: true, reading: readPolicyFile(read.text, { format }) } : read;
}
