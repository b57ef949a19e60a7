// The "profile" of a bundle: rebuilds the app with one chunk per npm package so
// that Rolldown's own minified output tells what each part of the first route costs in gzip.
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { FIRST_ROUTE_MODULE } from '../../scripts/check-bundle';
import { ROOT } from './context';

export interface PartCost {
  part: string;
  gzip: number;
}

/** The npm package a module belongs to, or null for the project's own code. */
function packageOf(id: string): string | null {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? null;
}

/** Gzip bytes per npm package (and the project's own chunks), for the JS the first route loads. */
export async function attributeFirstRoute(): Promise<PartCost[]> {
  // Chunk names get sanitised by the bundler, so each part is named by an index into this list.
  const parts: string[] = [];
  const groupName = (id: string) => {
    const name = packageOf(id);
    if (name === null) return null;
    const index = parts.indexOf(name);
    return `part${index >= 0 ? index : parts.push(name) - 1}`;
  };
  const output = await build({
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      manifest: true,
      rolldownOptions: {
        output: {
          codeSplitting: { groups: [{ name: groupName }] },
        },
      },
    },
  });
  const bundle = (Array.isArray(output) ? output[0] : output) as Rolldown.RolldownOutput;
  const chunks = bundle.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const manifestAsset = bundle.output.find((o) => o.type === 'asset' && o.fileName.endsWith('manifest.json'));
  if (!manifestAsset || manifestAsset.type !== 'asset') return [];
  const manifest = JSON.parse(
    typeof manifestAsset.source === 'string' ? manifestAsset.source : new TextDecoder().decode(manifestAsset.source),
  ) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

  const keys = new Set<string>();
  const visit = (key: string) => {
    if (keys.has(key) || !manifest[key]) return;
    keys.add(key);
    manifest[key].imports?.forEach(visit);
  };
  Object.keys(manifest)
    .filter((k) => manifest[k]?.isEntry)
    .forEach(visit);
  visit(FIRST_ROUTE_MODULE);

  const costs = new Map<string, number>();
  for (const key of keys) {
    const chunk = byFile.get(manifest[key]!.file);
    if (!chunk) continue;
    const gzip = gzipSync(chunk.code).length;
    // Small CommonJS packages can land in their importer's chunk: name every package a chunk holds.
    const packages = [...new Set(Object.keys(chunk.modules).map(packageOf))];
    const named = packages.filter((p): p is string => p !== null);
    const part =
      named.length > 0
        ? named.join(' + ') + (packages.includes(null) ? ' + project code' : '')
        : `project code (${chunk.name} chunk)`;
    costs.set(part, (costs.get(part) ?? 0) + gzip);
  }
  return [...costs].map(([part, gzip]) => ({ part, gzip })).sort((a, b) => b.gzip - a.gzip);
}
