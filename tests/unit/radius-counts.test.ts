/**
 * Attacks near a base: the spatial index + prefix sums must give exactly what a brute-force scan
 * of every incident gives, on 200k random incidents, for every radius and many windows.
 */
import { describe, expect, it } from 'vitest';
import { TEXT_FIELDS, type IncidentTable } from '../../src/data/incident-table';
import { INCIDENT_TYPES } from '../../src/data/types';
import { buildSpatialIndex } from '../../src/geo/spatial-index';
import { radiusBoxes, rowsWithinKm } from '../../src/geo/radius-query';
import { buildRowStats, rowsInWindowOf, summarize, typeCounts } from '../../src/state/row-stats';
import { mondayOf, weeklyAttacks } from '../../src/state/base-analysis';
import type { Derived } from '../../src/state/derived';
import type { LoadedData } from '../../src/data/load-all';

/** Small deterministic PRNG so failures reproduce. */
function rng(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const STRIKE = INCIDENT_TYPES.indexOf('us_strike');

/** Independent great-circle distance (haversine, Turf's Earth radius). */
function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** A day-sorted incident table of n random incidents around a few "bases", some unlocated. */
function randomTable(n: number, random: () => number, centres: [number, number][]): IncidentTable {
  const span = { start: 19_600, end: 20_330 };
  const days = Array.from({ length: n }, () => span.start + Math.floor(random() * 731)).sort(
    (a, b) => a - b,
  );
  const position = new Float32Array(2 * n);
  const typeIndex = new Uint8Array(n);
  const usKilled = new Int32Array(n);
  const usInjured = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = random();
    if (u < 0.01) {
      position[2 * i] = position[2 * i + 1] = NaN;
    } else if (u < 0.2) {
      // Stacked exactly on a base, as most real incidents are.
      const c = centres[Math.floor(random() * centres.length)]!;
      position[2 * i] = c[0];
      position[2 * i + 1] = c[1];
    } else if (u < 0.7) {
      const c = centres[Math.floor(random() * centres.length)]!;
      position[2 * i] = c[0] + (random() - 0.5) * 3;
      position[2 * i + 1] = c[1] + (random() - 0.5) * 3;
    } else {
      position[2 * i] = 35 + random() * 14;
      position[2 * i + 1] = 29 + random() * 9;
    }
    typeIndex[i] = Math.floor(random() * INCIDENT_TYPES.length);
    usKilled[i] = random() < 0.9 ? -1 : Math.floor(random() * 4);
    usInjured[i] = random() < 0.7 ? -1 : Math.floor(random() * 30);
  }
  return {
    length: n,
    day: Int32Array.from(days),
    typeIndex,
    position,
    usKilled,
    usInjured,
    confidence: new Uint8Array(n),
    precision: new Uint8Array(n),
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, new Int32Array(n).fill(-1)])) as never,
    strings: [],
    packed: { chunks: [], chunkStart: new Float64Array(0), offsets: new Float64Array(1) },
    span,
  };
}

