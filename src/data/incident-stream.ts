/**
 * Loads an incidents FeatureCollection from a byte stream: features are split into batches as
 * bytes arrive (feature-stream.ts), each batch parsed and validated into columns
 * (incident-columns.ts) while the rest downloads. Used by the loader worker for URLs and files.
 */
import { FetchJsonError } from './fetch-json';
import { DEFAULT_BATCH_BYTES, FeatureStreamScanner } from './feature-stream';
import { IncidentColumnsBuilder, type IncidentValidationOptions } from './incident-columns';
import type { IncidentsResult } from './incident-loader';
import type { ProgressListener } from './load-progress';
import { assertFeatureCollection } from './validate-features';

/** Bytes per feature in a typical file, to size the columns up front from the file size. */
const BYTES_PER_FEATURE_GUESS = 300;

/** Reads, parses and validates a byte stream of a FeatureCollection of incidents. */
export async function readIncidentStream(
  body: ReadableStream<Uint8Array>,
  total: number | null,
  file: string,
  onProgress?: ProgressListener,
  batchBytes = DEFAULT_BATCH_BYTES,
  options: IncidentValidationOptions = {},
): Promise<IncidentsResult> {
  const start = performance.now();
  const builder = new IncidentColumnsBuilder(
    file,
    total ? Math.min(total / BYTES_PER_FEATURE_GUESS, 4_000_000) : 1024,
    true,
    options,
  );
  const decoder = new TextDecoder();
  let parseMs = 0;
  let validateMs = 0;
  let nextIndex = 0;
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : e})`);
    }
  };
  const scanner = new FeatureStreamScanner(
    {
      batch(bytes, exact) {
        const t0 = performance.now();
        let features: unknown[];
        try {
          features = JSON.parse(`[${decoder.decode(bytes)}]`) as unknown[];
        } catch (e) {
          parseMs += performance.now() - t0;
          // A guessed cut that was wrong: the scanner rescans exactly (see feature-stream.ts).
          if (!exact) return false;
          throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : e})`);
        }
        const t1 = performance.now();
        builder.addBatch(features, nextIndex);
        nextIndex += features.length;
        parseMs += t1 - t0;
        validateMs += performance.now() - t1;
        return true;
      },
    },
    batchBytes,
  );

  const reader = body.getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    scanner.push(value);
    onProgress?.({ phase: 'fetch', loaded, total });
  }
  const fetchEnd = performance.now();
  onProgress?.({ phase: 'validate', loaded, total });

  const end = scanner.end();
  if (end.kind === 'invalid') throw new FetchJsonError(`is not valid JSON (${end.reason})`);
  const t0 = performance.now();
  if (end.kind === 'whole') {
    // Not a plain object with a features array: parse it in one go for JSON.parse's own message.
    const json = parse(decoder.decode(end.bytes));
    parseMs += performance.now() - t0;
    const t1 = performance.now();
    builder.addCollection(json);
    validateMs += performance.now() - t1;
  } else {
    assertFeatureCollection({ ...(parse(decoder.decode(end.skeleton)) as object), features: [] });
  }
  const t2 = performance.now();
  const result = builder.finish();
  validateMs += performance.now() - t2;
  return {
    ...result,
    // Download, parse and validation overlap: `fetch` is the time to the last byte, `parse`
    // and `validate` the time spent in each, summed over batches.
    timings: { fetch: fetchEnd - start, parse: parseMs, validate: validateMs },
  };
}
