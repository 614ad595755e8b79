/** One test per validation rule (data/README.md "Validation rules"), fast and slow paths alike. */
import { describe, expect, it } from 'vitest';
import { IncidentColumnsBuilder } from '../../src/data/incident-columns';
import { buildBases } from '../../src/data/load-bases';
import { buildForces } from '../../src/data/load-forces';
import type { LoadIssue } from '../../src/data/load-report';
import { regionOf, WARNINGS_LISTED } from '../../src/data/suspicious';
import { isoToDay } from '../../src/time/days';
import { basesFile, forcesFile } from '../fixtures/sample-data';

const TODAY = isoToDay('2025-06-01')!;
const HERE: [number, number] = [42.44, 33.78];

/** A valid incident feature; `props` and `feature` override parts of it. */
function feature(props: Record<string, unknown> = {}, over: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: HERE },
    properties: {
      id: 'A',
      date: '2024-01-02',
      type: 'drone',
      coord_precision: 'city',
      sources: ['https://example.org/a'],
      ...props,
    },
    ...over,
  };
}

/** Validates features with the fast path on and off; checks both agree; returns the issues. */
function check(features: unknown[]): { issues: LoadIssue[]; rows: number } {
  const run = (fast: boolean) => {
    const b = new IncidentColumnsBuilder('f.geojson', 4, fast, { today: TODAY });
    b.addCollection({ type: 'FeatureCollection', features });
    return b.finish();
  };
  const fast = run(true);
  const slow = run(false);
  expect(fast.table).toEqual(slow.table);
  expect(fast.issues).toEqual(slow.issues);
  return { issues: fast.issues, rows: fast.table.length };
}

/** The one issue of a single feature, as [severity, field, reason]. */
function only(f: unknown): [string, string | null, string] {
  const { issues } = check([f]);
  expect(issues).toHaveLength(1);
  return [issues[0]!.severity, issues[0]!.field, issues[0]!.reason];
}

describe('errors: the feature is skipped with a reason', () => {
  it('a valid feature has no issue', () => {
    expect(check([feature()])).toEqual({ issues: [], rows: 1 });
  });

  it('not a Feature', () => {
    expect(only({ type: 'Point', coordinates: HERE })).toEqual([
      'error',
      null,
      expect.stringMatching(/^not a GeoJSON Feature/),
    ]);
    expect(only(null)[2]).toMatch(/not a GeoJSON Feature/);
  });

  it('no geometry member (null is allowed, absent is not)', () => {
    const f = feature();
    delete (f as { geometry?: unknown }).geometry;
    expect(only(f)).toEqual(['error', 'geometry', expect.stringMatching(/member is missing/)]);
  });

  it('a geometry that is not a Point', () => {
    const line = feature({}, { geometry: { type: 'LineString', coordinates: [HERE, HERE] } });
    expect(only(line)).toEqual(['error', 'geometry.type', 'must be a Point, not "LineString"']);
  });

  it('coordinates that are not 2 or 3 finite numbers', () => {
    const coords = (c: unknown) => feature({}, { geometry: { type: 'Point', coordinates: c } });
    expect(only(coords([1]))[1]).toBe('geometry.coordinates');
    expect(only(coords([1, 2, 3, 4]))[1]).toBe('geometry.coordinates');
    expect(only(coords('42,33'))[1]).toBe('geometry.coordinates');
    expect(only(coords(['42', 33]))).toEqual([
      'error',
      'geometry.coordinates.0',
      'must be a finite number, not "42"',
    ]);
    expect(only(coords([42, null]))[1]).toBe('geometry.coordinates.1');
    expect(only(coords([42, 33, 'high']))[1]).toBe('geometry.coordinates.2');
    expect(check([coords([42, 33, 120])]).rows).toBe(1);
  });

  it('longitude and latitude out of range, swapped pairs named as such', () => {
    const at = (c: number[]) => feature({}, { geometry: { type: 'Point', coordinates: c } });
    expect(only(at([200, 33]))).toEqual([
      'error',
      'geometry.coordinates.0',
      'longitude out of range [-180, 180]: 200',
    ]);
    expect(only(at([10, -191]))[2]).toBe('latitude out of range [-90, 90]: -191');
    // [latitude, longitude] written by mistake for a place at longitude 120.
    expect(only(at([33.7, 120.1]))[2]).toMatch(/latitude out of range.*look swapped/);
  });

  it('missing or unparseable dates', () => {
    expect(only(feature({ date: undefined }))).toEqual([
      'error',
      'date',
      'is required: a calendar date YYYY-MM-DD',
    ]);
    expect(only(feature({ date: '2024-02-30' }))[2]).toBe(
      'must be a calendar date YYYY-MM-DD, not "2024-02-30"',
    );
    expect(only(feature({ date: '31/01/2024' }))[1]).toBe('date');
    expect(only(feature({ date: 20240131 }))[1]).toBe('date');
  });

  it('unknown incident types, listed', () => {
    expect(only(feature({ type: 'laser' }))).toEqual([
      'error',
      'type',
      'unknown incident type "laser": must be one of drone, rocket, missile, mixed, unknown, us_strike',
    ]);
    expect(only(feature({ type: null }))[2]).toMatch(/^is required: one of drone/);
  });

  it('missing and duplicate ids', () => {
    expect(only(feature({ id: undefined }))[1]).toBe('id');
    const { issues, rows } = check([feature(), feature({ date: '2024-01-03' })]);
    expect(rows).toBe(1);
    expect(issues).toEqual([
      { file: 'f.geojson', index: 1, field: 'id', reason: 'duplicate id "A"', severity: 'error' },
    ]);
  });

  it('negative or non-integer casualty counts', () => {
    expect(only(feature({ us_killed: -1 }))).toEqual([
      'error',
      'us_killed',
      'must not be negative: -1',
    ]);
    expect(only(feature({ us_injured: 2.5 }))).toEqual([
      'error',
      'us_injured',
      'must be a whole number, not 2.5',
    ]);
    expect(only(feature({ us_injured: '40+' }))[2]).toMatch(/must be a whole number or empty/);
    expect(check([feature({ us_killed: 0, us_injured: null })]).rows).toBe(1);
  });

  it('source links that are not http(s)', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      '/relative',
      'ftp://x.example/a',
    ]) {
      expect(only(feature({ sources: ['https://ok.example/', bad] })), bad).toEqual([
        'error',
        'sources.1',
        expect.stringMatching(/^not an http\(s\) link: /),
      ]);
    }
  });

  it('reports every problem of a feature, not only the first', () => {
    const f = feature(
      { date: 'x', type: 'y' },
      { geometry: { type: 'Point', coordinates: [500, 0] } },
    );
    expect(check([f]).issues.map((i) => i.field)).toEqual([
      'date',
      'type',
      'geometry.coordinates.0',
    ]);
  });
});