describe('attacks within a radius, at 200k random incidents', () => {
  const random = rng(42);
  const centres: [number, number][] = [
    [42.4411, 33.7856],
    [38.61778, 33.50583],
    [41.9975, 36.89778],
    [40.30944, 35.33611],
  ];
  const n = 200_000;
  const table = randomTable(n, random, centres);
  const index = buildSpatialIndex(table.position);
  const located = (i: number): [number, number] => [
    table.position[2 * i]!,
    table.position[2 * i + 1]!,
  ];

  const bruteRows = (c: [number, number], km: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(table.position[2 * i])) continue;
      if (haversineKm(c, located(i)) <= km) out.push(i);
    }
    return out;
  };

  const queries: { c: [number, number]; km: number }[] = [];
  for (const km of [10, 25, 50, 100]) {
    for (const c of centres) queries.push({ c, km });
    queries.push({ c: [36 + random() * 12, 30 + random() * 7], km });
  }
  const found = queries.map((q) => ({
    ...q,
    rows: rowsWithinKm(index, q.c[0], q.c[1], q.km),
    brute: bruteRows(q.c, q.km),
  }));

  it('finds the same incidents as a scan of all of them', () => {
    for (const q of found) {
      expect(Array.from(q.rows), `${q.km} km of ${q.c}`).toEqual(q.brute);
    }
    // Stacked points on the base are inside every radius; the sets grow with the radius.
    expect(found.find((q) => q.km === 10)!.rows.length).toBeGreaterThan(5000);
  });

  it('gives the brute-force totals, casualties, first and last attack and types for any window', () => {
    for (const q of found) {
      const stats = buildRowStats(table, q.rows);
      for (let k = 0; k < 8; k++) {
        const a = 19_590 + Math.floor(random() * 760);
        const w = { start: a, end: a + Math.floor(random() * 120) };
        const inWin = q.brute.filter((i) => table.day[i]! >= w.start && table.day[i]! <= w.end);
        const attacks = inWin.filter((i) => table.typeIndex[i] !== STRIKE);
        const sum = (rows: number[], col: Int32Array) =>
          rows.reduce((s, i) => s + Math.max(0, col[i]!), 0);
        expect(summarize(table, stats, w)).toEqual({
          attacks: attacks.length,
          strikes: inWin.length - attacks.length,
          usKilled: sum(attacks, table.usKilled),
          usInjured: sum(attacks, table.usInjured),
          firstAttack: attacks.length ? table.day[attacks[0]!]! : null,
          lastAttack: attacks.length ? table.day[attacks.at(-1)!]! : null,
        });
        expect(Array.from(rowsInWindowOf(table, stats, w))).toEqual(inWin);
        const types = typeCounts(table, stats, w);
        INCIDENT_TYPES.forEach((t, j) =>
          expect(types[t]).toBe(inWin.filter((i) => table.typeIndex[i] === j).length),
        );
      }
    }
  });

  it('bins the attacks per Monday week over the whole span', () => {
    const q = found[1]!;
    const stats = buildRowStats(table, q.rows);
    const derived = {} as Derived;
    const data = { incidents: table } as LoadedData;
    const series = weeklyAttacks(data, derived, stats);
    expect(weeklyAttacks(data, derived, stats)).toBe(series);
    expect(series.firstDay).toBe(mondayOf(table.span!.start));
    // 1970-01-05 (epoch day 4) was a Monday.
    expect(mondayOf(4)).toBe(4);
    expect(mondayOf(10)).toBe(4);
    expect(mondayOf(11)).toBe(11);
    const attacks = q.brute.filter((i) => table.typeIndex[i] !== STRIKE);
    expect(series.counts.reduce((s, c) => s + c, 0)).toBe(attacks.length);
    const week = 10;
    const from = series.firstDay + week * 7;
    expect(series.counts[week]).toBe(
      attacks.filter((i) => table.day[i]! >= from && table.day[i]! < from + 7).length,
    );
  });
});

describe('radius boxes', () => {
  it('hold every point of the circle, also across the antimeridian and near a pole', () => {
    const random = rng(3);
    const cases: [number, number, number][] = [
      [179.9, 10, 100],
      [-179.95, -20, 300],
      [20, 89.5, 100],
      [0, 0, 500],
      [42, 33, 25],
    ];
    for (const [lng, lat, km] of cases) {
      const boxes = radiusBoxes(lng, lat, km);
      for (let k = 0; k < 2000; k++) {
        const bearing = random() * 2 * Math.PI;
        const dist = km * Math.sqrt(random()) * 0.999;
        // Destination point on the sphere.
        const r = dist / 6371.0088;
        const rad = Math.PI / 180;
        const p1 = lat * rad;
        const p2 = Math.asin(
          Math.sin(p1) * Math.cos(r) + Math.cos(p1) * Math.sin(r) * Math.cos(bearing),
        );
        let l2 =
          lng +
          Math.atan2(
            Math.sin(bearing) * Math.sin(r) * Math.cos(p1),
            Math.cos(r) - Math.sin(p1) * Math.sin(p2),
          ) /
            rad;
        l2 = ((((l2 + 180) % 360) + 360) % 360) - 180;
        const y = p2 / rad;
        expect(
          boxes.some(([w, s, e, n]) => l2 >= w && l2 <= e && y >= s && y <= n),
          `${km} km of ${lng},${lat}: ${l2},${y}`,
        ).toBe(true);
      }
    }
  });

  it('finds points across the antimeridian', () => {
    const position = new Float32Array([179.95, 0, -179.95, 0, 170, 0]);
    const index = buildSpatialIndex(position);
    expect(Array.from(rowsWithinKm(index, 179.99, 0, 50))).toEqual([0, 1]);
  });
});
