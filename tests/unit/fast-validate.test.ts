import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastPoint } from '../../src/data/fast-validate';
import { IncidentColumnsBuilder } from '../../src/data/incident-columns';
import { pointGeometry } from '../../src/data/schemas';

const file = JSON.parse(
  readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8'),
);
const props: Record<string, unknown>[] = file.features.map(
  (f: { properties: object }) => f.properties,
);

/** Variants of a valid row: each replaces one property with an unusual or invalid value. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  '  x  ',
  0,
  -1,
  1.5,
  7,
  'drone',
  'us_strike',
  'low',
  'city',
  '2024-02-30',
  '2024-01-31',
  [],
  ['https://a.example'],
  [1],
  {},
  true,
  NaN,
  Infinity,
  1e21,
];

function variants(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const base = props[0]!;
  for (const key of [...Object.keys(base), 'unexpected']) {
    for (const value of ODD_VALUES) out.push({ ...base, [key]: value });
  }
  return out;
}

/** Builds a table from features with the fast path on or off. */
function build(features: unknown[], fast: boolean) {
  const builder = new IncidentColumnsBuilder('f.geojson', 4, fast);
  builder.addCollection({ type: 'FeatureCollection', features });
  return { ...builder.finish(), fastRows: builder.fastRows };
}

const point = { type: 'Point', coordinates: [42.4, 33.7] };

describe('validation into columns: the fast path agrees with the zod schemas', () => {
  it('takes every row of the default data fast and gives zod’s table', () => {
    const fast = build(file.features, true);
    const slow = build(file.features, false);
    expect(fast.table).toEqual(slow.table);
    expect(fast.issues).toEqual(slow.issues);
    // Rows without a location or with a non-http source go the slow way on purpose.
    expect(fast.fastRows).toBeGreaterThan(file.features.length - 10);
  });

  it('never accepts what zod rejects, and stores what zod would where it accepts', () => {
    const vs = variants();
    let fastRows = 0;
    for (const p of vs) {
      const feature = { type: 'Feature', geometry: point, properties: p };
      const fast = build([feature], true);
      const slow = build([feature], false);
      expect(fast.table, JSON.stringify(p)).toEqual(slow.table);
      expect(fast.issues, JSON.stringify(p)).toEqual(slow.issues);
      fastRows += fast.fastRows;
    }
    expect(fastRows).toBeGreaterThan(50);
  });

  it('treats odd features, geometries and duplicate ids like zod', () => {
    const p = props[0]!;
    const odd: unknown[] = [
      null,
      7,
      'Feature',
      { type: 'Feature', geometry: point },
      { type: 'Feature', geometry: point, properties: [] },
      { type: 'Feature', id: 'from-feature', geometry: point, properties: { ...p, id: null } },
      { type: 'Feature', id: 12, geometry: point, properties: { ...p, id: undefined } },
      { type: 'Feature', geometry: null, properties: { ...p, id: 'nowhere' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [181, 0] }, properties: p },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2, 3, 4] }, properties: p },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2, NaN] }, properties: p },
      { type: 'Feature', geometry: point, properties: { ...p, sources: ['javascript:x'] } },
      { type: 'Feature', geometry: point, properties: { ...p, id: 'dup' } },
      { type: 'Feature', geometry: point, properties: { ...p, id: 'dup' } },
      { type: 'Feature', geometry: point, properties: { ...p, date: '2023-12-01', id: 'early' } },
    ];
    const fast = build(odd, true);
    const slow = build(odd, false);
    expect(fast.table).toEqual(slow.table);
    expect(fast.issues).toEqual(slow.issues);
    // from-feature, 12, nowhere, dup (once) and early; not the 4-number point nor javascript:.
    expect(fast.table.length).toBe(5);
  });

  it('checks points like the geometry schema', () => {
    const geometries: unknown[] = [
      { type: 'Point', coordinates: [42.4, 33.7] },
      { type: 'Point', coordinates: [42.4, 33.7, 120] },
      { type: 'Point', coordinates: [181, 0] },
      { type: 'Point', coordinates: [0, -91] },
      { type: 'Point', coordinates: [0] },
      { type: 'Point', coordinates: ['1', 2] },
      { type: 'Point', coordinates: [NaN, 2] },
      { type: 'Point', coordinates: [1, 2, 'x'] },
      { type: 'LineString', coordinates: [[0, 0]] },
      {},
    ];
    for (const g of geometries) {
      const quick = fastPoint(g);
      const slow = pointGeometry.safeParse(g);
      if (quick) expect(quick).toEqual(slow.success && slow.data.coordinates);
      else if (slow.success) expect.fail(`fast path refused a valid point: ${JSON.stringify(g)}`);
    }
  });
});
