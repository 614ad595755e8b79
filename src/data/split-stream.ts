/**
 * Reading a big GeoJSON file in two parts at once, on two cores: this thread parses and validates
 * the features up to a cut near the middle, a second worker (incident-part-worker.ts) those after
 * it, and the first part absorbs the second's rows (IncidentColumnsBuilder.absorb), which gives
 * exactly the one-part result.
 *
 * The cut is the first comma at or after the middle byte that looks like one between two
 * features (`,{"`: see feature-stream.ts). Whether it is one is known only when the first part's
 * last batch, which ends there, parses as whole features. If it does not (text holding `,{"`
 * right there), or the second part is not a well-formed end of the collection, the file is read
 * again in one part, so every error message is the one-part message.
 *
 * So that the second worker starts early, the bytes are read as fast as they come and queued for
 * this thread's part, whose parsing yields to the reads after every batch.
 */
import { concat, FeatureStreamScanner, findLikelyCut } from './feature-stream';
import type { IncidentValidationOptions } from './incident-columns';
import type { BatchValidator, ReadPart } from './incident-stream';
import type { ProgressListener } from './load-progress';

/** Files from this size up are split (below it a second worker costs more than it saves). */
export const SPLIT_MIN_BYTES = 24 << 20;
/** The first part's share of the bytes: this thread also reads, scans and merges. */
const FIRST_PART_SHARE = 0.52;
/** Bytes per message to the second worker. */
const FORWARD_BYTES = 1 << 20;
/** No likely cut this far after the middle: an unusual layout, read in one part. */
const MAX_CUT_SEARCH = 8 << 20;

/** The second worker, as the first part's reader sees it. */
export interface PartWorker {
  /** The next bytes of the second part (the array may be transferred: do not reuse it). */
  push(bytes: Uint8Array): void;
  /** No more bytes: the second part, or null when it could not be read as one. */
  end(): Promise<ReadPart | null>;
  /** Stops the worker (its part is not needed). */
  cancel(): void;
}

/** How to split: start a second worker, and read the file again if the split fails. */
export interface SplitReading {
  spawn(file: string, options: IncidentValidationOptions, batchBytes: number): PartWorker;
  restart(): Promise<ReadableStream<Uint8Array>>;
  /** Smallest file to split (default SPLIT_MIN_BYTES). */
  minBytes?: number;
}

/** What reading gave: bytes read, and the second part when the file was split. */
export type SplitRead =
  | {
      loaded: number;
      second: ReadPart | null;
      /** How long this part waited for the second worker once done (0: it was first). */
      waitMs?: number;
    }
  | 'again';

/** Resolves on the next task, after pending reads (a message, not a clamped timer). */
function nextTask(channel: MessageChannel): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Reads `body` into `scanner` (whose sink is `validator`'s), splitting it with a second worker
 * when `split` is given and the file is big enough. After it, the scanner holds the first part
 * (ended at the cut with `endAtCut` when split) and `second` the rest.
 */
export async function readSplit(
  body: ReadableStream<Uint8Array>,
  total: number | null,
  scanner: FeatureStreamScanner,
  validator: BatchValidator,
  file: string,
  rules: IncidentValidationOptions,
  onProgress: ProgressListener | undefined,
  split: SplitReading | undefined,
  batchBytes?: number,
): Promise<SplitRead> {
  const reader = body.getReader();
  let loaded = 0;
  let helper: PartWorker | null = null;
  if (split && total && total >= (split.minBytes ?? SPLIT_MIN_BYTES)) {
    try {
      helper = split.spawn(file, rules, batchBytes ?? 0);
    } catch {
      // No workers from workers here: one part.
    }
  }
  if (!helper) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      scanner.push(value);
      onProgress?.({ phase: 'fetch', loaded, total });
    }
    return { loaded, second: null };
  }

  // A helper implies a known total (see above).
  const target = Math.floor(total! * FIRST_PART_SHARE);
  const queue: Uint8Array[] = [];
  // In an object: both loops below change and read it (no narrowing across their awaits).
  const at: { state: 'first' | 'searching' | 'second' | 'whole' } = { state: 'first' };
  let searched: Uint8Array | null = null;
  let searchBase = 0;
  let offset = 0;
  let readDone = false;
  let readError: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const oneWorker = () => {
    at.state = 'whole';
    helper?.cancel();
    helper = null;
  };

  const forward: Uint8Array[] = [];
  let forwardBytes = 0;
  const flushForward = () => {
    if (!forward.length) return;
    helper!.push(concat(forward));
    forward.length = 0;
    forwardBytes = 0;
  };

  const reading = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.byteLength;
        onProgress?.({ phase: 'fetch', loaded, total });
        const start = offset;
        offset += value.byteLength;
        if (at.state === 'second') {
          // Forwarded in ~1 MB messages: thousands of small ones cost more than the copies.
          forward.push(value);
          forwardBytes += value.byteLength;
          if (forwardBytes >= FORWARD_BYTES) flushForward();
          continue;
        }
        if (at.state === 'whole' || (at.state === 'first' && offset <= target)) {
          queue.push(value);
          notify();
          continue;
        }
        if (at.state === 'first') {
          at.state = 'searching';
          searchBase = start;
        }
        searched = searched ? concat([searched, value]) : value;
        const from = Math.max(0, target - searchBase);
        const cut = findLikelyCut(searched, from);
        if (cut >= 0) {
          queue.push(searched.subarray(0, cut));
          // Its own copy: the second worker takes the buffer.
          helper!.push(searched.slice(cut + 1));
          searched = null;
          at.state = 'second';
          notify();
        } else if (searched.byteLength - from > MAX_CUT_SEARCH) {
          queue.push(searched);
          searched = null;
          oneWorker();
          notify();
        }
      }
      flushForward();
      if (at.state === 'searching' && searched) queue.push(searched);
      if (at.state !== 'second') oneWorker();
    } catch (e) {
      readError = e;
    } finally {
      readDone = true;
      notify();
    }
  })();

  // This part: parse the queued bytes, letting the reads in after every batch.
  const channel = new MessageChannel();
  try {
    for (;;) {
      const next = queue.shift();
      if (next) {
        const batches = validator.batches;
        scanner.push(next);
        if (validator.batches !== batches) await nextTask(channel);
        continue;
      }
      if (readDone || at.state === 'second') break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } catch (e) {
    helper?.cancel();
    reader.cancel().catch(() => {});
    throw e;
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
  await reading;
  if (readError) {
    helper?.cancel();
    throw readError;
  }
  if (at.state !== 'second') return { loaded, second: null };
  if (!scanner.endAtCut()) {
    helper!.cancel();
    return 'again';
  }
  const waitStart = performance.now();
  const second = await helper!.end();
  return second ? { loaded, second, waitMs: performance.now() - waitStart } : 'again';
}
