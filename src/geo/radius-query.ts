/**
 * "Which incidents lie within r km of this point": a box query on the KD-tree (kdbush), then a
 * great-circle check on the candidates only, in the manner of geokdbush. Cost is
 * O(log n + candidates), never a scan of every incident.
 */
import distance from '@turf/distance';
import { lengthToRadians } from '@turf/helpers';
import { forEachInBox, type SpatialIndex } from './spatial-index';

/** Turf's mean Earth radius (km), so the box and the distance check agree. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Slack (degrees) for float32 positions; the distance check decides exactly. */
const MARGIN = 1e-4;

/**
 * Lng/lat boxes [west, south, east, north] that together hold every point within `km` of the
 * centre: the exact bounds of a spherical cap (J. Matuschek's formula), split in two where the cap
 * crosses the antimeridian, the whole longitude range where it covers a pole.
 */
export function radiusBoxes(
  lng: number,
  lat: number,
  km: number,
): [number, number, number, number][] {
  const r = km / EARTH_RADIUS_KM;
  const south = lat - r / RAD - MARGIN;
  const north = lat + r / RAD + MARGIN;
  if (north >= 90 || south <= -90 || Math.sin(r) >= Math.cos(lat * RAD)) {
    return [[-180, Math.max(-90, south), 180, Math.min(90, north)]];
  }
  const dLng = Math.asin(Math.sin(r) / Math.cos(lat * RAD)) / RAD + MARGIN;
  const west = lng - dLng;
  const east = lng + dLng;
  if (west < -180)
    return [
      [west + 360, south, 180, north],
      [-180, south, east, north],
    ];
  if (east > 180)
    return [
      [west, south, 180, north],
      [-180, south, east - 360, north],
    ];
  return [[west, south, east, north]];
}

/** Great-circle distance in km between two [lng, lat] points (Turf, haversine). */
export function distanceKm(a: [number, number], b: [number, number]): number {
  return distance(a, b, { units: 'kilometers' });
}

/**
 * Table rows of the indexed incidents within `km` (inclusive) of [lng, lat], sorted by row, which
 * is day order. Distances use the indexed (float32) positions, as drawn on the map.
 */
export function rowsWithinKm(
  index: SpatialIndex,
  lng: number,
  lat: number,
  km: number,
): Uint32Array {
  if (index.rowOf.length === 0) return new Uint32Array(0);
  // Turf's haversine, compared in its half-chord form: distance <= km exactly when
  // a <= sin²(r / 2), so each candidate costs three sines and no atan2 (Turf's `distance` itself
  // took 0.6 µs a candidate, 90 ms for the 150k candidates of a 100 km query at 1M incidents).
  const aMax = Math.sin(lengthToRadians(km, 'kilometers') / 2) ** 2;
  const cosLat = Math.cos(lat * RAD);
  // Points in this inner box are inside whatever their latitude (cos of it is at most 1 in the
  // formula below), so most of a large query needs no trigonometry at all.
  const innerLat = (2 * Math.asin(Math.sqrt(aMax / 2))) / RAD;
  const innerLng = (2 * Math.asin(Math.min(1, Math.sqrt(aMax / 2 / cosLat)))) / RAD;
  const found: number[] = [];
  for (const box of radiusBoxes(lng, lat, km)) {
    forEachInBox(index, ...box, (row, x, y) => {
      const dx = x - lng;
      const dy = y - lat;
      if (
        (dy <= innerLat && dy >= -innerLat && dx <= innerLng && dx >= -innerLng) ||
        Math.sin((dy * RAD) / 2) ** 2 +
          Math.sin((dx * RAD) / 2) ** 2 * cosLat * Math.cos(y * RAD) <=
          aMax
      )
        found.push(row);
    });
  }
  const out = Uint32Array.from(found);
  // Two boxes of a split cap never overlap, so no row appears twice.
  return sortRows(out);
}

/**
 * Sorts row numbers ascending in place (LSD radix sort, two 16-bit passes): a few ms for the
 * 150k rows of a large query, where the built-in sort took 10–15 ms.
 */
export function sortRows(rows: Uint32Array): Uint32Array {
  if (rows.length < 2048) return rows.sort();
  const tmp = new Uint32Array(rows.length);
  const count = new Uint32Array(65536);
  for (const [from, to, shift] of [
    [rows, tmp, 0],
    [tmp, rows, 16],
  ] as const) {
    count.fill(0);
    for (let i = 0; i < from.length; i++) count[(from[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < from.length; i++) to[count[(from[i]! >>> shift) & 0xffff]!++] = from[i]!;
  }
  return rows;
}
