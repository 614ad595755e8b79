/**
 * Loads an incidents FeatureCollection from a byte stream: features are split into batches as
 * bytes arrive (feature-stream.ts), each batch parsed and validated into columns
 * (incident-columns.ts) while the rest downloads. Used by the loader worker for URLs and files.
 *
 * A big file is read in two parts at once (split-stream.ts): this thread takes the first part,
 * a second worker the rest, and the second part's rows are appended here (`absorb`), so the
 * result is the one-part result, in about half the parse and validation time on two cores.
 */
import { FetchJsonError } from './fetch-json';
import { concat, DEFAULT_BATCH_BYTES, FeatureStreamScanner } from './feature-stream';
import { IncidentColumnsBuilder, type IncidentValidationOptions } from './incident-columns';
import type { IncidentPart } from './incident-column-store';
import type { IncidentsResult } from './incident-loader';
import type { ProgressListener } from './load-progress';
import { readSplit, type SplitReading } from './split-stream';
import { todayDay } from './suspicious';
import { assertFeatureCollection } from './validate-features';

/** Bytes per feature in a typical file, to size the columns up front from the file size. */
const BYTES_PER_FEATURE_GUESS = 300;

/** Parses a document (the collection's members other than the features) or says why not. */
function parseWhole(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : e})`);
  }
}

/**
 * Parses and validates the batches of one part of a file into a builder, timing both. A guessed
 * batch that is not valid JSON (or holds no feature) is refused for the scanner to rescan.
 */
export class BatchValidator {
  readonly builder: IncidentColumnsBuilder;
  parseMs = 0;
  validateMs = 0;
  /** Features seen so far (the next one's index in this part). */
  nextIndex = 0;
  /** Batches handed on so far. */
  batches = 0;
  private readonly decoder = new TextDecoder();

  constructor(file: string, capacityHint: number, options: IncidentValidationOptions) {
    this.builder = new IncidentColumnsBuilder(file, capacityHint, true, options);
  }

  /** The scanner's sink (see FeatureStreamSink). */
  readonly sink = {
    batch: (bytes: Uint8Array, exact: boolean): boolean => {
      const t0 = performance.now();
      let features: unknown[];
      try {
        features = JSON.parse(`[${this.decoder.decode(bytes)}]`) as unknown[];
      } catch (e) {
        this.parseMs += performance.now() - t0;
        // A guessed cut that was wrong: the scanner rescans exactly (see feature-stream.ts).
        if (!exact) return false;
        throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : e})`);
      }
      if (!exact && features.length === 0) return false;
      const t1 = performance.now();
      this.builder.addBatch(features, this.nextIndex);
      this.nextIndex += features.length;
      this.batches++;
      this.parseMs += t1 - t0;
      this.validateMs += performance.now() - t1;
      return true;
    },
  };
}

/** The second part of a split file, read by the second worker (see split-stream.ts). */
export interface ReadPart {
  part: IncidentPart;
  /** The bytes after the features array (its `]` and the collection's other members). */
  suffix: Uint8Array;
  parseMs: number;
  validateMs: number;
}

/**
 * Reads the second part of a split file: bytes that start just after a comma between two
 * features. `end` returns null when they do not end the features array and the collection
 * properly (the caller then reads the file in one part, for the one-part error message).
 */
export class FeaturePartReader {
  private readonly validator: BatchValidator;
  private readonly scanner: FeatureStreamScanner;

  constructor(file: string, options: IncidentValidationOptions, batchBytes = DEFAULT_BATCH_BYTES) {
    this.validator = new BatchValidator(file, 1024, options);
    this.scanner = new FeatureStreamScanner(this.validator.sink, batchBytes, true);
  }

  /** The next bytes (throws FetchJsonError when a batch is not valid JSON). */
  push(bytes: Uint8Array): void {
    this.scanner.push(bytes);
  }

  end(): ReadPart | null {
    const end = this.scanner.end();
    if (end.kind !== 'split') return null;
    const v = this.validator;
    const t0 = performance.now();
    const part = v.builder.part(v.nextIndex);
    return {
      part,
      suffix: end.skeleton,
      parseMs: v.parseMs,
      validateMs: v.validateMs + performance.now() - t0,
    };
  }
}

/** Reads, parses and validates a byte stream of a FeatureCollection of incidents. */
export async function readIncidentStream(
  body: ReadableStream<Uint8Array>,
  total: number | null,
  file: string,
  onProgress?: ProgressListener,
  batchBytes = DEFAULT_BATCH_BYTES,
  options: IncidentValidationOptions = {},
  split?: SplitReading,
): Promise<IncidentsResult> {
  const start = performance.now();
  // Both parts of a split file must agree on "today" (future-date warnings).
  const rules = { ...options, today: options.today ?? todayDay() };
  const v = new BatchValidator(
    file,
    total ? Math.min(total / BYTES_PER_FEATURE_GUESS, 4_000_000) : 1024,
    rules,
  );
  const scanner = new FeatureStreamScanner(v.sink, batchBytes);
  const read = await readSplit(body, total, scanner, v, file, rules, onProgress, split, batchBytes);
  // The cut was not between two features, or the second part could not be read: read the
  // file again in one part (rare: a file whose text holds `,{"` where the cut was guessed).
  if (read === 'again') {
    return readIncidentStream(await split!.restart(), total, file, onProgress, batchBytes, options);
  }
  const fetchEnd = performance.now();
  onProgress?.({ phase: 'validate', loaded: read.loaded, total });

  let parseMs = v.parseMs;
  let validateMs = v.validateMs;
  if (read.second) {
    // Split: this part ended at the cut; the other brings the rest and the collection's end.
    const t0 = performance.now();
    const second = read.second;
    const skeleton = concat([scanner.outsideBytes(), second.suffix]);
    assertFeatureCollection({ ...(parseWhole(skeleton) as object), features: [] });
    parseMs += second.parseMs + performance.now() - t0;
    const t1 = performance.now();
    v.builder.absorb(second.part, v.nextIndex);
    validateMs += second.validateMs + performance.now() - t1;
  } else {
    const end = scanner.end();
    if (end.kind === 'invalid') throw new FetchJsonError(`is not valid JSON (${end.reason})`);
    const t0 = performance.now();
    if (end.kind === 'whole') {
      // Not a plain object with a features array: parse it in one go for JSON.parse's own message.
      const json = parseWhole(end.bytes);
      parseMs += performance.now() - t0;
      const t1 = performance.now();
      v.builder.addCollection(json);
      validateMs += performance.now() - t1;
    } else {
      assertFeatureCollection({ ...(parseWhole(end.skeleton) as object), features: [] });
    }
  }
  const t2 = performance.now();
  const result = v.builder.finish();
  validateMs += performance.now() - t2;
  return {
    ...result,
    // Download, parse and validation overlap: `fetch` is the time to the last byte, `parse`
    // and `validate` the time spent in each, summed over batches (and over both parts).
    timings: {
      fetch: fetchEnd - start,
      parse: parseMs,
      validate: validateMs,
      parts: read.second ? 2 : 1,
      ...(read.second ? { partWait: read.waitMs ?? 0 } : {}),
    },
  };
}
