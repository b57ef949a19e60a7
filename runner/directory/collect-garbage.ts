import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, once a directory is loaded: reading a million rows leaves a few hundred
 * megabytes of parser chunks and outgrown buffers behind, and V8 would otherwise keep them (and the
 * resident memory) until its heap grows again.
 */
let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
