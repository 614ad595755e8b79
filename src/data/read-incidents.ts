/**
 * Reads incidents from a byte stream in whichever format it holds: GeoJSON (streamed in
 * batches, incident-stream.ts) or CSV / ACLED CSV (csv-import.ts). The format comes from
 * `options.format`, else the file name's extension, else the first bytes (`{` or `[` is JSON).
 * An HTML page (a wrong URL answered with a web page) is refused with a clear reason.
 */
import { readCsvStream, type CsvInfo, type CsvOptions } from './csv-import';
import { FetchJsonError, htmlPageReason } from './fetch-json';
import { readIncidentStream } from './incident-stream';
import type { IncidentsResult } from './incident-loader';
import type { ProgressListener } from './load-progress';
import type { SplitReading } from './split-stream';

/** The file formats of incidents. */
export type IncidentFileFormat = 'geojson' | 'csv';

/** How to read an incidents stream. */
export interface ReadIncidentsOptions extends CsvOptions {
  /** The file's format (default: from the name, else from the first bytes). */
  fileFormat?: IncidentFileFormat;
  /** "returned" for a download, "is" for a local file (wording of the HTML-page error). */
  htmlVerb?: string;
}

/** The loaded incidents, with how a CSV was read. */
export type ReadIncidentsResult = IncidentsResult & { csv?: CsvInfo };

/** The format a file name says, or null. */
export function formatFromName(name: string): IncidentFileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.split(/[?#]/)[0] ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'json' || ext === 'geojson') return 'geojson';
  return null;
}

/** A stream that yields `first` and then the rest of `reader`. */
function prepend(first: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>) {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = first.shift();
      if (next) return controller.enqueue(next);
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** Reads incidents from `body` (see the module comment). */
export async function readIncidents(
  body: ReadableStream<Uint8Array>,
  total: number | null,
  file: string,
  onProgress?: ProgressListener,
  options: ReadIncidentsOptions = {},
  split?: SplitReading,
): Promise<ReadIncidentsResult> {
  const reader = body.getReader();
  // Look at the first non-blank bytes (at most 64 KB), then hand every byte on.
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < 1 << 16) {
    const { done, value } = await reader.read();
    if (done) break;
    head.push(value);
    headBytes += value.byteLength;
    const text = new TextDecoder().decode(value.subarray(0, 4096));
    if (text.replace(/^\uFEFF/, '').trim() !== '') break;
  }
  // The first non-blank piece (blank pieces before it, if any, are only whitespace).
  const start = head.length ? new TextDecoder().decode(head.at(-1)!.subarray(0, 4096)) : '';
  const html = htmlPageReason(start, options.htmlVerb);
  if (html) {
    reader.cancel().catch(() => {});
    throw new FetchJsonError(html);
  }
  const first = start.replace(/^\uFEFF/, '').trimStart()[0];
  const format =
    options.fileFormat ??
    formatFromName(file) ??
    (first === '{' || first === '[' || first === undefined ? 'geojson' : 'csv');
  const stream = prepend(head, reader);
  if (format === 'csv') return readCsvStream(stream, total, file, onProgress, options);
  return readIncidentStream(stream, total, file, onProgress, undefined, options, split);
}
