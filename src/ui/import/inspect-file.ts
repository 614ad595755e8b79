/**
 * A first look at a chosen file, before anything is loaded: GeoJSON or CSV (by its name, else by
 * its first character), and for a CSV the header, separator, detected mapping and first rows, read
 * from its first 64 KB only (a 200 MB file is not read here).
 */
import { previewCsv } from '../../data/csv-import';
import { formatFromName } from '../../data/read-incidents';
import type { CsvPreview } from './mapping-step';
import { ImportError } from './run-import';

/** Bytes read for the preview. */
const HEAD_BYTES = 65_536;

/** What the file looks like. */
export type FileKind = { kind: 'geojson' } | { kind: 'csv'; preview: CsvPreview };

/** Reads the start of `file` and says how it will be read; throws ImportError when it cannot be read. */
export async function inspectFile(file: File): Promise<FileKind> {
  const name = file.name || 'imported file';
  let head: string;
  try {
    head = await file.slice(0, HEAD_BYTES).text();
  } catch (e) {
    throw new ImportError(
      `${name} could not be read (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === undefined) throw new ImportError(`${name} is empty.`);
  const format = formatFromName(name) ?? (first === '{' || first === '[' ? 'geojson' : 'csv');
  if (format === 'geojson') return { kind: 'geojson' };
  const preview = previewCsv(head);
  if (preview.headers.length === 0) throw new ImportError(`${name} has no header row.`);
  return { kind: 'csv', preview };
}
