/**
 * Exports: exactly the given rows in the given order, a header naming the window, filters, order
 * and permalink, formula-like cells neutralized, hostile text kept as data; GeoJSON that parses
 * with its metadata and null geometries for unlocated incidents.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildIncidentTable } from '../../src/data/incident-columns';
import { idAt } from '../../src/data/incident-table';
import { NO_FILTERS } from '../../src/state/filters';
import { isoToDay } from '../../src/time/days';
import {
  CSV_COLUMNS,
  CHUNK_ROWS,
  csvChunks,
  exportFileName,
  FORMULA_START,
  geojsonChunks,
  type ExportMeta,
} from '../../src/ui/table/export';
import { incidentFeature, incidentsFile } from '../fixtures/sample-data';
import { randomTable } from '../fixtures/random-incidents';

const unparse = (rows: unknown[][]) =>
  Papa.unparse(rows, { escapeFormulae: FORMULA_START, newline: '\r\n' });

const meta: ExportMeta = {
  title: 'Test data',
  caveat: 'Documented sample; official counts higher.',
  window: { start: isoToDay('2023-10-17')!, end: isoToDay('2024-01-31')! },
  filters: { ...NO_FILTERS, types: ['drone', 'rocket'], q: 'tower' },
  sort: { key: 'casualties', desc: true },
  permalink: 'https://example.org/?from=2023-10-17&to=2024-01-31&types=drone,rocket&q=tower',
  exportedAt: '2024-11-25T10:00:00.000Z',
};

/** Splits a CSV into its comment lines and its parsed records. */
function readCsv(text: string) {
  const lines = text.split('\r\n');
  const comments = lines.filter((l) => l.startsWith('#'));
  const body = lines.filter((l) => !l.startsWith('#')).join('\r\n');
  const parsed = Papa.parse<string[]>(body.trim(), { skipEmptyLines: true });
  return { comments, header: parsed.data[0]!, records: parsed.data.slice(1) };
}

describe('CSV export', () => {
  const { table } = buildIncidentTable(incidentsFile, 'i.geojson');

  it('starts with comment lines naming the window, filters, order and permalink', () => {
    const text = [...csvChunks(table, [0, 1], meta, unparse)].join('');
    const { comments, header } = readCsv(text);
    expect(comments).toEqual([
      '# Dataset: Test data',
      '# Incidents: 2',
      '# Window: 2023-10-17 to 2024-01-31 (both days included, UTC)',
      '# Filters: types=drone,rocket; q="tower"',
      '# Order: casualties descending',
      `# Permalink: ${meta.permalink}`,
      '# Exported: 2024-11-25T10:00:00.000Z',
      '# Caveat: Documented sample; official counts higher.',
    ]);
    expect(header).toEqual([...CSV_COLUMNS]);
  });

  it('writes exactly the rows given, in their order, with their values', () => {
    const rows = [3, 2, 0];
    const { records } = readCsv([...csvChunks(table, rows, meta, unparse)].join(''));
    expect(records.map((r) => r[0])).toEqual(rows.map((r) => idAt(table, r)));
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const i3 = records.find((r) => r[0] === 'I3')!;
    expect(i3[col('date')]).toBe('2024-01-28');
    expect(i3[col('us_killed')]).toBe('3');
    expect(i3[col('us_injured')]).toBe('40');
    expect(i3[col('lng')]).toBe('38.61');
    const unlocated = records.find((r) => r[0] === 'I6')!;
    expect(unlocated[col('lng')]).toBe('');
    expect(unlocated[col('coord_precision')]).toBe('none');
  });

  it('neutralizes cells that a spreadsheet would run as formulas, even across lines', () => {
    const hostile = incidentFeature('X1', '2024-01-01', 'drone', [40, 33], {
      target: '=HYPERLINK("http://evil.example","x")',
      claimed_by: '+1 claim',
      description: '@SUM(1)\nsecond line',
      other_casualties: '-2 hurt',
      weapon: 'a = b',
    });
    const { table: t } = buildIncidentTable(
      { type: 'FeatureCollection', features: [hostile] },
      'x',
    );
    const { records } = readCsv([...csvChunks(t, [0], meta, unparse)].join(''));
    const r = records[0]!;
    const col = (name: string) => r[CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number])];
    expect(col('target')).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(col('claimed_by')).toBe("'+1 claim");
    expect(col('description')).toBe("'@SUM(1)\nsecond line");
    expect(col('other_casualties')).toBe("'-2 hurt");
    expect(col('weapon')).toBe('a = b');
  });

  it('comes in chunks of rows and keeps every row across chunk boundaries', () => {
    const big = randomTable(CHUNK_ROWS * 2 + 7, 5);
    const rows = Uint32Array.from({ length: big.length }, (_, i) => big.length - 1 - i);
    const chunks = [...csvChunks(big, rows, meta, unparse)];
    expect(chunks).toHaveLength(1 + 3);
    const { records } = readCsv(chunks.join(''));
    expect(records.map((r) => r[0])).toEqual(Array.from(rows, (r) => idAt(big, r)));
  });
});

describe('GeoJSON export', () => {
  const { table } = buildIncidentTable(incidentsFile, 'i.geojson');

  it('is a FeatureCollection of the rows in order, with metadata, null geometry when unlocated', () => {
    const rows = [5, 2, 0];
    const json = JSON.parse([...geojsonChunks(table, rows, meta)].join(''));
    expect(json.type).toBe('FeatureCollection');
    expect(json.metadata).toMatchObject({
      dataset: 'Test data',
      incidents: 3,
      window: { from: '2023-10-17', to: '2024-01-31' },
      filters: { types: ['drone', 'rocket'], q: 'tower', casualties: false },
      order: 'casualties descending',
      permalink: meta.permalink,
    });
    expect(json.features.map((f: { id: string }) => f.id)).toEqual(rows.map((r) => idAt(table, r)));
    const byId = Object.fromEntries(json.features.map((f: { id: string }) => [f.id, f]));
    expect(byId.I6.geometry).toBeNull();
    expect(byId.I1.geometry).toEqual({ type: 'Point', coordinates: [42.44, 33.78] });
    expect(byId.I1.properties).toMatchObject({ date: '2023-10-17', type: 'drone', us_injured: 4 });
    expect(JSON.parse([...geojsonChunks(table, [], meta)].join('')).features).toEqual([]);
  });

  it('names files after the window', () => {
    expect(exportFileName(meta.window, 'csv')).toBe('incidents-2023-10-17-to-2024-01-31.csv');
  });
});
