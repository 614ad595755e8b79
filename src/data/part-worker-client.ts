/**
 * Starts the second loader worker (incident-part-worker.ts) from the first one, for a file read
 * in two parts (split-stream.ts): bytes go over as transferred buffers, the part comes back.
 */
import type { IncidentValidationOptions } from './incident-columns';
import type { ReadPart } from './incident-stream';
import type { PartWorker } from './split-stream';

/** Messages to the second worker. */
export type PartRequest =
  | { type: 'start'; file: string; options: IncidentValidationOptions; batchBytes: number }
  | { type: 'bytes'; bytes: Uint8Array }
  | { type: 'end' };

/** Its answer once the bytes ended (or it gave up). */
export type PartResponse = { type: 'part'; read: ReadPart } | { type: 'failed' };

/** Starts a second worker (throws where workers cannot start workers). */
export function spawnPartWorker(
  file: string,
  options: IncidentValidationOptions,
  batchBytes: number,
): PartWorker {
  const worker = new Worker(new URL('./incident-part-worker.ts', import.meta.url), {
    type: 'module',
  });
  const send = (m: PartRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  let settle: ((r: ReadPart | null) => void) | null = null;
  const result = new Promise<ReadPart | null>((resolve) => (settle = resolve));
  worker.onmessage = (e: MessageEvent<PartResponse>) => {
    settle?.(e.data.type === 'part' ? e.data.read : null);
    worker.terminate();
  };
  worker.onerror = () => {
    settle?.(null);
    worker.terminate();
  };
  send({ type: 'start', file, options, batchBytes });
  return {
    push(bytes) {
      // Transfer whole buffers; a view into a bigger one is copied first.
      const own =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? bytes
          : bytes.slice();
      send({ type: 'bytes', bytes: own }, [own.buffer as ArrayBuffer]);
    },
    end() {
      send({ type: 'end' });
      return result;
    },
    cancel() {
      settle?.(null);
      worker.terminate();
    },
  };
}
