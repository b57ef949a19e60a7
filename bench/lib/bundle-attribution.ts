// The "profile" of a bundle: which package (or project folder) each byte of the first route's JS
// comes from. Rebuilds the app in memory with source maps and walks the mappings, as
// source-map-explorer does; each chunk's gzip size is shared out in proportion to minified bytes.
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { chunkKeyOf, FIRST_ROUTE_MODULE } from '../../scripts/check-bundle';
import { ROOT } from './context';

export interface PartCost {
  part: string;
  gzip: number;
}

/**
 * `react-dom`, `@tanstack/react-query`, or a project folder such as `src/features/policies`
 * (with `files`, the project file itself: `src/lib/expr/parser.ts`).
 */
export function partOf(source: string, files = false): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1]!;
  const path = source.replace(/^(\.\.\/)+/, '').replace(`${ROOT}/`, '');
  const segments = path.split('/');
  if (files && (segments[0] === 'src' || segments[0] === 'mocks')) return path;
  if (segments[0] === 'src') return segments.slice(0, segments[1] === 'features' ? 3 : 2).join('/');
  if (segments[0] === 'mocks') return segments.slice(0, 2).join('/');
  if (segments[0]?.startsWith('\0') || path.includes('vite/') || path.includes('rolldown')) return '(bundler runtime)';
  return segments[0] ?? path;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one mappings segment (base64 VLQ) into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char)!;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export interface Segment {
  /** Generated column where the segment starts. */
  column: number;
  /** Index into the map's sources, or null for unmapped code. */
  source: number | null;
}

/** Decodes a source map's mappings into segments per generated line. */
export function decodeMappings(map: { mappings: string }): Segment[][] {
  let source = 0;
  return map.mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const fields = decodeSegment(segment);
        column += fields[0]!;
        if (fields.length >= 4) {
          source += fields[1]!;
          return { column, source };
        }
        return { column, source: null };
      });
  });
}

/** Bytes of generated code per source file, from a source map (unmapped bytes under `null`). */
function bytesPerSource(code: string, map: { sources: string[]; mappings: string }): Map<string | null, number> {
  const totals = new Map<string | null, number>();
  const add = (source: string | null, bytes: number) => totals.set(source, (totals.get(source) ?? 0) + bytes);
  const lines = code.split('\n');
  const segmentsPerLine = decodeMappings(map);
  lines.forEach((line, lineIndex) => {
    let lastColumn = 0;
    let lastSource: string | null = null;
    for (const segment of segmentsPerLine[lineIndex] ?? []) {
      add(lastSource, segment.column - lastColumn);
      lastSource = segment.source === null ? null : (map.sources[segment.source] ?? null);
      lastColumn = segment.column;
    }
    // The rest of the line, and its newline (the last line has none).
    add(lastSource, line.length - lastColumn + (lineIndex < lines.length - 1 ? 1 : 0));
  });
  return totals;
}

type Manifest = Record<string, { file: string; name?: string; isEntry?: boolean; imports?: string[] }>;

function staticClosure(manifest: Manifest, key: string, into: Set<string>): Set<string> {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const next of manifest[key].imports ?? []) staticClosure(manifest, next, into);
  return into;
}

export interface Attribution {
  /** Gzip bytes per part for the JS the first route loads. */
  firstRoute: PartCost[];
  /** Gzip bytes per part for what a lazily imported module adds after the first route. */
  lazy(module: string): PartCost[];
}

/** One in-memory build with source maps; then any set of chunks can be broken down by part. */
export async function attributeBundle(): Promise<Attribution> {
  const output = await build({
    root: ROOT,
    logLevel: 'silent',
    build: { write: false, manifest: true, sourcemap: true },
  });
  const bundle = (Array.isArray(output) ? output[0] : output) as Rolldown.RolldownOutput;
  const chunks = bundle.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const manifestAsset = bundle.output.find((o) => o.type === 'asset' && o.fileName.endsWith('manifest.json'));
  if (!manifestAsset || manifestAsset.type !== 'asset') throw new Error('the build emitted no manifest');
  const manifest = JSON.parse(
    typeof manifestAsset.source === 'string' ? manifestAsset.source : new TextDecoder().decode(manifestAsset.source),
  ) as Manifest;

  const shell = new Set<string>();
  Object.keys(manifest)
    .filter((k) => manifest[k]?.isEntry)
    .forEach((k) => staticClosure(manifest, k, shell));
  const firstRoute = staticClosure(
    manifest,
    chunkKeyOf(manifest, FIRST_ROUTE_MODULE) ?? FIRST_ROUTE_MODULE,
    new Set(shell),
  );

  const costsOf = (keys: Iterable<string>): PartCost[] => {
    const costs = new Map<string, number>();
    for (const key of keys) {
      const chunk = byFile.get(manifest[key]!.file);
      if (!chunk?.map) continue;
      const gzip = gzipSync(chunk.code).length;
      const perSource = bytesPerSource(chunk.code, chunk.map);
      const total = [...perSource.values()].reduce((a, b) => a + b, 0);
      for (const [source, bytes] of perSource) {
        const part = source === null ? '(bundler glue, unmapped)' : partOf(source);
        costs.set(part, (costs.get(part) ?? 0) + (gzip * bytes) / total);
      }
    }
    return [...costs].map(([part, gzip]) => ({ part, gzip: Math.round(gzip) })).sort((a, b) => b.gzip - a.gzip);
  };

  return {
    firstRoute: costsOf(firstRoute),
    lazy: (module) =>
      costsOf(
        [...staticClosure(manifest, chunkKeyOf(manifest, module) ?? module, new Set())].filter(
          (k) => !firstRoute.has(k),
        ),
      ),
  };
}
