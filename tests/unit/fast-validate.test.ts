import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastIncidentProperties, fastPoint } from '../../src/data/fast-validate';
import { incidentProperties, pointGeometry } from '../../src/data/schemas';

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

describe('fast validation agrees with the zod schemas', () => {
  it('gives zod’s exact output for every row of the default data', () => {
    for (const p of props) {
      const quick = fastIncidentProperties(p);
      expect(quick).toBeDefined();
      expect(quick).toEqual(incidentProperties.parse(p));
    }
  });

  it('never accepts what zod rejects, and matches zod where it accepts', () => {
    let fast = 0;
    for (const p of variants()) {
      const quick = fastIncidentProperties(p);
      const slow = incidentProperties.safeParse(p);
      if (quick === undefined) continue;
      fast++;
      expect(slow.success, JSON.stringify(p)).toBe(true);
      expect(quick).toEqual(slow.data);
    }
    expect(fast).toBeGreaterThan(50);
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
