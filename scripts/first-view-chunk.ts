// The first view's code in one chunk (build.rolldownOptions.output.codeSplitting in vite.config.ts).
import { resolve } from 'node:path';
import type { Rolldown } from 'vite';
import { FIRST_ROUTE_MODULE, FIRST_VIEW_CHUNK } from './check-bundle.ts';

type Group = Extract<NonNullable<Rolldown.OutputOptions['codeSplitting']>, object>['groups'] extends
  (infer G)[] | undefined
  ? G
  : never;
type ModuleInfo = { importedIds: readonly string[] } | null;

function staticClosure(root: string, info: (id: string) => ModuleInfo): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    info(id)?.importedIds.forEach(visit);
  };
  visit(root);
  return seen;
}

/**
 * What the first view (the catalog) needs besides the shell, as one chunk. Left to itself the
 * bundler gives every module the catalog shares with another view a chunk of its own — a dozen
 * chunks of 0.2–2 kB before the first row, each compressed alone and linked by imports (3 kB more
 * gzip than the same code in one file). A view that shares one of those modules imports this chunk
 * instead: it is loaded already when that view is opened from the catalog.
 *
 * Only modules the entry does not load statically (those are in the entry's chunks already), and
 * not their dependencies: every dependency of a module here is here or in the entry's closure, so
 * the chunk runs after what it needs.
 */
export function firstViewChunk(projectRoot: string, entryModule = 'src/main.tsx'): Group {
  let pass: { info: unknown; members: Set<string> } | undefined;
  return {
    name: (id, ctx) => {
      // The context is new for each build: compute the two closures once per build.
      if (pass?.info !== ctx) {
        const info = (moduleId: string) => ctx.getModuleInfo(moduleId);
        const view = staticClosure(resolve(projectRoot, FIRST_ROUTE_MODULE), info);
        const shell = staticClosure(resolve(projectRoot, entryModule), info);
        pass = { info: ctx, members: new Set([...view].filter((moduleId) => !shell.has(moduleId))) };
      }
      return pass.members.has(id) ? FIRST_VIEW_CHUNK : null;
    },
    debugName: FIRST_VIEW_CHUNK,
    includeDependenciesRecursively: false,
  };
}