describe('warnings: the feature is kept', () => {
  it('no location', () => {
    expect(only(feature({}, { geometry: null }))).toEqual([
      'warning',
      'geometry',
      'no location: counted in totals, not drawn',
    ]);
  });

  it('coord_precision missing (not for features without a location)', () => {
    expect(only(feature({ coord_precision: null }))).toEqual([
      'warning',
      'coord_precision',
      expect.stringMatching(/^coord_precision missing/),
    ]);
    expect(check([feature({ coord_precision: null }, { geometry: null })]).issues).toHaveLength(1);
  });

  it('dates in the future', () => {
    expect(only(feature({ date: '2025-06-02' }))).toEqual([
      'warning',
      'date',
      '2025-06-02 is in the future',
    ]);
    expect(check([feature({ date: '2025-06-01' })]).issues).toEqual([]);
  });

  it('points far outside the data’s region, and swapped ones', () => {
    const near = Array.from({ length: 30 }, (_, i) =>
      feature(
        { id: `N${i}` },
        { geometry: { type: 'Point', coordinates: [10 + i / 10, 50 + i / 20] } },
      ),
    );
    const far = feature({ id: 'DC' }, { geometry: { type: 'Point', coordinates: [-77, 38.9] } });
    const swapped = feature({ id: 'S' }, { geometry: { type: 'Point', coordinates: [50.5, 11] } });
    const { issues, rows } = check([...near, far, swapped]);
    expect(rows).toBe(32);
    expect(issues.map((i) => [i.index, i.severity, i.field])).toEqual([
      [30, 'warning', 'geometry'],
      [31, 'warning', 'geometry'],
    ]);
    expect(issues[0]!.reason).toMatch(/^far outside the data's region \(lng .*\): \[-77, 38.9\]$/);
    expect(issues[1]!.reason).toMatch(/look swapped/);
    // Too few points: no region, no warning.
    expect(check([near[0], far]).issues).toEqual([]);
  });

  it('derives the region from the quartiles, padded by max(10°, 3 × IQR)', () => {
    const pos: number[] = [];
    for (let i = 0; i < 100; i++) pos.push(40 + (i % 10) / 10, 30 + i / 100);
    pos.push(170, 80); // one outlier does not stretch the region
    const r = regionOf(pos, 101)!;
    expect(r.west).toBeCloseTo(30, 0);
    expect(r.east).toBeCloseTo(51, 0);
    expect(r.south).toBeCloseTo(20, 0);
    expect(r.north).toBeCloseTo(41, 0);
  });

  it('aggregates a warning that hits many features into one entry', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      feature({ id: `M${i}`, coord_precision: null }),
    );
    const { issues, rows } = check(many);
    expect(rows).toBe(50);
    expect(issues).toEqual([
      {
        file: 'f.geojson',
        index: 0,
        field: 'coord_precision',
        reason: 'coord_precision missing in 50 features (first: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 …)',
        severity: 'warning',
      },
    ]);
    const few = Array.from({ length: WARNINGS_LISTED }, (_, i) =>
      feature({ id: `F${i}`, coord_precision: null }),
    );
    expect(check(few).issues).toHaveLength(WARNINGS_LISTED);
  });

  it('lists issues in feature order, errors and warnings together', () => {
    const { issues } = check([
      feature({ id: 'A', coord_precision: null }),
      feature({ id: 'B', date: 'x' }),
      feature({ id: 'C' }, { geometry: null }),
    ]);
    expect(issues.map((i) => [i.index, i.severity])).toEqual([
      [0, 'warning'],
      [1, 'error'],
      [2, 'warning'],
    ]);
  });
});

