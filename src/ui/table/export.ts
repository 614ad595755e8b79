/**
 * Exports of exactly the rows the table shows (the window, the filters, the table's order) as CSV
 * and GeoJSON, each saying what it is: the window, the filters, the order and the permalink that
 * reproduces it. Output is produced in chunks of rows (Blob parts), so a million-row export never
 * builds one giant string and the page can yield between chunks.
 */
import { incidentAt, type IncidentTable } from '../../data/incident-table';
import type { Filters } from '../../state/filters';
import type { TableSort } from '../../state/filters-table';
import { dayToIso } from '../../time/days';
import type { DayWindow } from '../../time/window';
import { filtersAsKeys } from '../filters/filter-text';

/** What an export is of. */
export interface ExportMeta {
  /** Dataset title, or null for data without metadata. */
  title: string | null;
  caveat: string | null;
  window: DayWindow;
  filters: Filters;
  sort: TableSort;
  permalink: string;
  /** ISO timestamp of the export. */
  exportedAt: string;
}

/** Columns of the CSV (the table's columns and the rest of each record, sources last). */
export const CSV_COLUMNS = [
  'id',
  'date',
  'type',
  'target',
  'country',
  'claimed_by',
  'claimed_by_group',
  'us_killed',
  'us_injured',
  'confidence',
  'coord_precision',
  'lng',
  'lat',
  'base_id',
  'weapon',
  'date_note',
  'casualty_note',
  'other_casualties',
  'description',
  'sources',
  'source_names',
] as const;

/** Rows per chunk. */
export const CHUNK_ROWS = 5000;

/**
 * Cells starting like a spreadsheet formula (= + - @, tab, CR) get a leading apostrophe. Papa's
 * own default pattern (`/^[=+\-@\t\r].*$/`) misses values with a line break, so it is given here.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV writer for rows of cells (papaparse's `unparse`, loaded on demand). */
export type Unparse = (rows: unknown[][]) => string;

/**
 * Coordinates are held as float32 (about a metre at this latitude): 5 decimals give back the
 * file's value without float32 noise such as 42.44000244140625.
 */
const coord = (v: number) => Math.round(v * 1e5) / 1e5;

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** The facts of an export as `label: value` pairs (the CSV's comment lines, GeoJSON's metadata). */
export function metaLines(meta: ExportMeta, count: number): [string, string][] {
  const lines: [string, string][] = [];
  if (meta.title) lines.push(['Dataset', meta.title]);
  lines.push(
    ['Incidents', String(count)],
    [
      'Window',
      `${dayToIso(meta.window.start)} to ${dayToIso(meta.window.end)} (both days included, UTC)`,
    ],
    ['Filters', filtersAsKeys(meta.filters)],
    ['Order', `${meta.sort.key} ${meta.sort.desc ? 'descending' : 'ascending'}`],
    ['Permalink', meta.permalink],
    ['Exported', meta.exportedAt],
  );
  if (meta.caveat) lines.push(['Caveat', meta.caveat]);
  return lines.map(([k, v]) => [k, oneLine(v)]);
}

/** Cells of one row, in CSV_COLUMNS order. */
function csvCells(table: IncidentTable, row: number): unknown[] {
  const r = incidentAt(table, row);
  return [
    r.id,
    r.date,
    r.type,
    r.target,
    r.country,
    r.claimed_by,
    r.claimed_by_group,
    r.us_killed,
    r.us_injured,
    r.confidence,
    r.coord_precision,
    r.lng === null ? null : coord(r.lng),
    r.lat === null ? null : coord(r.lat),
    r.base_id,
    r.weapon,
    r.date_note,
    r.casualty_note,
    r.other_casualties,
    r.description,
    r.sources.join(' '),
    r.source_names,
  ];
}

/**
 * The CSV in chunks: `#` comment lines naming the window, filters, order and permalink, the
 * header row, then CHUNK_ROWS rows per chunk. Lines end in CRLF (RFC 4180).
 */
export function* csvChunks(
  table: IncidentTable,
  rows: ArrayLike<number>,
  meta: ExportMeta,
  unparse: Unparse,
): Generator<string> {
  const head = metaLines(meta, rows.length)
    .map(([k, v]) => `# ${k}: ${v}\r\n`)
    .join('');
  yield `${head}${unparse([[...CSV_COLUMNS]])}\r\n`;
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const cells: unknown[][] = [];
    const end = Math.min(rows.length, i + CHUNK_ROWS);
    for (let j = i; j < end; j++) cells.push(csvCells(table, rows[j]!));
    yield `${unparse(cells)}\r\n`;
  }
}

/**
 * The GeoJSON in chunks: a FeatureCollection with a `metadata` member (window, filters, order,
 * permalink…), then the features in the table's order. Incidents without a location keep
 * `geometry: null`.
 */
export function* geojsonChunks(
  table: IncidentTable,
  rows: ArrayLike<number>,
  meta: ExportMeta,
): Generator<string> {
  const metadata = Object.fromEntries(
    metaLines(meta, rows.length).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const filters = { ...meta.filters, q: meta.filters.q || null };
  yield `{"type":"FeatureCollection","metadata":${JSON.stringify({
    ...metadata,
    incidents: rows.length,
    window: { from: dayToIso(meta.window.start), to: dayToIso(meta.window.end) },
    filters,
  })},"features":[\n`;
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const end = Math.min(rows.length, i + CHUNK_ROWS);
    const parts: string[] = [];
    for (let j = i; j < end; j++) {
      const r = incidentAt(table, rows[j]!);
      parts.push(
        JSON.stringify({
          type: 'Feature',
          id: r.id,
          geometry:
            r.lng === null ? null : { type: 'Point', coordinates: [coord(r.lng), coord(r.lat!)] },
          properties: {
            id: r.id,
            date: r.date,
            date_note: r.date_note,
            type: r.type,
            weapon: r.weapon,
            target: r.target,
            base_id: r.base_id,
            country: r.country,
            claimed_by: r.claimed_by,
            claimed_by_group: r.claimed_by_group,
            us_killed: r.us_killed,
            us_injured: r.us_injured,
            casualty_note: r.casualty_note,
            other_casualties: r.other_casualties,
            description: r.description,
            confidence: r.confidence,
            coord_precision: r.coord_precision,
            sources: r.sources,
            source_names: r.source_names,
          },
        }),
      );
    }
    yield `${i > 0 ? ',\n' : ''}${parts.join(',\n')}`;
  }
  yield '\n]}\n';
}

/** A file name for an export: `incidents-2023-10-17-to-2024-02-02.csv`. */
export function exportFileName(w: DayWindow, ext: 'csv' | 'geojson'): string {
  return `incidents-${dayToIso(w.start)}-to-${dayToIso(w.end)}.${ext}`;
}
