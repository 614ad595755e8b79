/**
 * Property-based tests (fast-check): random and mutated GeoJSON, CSV and URL strings thrown at
 * the loaders and the URL parser. Nothing may throw except a file-level failure with a message;
 * every rejected feature or row has a reason; streamed and whole-file loading agree.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FetchJsonError } from '../../src/data/fetch-json';
import { buildIncidentTable } from '../../src/data/incident-columns';
import { readIncidentStream } from '../../src/data/incident-stream';
import type { LoadIssue } from '../../src/data/load-report';
import { readIncidents } from '../../src/data/read-incidents';
import { FileShapeError } from '../../src/data/validate-features';
import { LAYER_IDS, parseUrl, RADIUS_OPTIONS_KM } from '../../src/state/url-schema';
import { isoToDay } from '../../src/time/days';

const TODAY = isoToDay('2025-06-01')!;
const RUNS = { numRuns: 150 };

/** The bytes of `text` in the given chunk sizes (cycled). */
function streamOf(text: string, sizes: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(c) {
      for (let i = 0, k = 0; i < bytes.length; k++) {
        const size = Math.max(1, sizes[k % sizes.length]!);
        c.enqueue(bytes.slice(i, i + size));
        i += size;
      }
      c.close();
    },
  });
}

/** Odd strings: quotes, separators, newlines, markup, lookalikes of the format's own syntax. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    ',',
    ';',
    '\n',
    '\r\n',
    '},{"type":"Feature"',
    '"features":[',
    '<script>window.__pwned=1</script>',
    'javascript:alert(1)',
    '=HYPERLINK("http://x")',
    '2024-01-31',
    '31 January 2024',
    'drone',
    'us_strike',
    '33.5',
    '-200',
    'NaN',
    '\uFEFF',
    '🛰️',
  ),
);

/** Property values: valid ones often, anything else sometimes. */
const value = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 0, -1, 2.5, 1e21, true, [], {}) },
);

const coordinate = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: true }),
  fc.constantFrom(42.44, 33.78, 180, -90, 90.0001),
  value,
);

const geometry = fc.oneof(
  fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(coordinate, coordinate) }),
  fc.record({
    type: fc.constantFrom('Point', 'LineString'),
    coordinates: fc.array(coordinate, { maxLength: 4 }),
  }),
  fc.constant(null),
  value,
);

const properties = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 20 }), value),
    date: fc.oneof(fc.constantFrom('2024-01-02', '2030-02-03', '2024-02-30'), value),
    type: fc.oneof(fc.constantFrom('drone', 'rocket', 'us_strike', 'laser'), value),
    target: value,
    description: value,
    us_killed: fc.oneof(fc.integer({ min: -2, max: 5 }), value),
    coord_precision: fc.oneof(fc.constantFrom('city', 'exact_site'), value),
    sources: fc.oneof(fc.array(fc.oneof(fc.webUrl(), value), { maxLength: 3 }), value),
  },
  { requiredKeys: [] },
);

const feature = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('Feature'), geometry, properties }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('Feature'), properties }) },
  { weight: 1, arbitrary: value },
);

/** Asserts the report's invariants for a loaded file of `count` features or rows. */
function checkReport(issues: LoadIssue[], loaded: number, count: number, first = 0) {
  for (const i of issues) {
    expect(i.reason.trim().length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(i.severity);
    if (i.index !== null) {
      expect(i.index).toBeGreaterThanOrEqual(first);
      expect(i.index).toBeLessThan(first + count);
    }
  }
  // Every feature is either loaded or rejected with at least one error naming it.
  const rejected = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.index));
  expect(loaded + rejected.size).toBe(count);
}

