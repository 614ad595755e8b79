/**
 * "Which incidents lie within r km of this point": a box query on the KD-tree (kdbush), then a
 * great-circle check (Turf `distance`) on the candidates only, in the manner of geokdbush. Cost is
 * O(log n + candidates), never a scan of every incident.
 */
import distance from '@turf/distance';
import type { SpatialIndex } from './spatial-index';

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
 * is day order. Distances use the stored (float32) positions, as drawn on the map.
 * @param position the table's interleaved [lng, lat] positions (the index refers to its rows)
 */
export function rowsWithinKm(
  index: SpatialIndex,
  position: Float32Array,
  lng: number,
  lat: number,
  km: number,
): Uint32Array {
  if (index.rowOf.length === 0) return new Uint32Array(0);
  const centre: [number, number] = [lng, lat];
  const found: number[] = [];
  for (const box of radiusBoxes(lng, lat, km)) {
    for (const k of index.tree.range(...box)) {
      const row = index.rowOf[k]!;
      const p: [number, number] = [position[2 * row]!, position[2 * row + 1]!];
      if (distanceKm(centre, p) <= km) found.push(row);
    }
  }
  const rows = Uint32Array.from(found).sort();
  // Two boxes of a split cap never overlap, so no row appears twice.
  return rows;
}
