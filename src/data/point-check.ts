/**
 * The geometry rules shared by incidents and bases, with the wording of the load report: a
 * feature needs a `geometry` member, and a geometry must be a Point whose coordinates are two or
 * three finite numbers, longitude in [-180, 180] and latitude in [-90, 90]. Coordinates that
 * only fit the other way round are reported as swapped (GeoJSON is [longitude, latitude]).
 */

/** A geometry problem: the field path (from the feature) and the reason. */
export interface PointProblem {
  field: string;
  reason: string;
}

const SWAP_HINT = ' (latitude and longitude look swapped: GeoJSON is [longitude, latitude])';

/** Short JSON of a value for a message (at most 40 characters). */
export function shown(value: unknown): string {
  let s: string;
  try {
    s = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/**
 * Checks a feature's `geometry` value (not null or missing: the caller decides about those).
 * Returns [lng, lat], or the first problem.
 */
export function checkPoint(geometry: unknown): [number, number] | PointProblem {
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g === null || typeof g !== 'object' || Array.isArray(g)) {
    return { field: 'geometry', reason: `must be a GeoJSON geometry object, not ${shown(g)}` };
  }
  if (g.type !== 'Point') {
    return { field: 'geometry.type', reason: `must be a Point, not ${shown(g.type)}` };
  }
  const c = g.coordinates;
  if (!Array.isArray(c) || c.length < 2 || c.length > 3) {
    return {
      field: 'geometry.coordinates',
      reason: `must be 2 or 3 numbers [longitude, latitude(, altitude)], not ${shown(c)}`,
    };
  }
  for (let k = 0; k < c.length; k++) {
    const v = c[k] as unknown;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return {
        field: `geometry.coordinates.${k}`,
        reason: `must be a finite number, not ${shown(v)}`,
      };
    }
  }
  const lng = c[0] as number;
  const lat = c[1] as number;
  const swapped = Math.abs(lat) <= 180 && Math.abs(lng) <= 90;
  if (lng < -180 || lng > 180) {
    return {
      field: 'geometry.coordinates.0',
      reason: `longitude out of range [-180, 180]: ${lng}`,
    };
  }
  if (lat < -90 || lat > 90) {
    return {
      field: 'geometry.coordinates.1',
      reason: `latitude out of range [-90, 90]: ${lat}${swapped ? SWAP_HINT : ''}`,
    };
  }
  return [lng, lat];
}

/** True when `checkPoint` found a problem. */
export function isProblem(p: [number, number] | PointProblem): p is PointProblem {
  return !Array.isArray(p);
}