describe('GeoJSON stream loader under random input', () => {
  it('loads random collections like a whole-file parse, giving every rejection a reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(feature, { maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        async (features, sizes, batchBytes, pretty) => {
          const collection = { type: 'FeatureCollection', features };
          const text = JSON.stringify(collection, null, pretty ? 2 : undefined);
          const whole = buildIncidentTable(JSON.parse(text), 'f.geojson', { today: TODAY });
          const streamed = await readIncidentStream(
            streamOf(text, sizes),
            text.length,
            'f.geojson',
            undefined,
            batchBytes,
            { today: TODAY },
          );
          expect(streamed.table).toEqual(whole.table);
          expect(streamed.issues).toEqual(whole.issues);
          checkReport(streamed.issues, streamed.table.length, features.length);
        },
      ),
      RUNS,
    );
  });

  it('rejects mutated files with a message, never with an uncaught exception', async () => {
    const base = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [42.4, 33.7] },
          properties: { id: 'a', date: '2024-01-02', type: 'drone', description: 'x, "y" }' },
        },
        {
          type: 'Feature',
          geometry: null,
          properties: { id: 'b', date: '2024-01-03', type: 'rocket' },
        },
      ],
    });
    const mutation = fc.oneof(
      fc.record({ at: fc.nat(), cut: fc.nat({ max: 20 }), insert: nasty }),
      fc.record({ at: fc.nat(), cut: fc.constant(1e9), insert: fc.constant('') }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 3 }),
        async (mutations, sizes) => {
          let text = base;
          for (const m of mutations) {
            const at = m.at % (text.length + 1);
            text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
          }
          try {
            const r = await readIncidents(streamOf(text, sizes), null, 'f.geojson', undefined, {
              today: TODAY,
            });
            for (const i of r.issues) expect(i.reason.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e instanceof FetchJsonError || e instanceof FileShapeError, String(e)).toBe(
              true,
            );
            expect((e as Error).message.length).toBeGreaterThan(0);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('CSV loader under random input', () => {
  const HEADERS = ['id', 'date', 'latitude', 'longitude', 'type', 'description', 'source_url'];
  const cell = fc.oneof(
    nasty,
    fc.constantFrom('2024-01-02', '31 January 2024', '33.7', '42.4', 'drone', 'https://a.example/'),
  );

  it('loads random tables (quotes, separators, newlines in cells): each row loaded or rejected with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), {
          maxLength: 20,
        }),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 3 }),
        async (rows, delimiter, sizes) => {
          // Rows made only of blanks are skipped as blank lines: keep the id cell non-blank.
          const data = rows.map((r, k) => [`r${k}`, ...r.slice(1)]);
          const text = Papa.unparse([HEADERS, ...data], { delimiter, quotes: true });
          const r = await readIncidents(streamOf(text, sizes), null, 'f.csv', undefined, {
            today: TODAY,
          });
          expect(r.csv?.headers).toEqual(HEADERS);
          checkReport(r.issues, r.table.length, data.length, 2);
        },
      ),
      RUNS,
    );
  });

  it('never throws on arbitrary text read as CSV, except a file-level failure with a message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(nasty, { maxLength: 30 }).map((parts) => parts.join('')),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 3 }),
        async (text, sizes) => {
          try {
            const r = await readIncidents(streamOf(text, sizes), null, 'f.csv');
            for (const i of r.issues) expect(i.reason.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e instanceof FetchJsonError, String(e)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('URL parser under random input', () => {
  const KEYS = [
    'from',
    'to',
    'select',
    'layers',
    'radius',
    'rings',
    'rank',
    'basis',
    'incidents',
    'bases',
    'forces',
    'other',
  ];
  const paramValue = fc.oneof(
    nasty,
    fc.webUrl(),
    fc.constantFrom(
      '2024-01-31',
      '2024-02-30',
      'base:tower_22',
      'incident:<img src=x onerror=alert(1)>',
      'attacks,bogus',
      '25',
      '1',
      'javascript:alert(1)',
      'data:text/html,x',
      '//evil.example/x.json',
      'data/x.geojson',
      'radius,100,500',
      'casualties',
      'near',
    ),
  );

  it('never throws, keeps only valid values, and gives every dropped value a notice', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .array(fc.tuple(fc.constantFrom(...KEYS), paramValue), { maxLength: 8 })
            .map((pairs) => new URLSearchParams(pairs).toString()),
          fc.string(),
          fc.webUrl({ withQueryParameters: true }).map((u) => new URL(u).search),
        ),
        (search) => {
          const { state, notices } = parseUrl(search);
          const params = new URLSearchParams(search);
          for (const n of notices) expect(n.length).toBeGreaterThan(0);
          const noticed = (key: string) => notices.some((n) => n.startsWith(`Ignored ${key}=`));
          for (const key of ['from', 'to'] as const) {
            if (state[key] !== undefined) expect(Number.isInteger(state[key])).toBe(true);
            const v = params.get(key);
            if (v !== null && isoToDay(v) === null) expect(noticed(key)).toBe(true);
          }
          if (state.from !== undefined && state.to !== undefined)
            expect(state.from).toBeLessThanOrEqual(state.to);
          for (const key of ['select', 'radius', 'rings', 'rank', 'basis'] as const) {
            if (params.get(key) !== null && state[key] === undefined)
              expect(noticed(key), key).toBe(true);
          }
          if (state.select) expect(state.select.id.length).toBeLessThanOrEqual(200);
          if (state.radius !== undefined)
            expect(RADIUS_OPTIONS_KM as readonly number[]).toContain(state.radius);
          for (const l of state.layers ?? []) expect(LAYER_IDS as readonly string[]).toContain(l);
          const layers = params.get('layers');
          if (layers?.split(',').some((l) => l && !(LAYER_IDS as readonly string[]).includes(l)))
            expect(noticed('layers')).toBe(true);
          for (const key of ['incidents', 'bases', 'forces'] as const) {
            const url = state[key];
            if (url !== undefined) {
              // Only relative paths and http(s) URLs are ever fetched.
              expect(url).not.toMatch(/^\/\//);
              expect(url.length).toBeLessThanOrEqual(2048);
              if (/^[a-z][a-z0-9+.-]*:/i.test(url)) expect(url).toMatch(/^https?:\/\//i);
            }
            const v = params.get(key);
            if (v && url === undefined) expect(noticed(key), key).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
