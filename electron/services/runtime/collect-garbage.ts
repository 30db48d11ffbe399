import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection of the calling thread's heap, now. For the end of
 * a large batch (an invitation's ten years read, folded or stored): V8 keeps
 * such a batch's garbage, and the heap it grew to, for as long as the app
 * stays idle afterwards (heap 168 MB for 72 MB live, measured after a
 * ten-year import), and the next batch (the PDF worker's) comes on top.
 * Without `--expose-gc` on the command line, the flag is set at run time and
 * `gc` read from a fresh context, where V8 installs it.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (exposed) gc = exposed;
      else {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
      }
    } catch {
      gc = null;
    }
  }
  gc?.();
}