describe('bases and force levels', () => {
  it('bases: the same geometry and link rules, a location and a name required', () => {
    const base = (
      props: Record<string, unknown>,
      geometry: unknown = { type: 'Point', coordinates: HERE },
    ) => ({
      type: 'Feature',
      geometry,
      properties: { id: 'b', name: 'B', coord_precision: 'exact_site', sources: [], ...props },
    });
    const { bases, issues } = buildBases(
      {
        type: 'FeatureCollection',
        features: [
          base({ id: 'ok' }),
          base({ id: 'nowhere' }, null),
          base({ id: 'noname', name: ' ' }),
          base({ id: 'js', sources: ['javascript:x'] }),
          base({ id: 'swapped' }, { type: 'Point', coordinates: [33.7, 142.4] }),
          base({ id: 'future', active_from: '2030-01' }),
          base({ id: 'vague', coord_precision: null }),
        ],
      },
      'b.geojson',
      TODAY,
    );
    expect(bases.map((b) => b.id)).toEqual(['ok', 'future', 'vague']);
    expect(issues.map((i) => [i.index, i.severity, i.field])).toEqual([
      [1, 'error', 'geometry'],
      [2, 'error', 'name'],
      [3, 'error', 'sources.0'],
      [4, 'error', 'geometry.coordinates.1'],
      [5, 'warning', 'active_from'],
      [6, 'warning', 'coord_precision'],
    ]);
    expect(issues[3]!.reason).toMatch(/look swapped/);
  });

  it('force levels: a bad figure is skipped by its path, the rest loads', () => {
    const file = structuredClone(forcesFile) as typeof forcesFile;
    const series = file.countries[0]!.series as unknown[];
    series.push(
      { as_of: 'soon', value: 10 },
      { as_of: '2030', value: -5 },
      { as_of: '2031-01', value: 5 },
    );
    (file.countries as unknown[]).push({ iso3: 'iraq', name: 'Iraq' });
    const { forces, issues } = buildForces(file, 'f.json', TODAY);
    expect(forces.countries).toHaveLength(1);
    expect(forces.countries[0]!.series.map((f) => f.as_of)).toEqual(['2023-11-10', '2031-01']);
    expect(forces.sites).toHaveLength(1);
    expect(issues.map((i) => [i.severity, i.field])).toEqual([
      ['error', 'countries.0.series.1.as_of'],
      ['error', 'countries.0.series.2.value'],
      ['warning', 'countries.0.series.3.as_of'],
      ['error', 'countries.1.iso3'],
    ]);
    expect(() => buildForces([], 'f.json')).toThrow(/not a force-levels file/);
  });

  it('the sample bases load with coord_precision warnings only', () => {
    const { bases, issues } = buildBases(basesFile, 'b.geojson', TODAY);
    expect(bases).toHaveLength(3);
    expect(issues.every((i) => i.severity === 'warning' && i.field === 'coord_precision')).toBe(
      true,
    );
  });
});
