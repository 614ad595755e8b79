/**
 * Incidents from CSV (any CSV with latitude/longitude/date columns, or an ACLED export), read from
 * a byte stream as it arrives: papaparse's parser on each decoded piece (quoted fields, embedded
 * newlines, `;`/tab/`|` separators; the BOM is dropped by the decoder), rows mapped onto the
 * incident schema (csv-columns.ts) and validated into columns by the same validator as GeoJSON.
 * Report indexes are spreadsheet row numbers: the header is row 1, the first data row is row 2.
 */
import Papa from 'papaparse';
import { FetchJsonError } from './fetch-json';
import { IncidentColumnsBuilder, type IncidentValidationOptions } from './incident-columns';
import {
  compileMapping,
  describeField,
  detectColumns,
  type ColumnMapping,
  type CsvFormat,
} from './csv-columns';
import type { IncidentsResult } from './incident-loader';
import { issue } from './load-report';
import type { ProgressListener } from './load-progress';

/** How a CSV file was read: the import UI shows it and lets the user change the mapping. */
export interface CsvInfo {
  format: CsvFormat;
  headers: string[];
  delimiter: string;
  mapping: ColumnMapping;
  /** Required fields with no column (every row is then invalid). */
  missing: string[];
}

/** Options for reading a CSV: an explicit mapping (from the import UI) replaces the detected one. */
export interface CsvOptions extends IncidentValidationOptions {
  mapping?: ColumnMapping;
  format?: CsvFormat;
}

/** A quoted field longer than this is taken for an unclosed quote (it would hold the rest of the file). */
const MAX_PENDING_CHARS = 16 << 20;
const DELIMITERS = [',', ';', '\t', '|'];

/** Separator and line break of a CSV from its first bytes (papaparse's guess). */
export function sniffCsv(sample: string): { delimiter: string; newline: '\n' | '\r' | '\r\n' } {
  const guess = Papa.parse<string[]>(sample, { preview: 20, delimitersToGuess: DELIMITERS });
  return {
    delimiter: guess.meta.delimiter || ',',
    newline: (guess.meta.linebreak || '\n') as '\n' | '\r' | '\r\n',
  };
}

/**
 * The header row, detected mapping and a few rows of a CSV's first piece of text (for the import
 * UI's column-mapping step: read `file.slice(0, 65536)` and pass its text).
 */
export function previewCsv(text: string, rows = 5): CsvInfo & { sample: string[][] } {
  const clean = text.replace(/^\uFEFF/, '');
  const { delimiter, newline } = sniffCsv(clean);
  const parsed = new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(clean, 0, true) as {
    data: string[][];
  };
  const [headers = [], ...data] = parsed.data;
  const detected = detectColumns(headers);
  return { ...detected, headers, delimiter, sample: data.slice(0, rows) };
}

/** Reads, parses, maps and validates a CSV byte stream of incidents. */
export async function readCsvStream(
  body: ReadableStream<Uint8Array>,
  total: number | null,
  file: string,
  onProgress?: ProgressListener,
  options: CsvOptions = {},
): Promise<IncidentsResult & { csv: CsvInfo }> {
  const start = performance.now();
  const builder = new IncidentColumnsBuilder(
    file,
    total ? Math.min(total / 150, 4_000_000) : 1024,
    true,
    { ...options, noun: 'row' },
  );
  const decoder = new TextDecoder();
  let parser: Papa.Parser | null = null;
  let info: CsvInfo | null = null;
  let convert: ((cells: string[], row: number) => unknown) | null = null;
  let pending = '';
  let rowNumber = 0;
  let parseMs = 0;
  let validateMs = 0;

  const handleRows = (rows: string[][]) => {
    for (const cells of rows) {
      rowNumber++;
      if (!info) {
        const detected = detectColumns(cells);
        const mapping = options.mapping ?? detected.mapping;
        const format = options.format ?? detected.format;
        const missing = options.mapping
          ? detected.missing.filter((f) => mapping[f as keyof ColumnMapping] === undefined)
          : detected.missing;
        info = { format, headers: cells, delimiter: '', mapping, missing };
        convert = compileMapping(cells, mapping, format).convert;
        continue;
      }
      // A blank line (one empty cell) is not a row.
      if (cells.length === 1 && cells[0]!.trim() === '') continue;
      if (cells.length > info.headers.length) {
        builder.issues.push(
          issue(
            file,
            rowNumber,
            null,
            `has ${cells.length} cells but the header has ${info.headers.length} (an unquoted separator in a value?)`,
          ),
        );
        continue;
      }
      builder.add(convert!(cells, rowNumber), rowNumber);
    }
  };

  const parseText = (text: string, last: boolean) => {
    if (!parser) {
      if (!last && text.length < 4096) return text;
      const { delimiter, newline } = sniffCsv(text.slice(0, 1 << 16));
      parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
      delimiterSeen = delimiter;
    }
    const t0 = performance.now();
    const result = parser.parse(text, 0, !last) as {
      data: string[][];
      errors: { row: number; message: string; code: string }[];
      meta: { cursor: number };
    };
    const t1 = performance.now();
    handleRows(result.data);
    parseMs += t1 - t0;
    validateMs += performance.now() - t1;
    if (last) {
      for (const e of result.errors) {
        if (e.code === 'MissingQuotes') {
          builder.issues.push(
            issue(
              file,
              rowNumber,
              null,
              'a quoted value is not closed: the row runs to the end of the file',
            ),
          );
        }
      }
      return '';
    }
    return text.slice(result.meta.cursor);
  };
  let delimiterSeen = ',';

  const reader = body.getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    pending = parseText(pending + decoder.decode(value, { stream: true }), false);
    if (pending.length > MAX_PENDING_CHARS) {
      throw new FetchJsonError(
        `is not a readable CSV: after row ${rowNumber} a quoted value runs on for over 16 MB (a quote that is never closed?)`,
      );
    }
    onProgress?.({ phase: 'fetch', loaded, total });
  }
  const fetchEnd = performance.now();
  onProgress?.({ phase: 'validate', loaded, total });
  parseText(pending + decoder.decode(), true);
  if (!info) throw new FetchJsonError('is an empty CSV file (no header row)');
  const csv: CsvInfo = { ...(info as CsvInfo), delimiter: delimiterSeen };
  const t2 = performance.now();
  const result = builder.finish();
  validateMs += performance.now() - t2;
  const mapping = csv.mapping;
  const issues = result.issues.map((i) => ({ ...i, field: describeField(i.field, mapping) }));
  if (csv.missing.length) {
    issues.unshift(
      issue(
        file,
        null,
        csv.missing.join(', '),
        `no column found for ${csv.missing.join(', ')} (headers: ${csv.headers.slice(0, 12).join(', ')}${csv.headers.length > 12 ? ', …' : ''})`,
      ),
    );
  }
  return {
    table: result.table,
    issues,
    csv,
    timings: { fetch: fetchEnd - start, parse: parseMs, validate: validateMs },
  };
}
