/** The bases nearest to a base, by great-circle distance (Turf), with co-located proxies marked. */
import { distanceKm } from './radius-query';

/** A base seen from another one. */
export interface NearBase {
  id: string;
  /** Great-circle distance in km (0 for a shared point). */
  km: number;
  /** Drawn on the same map point (a proxy location): not "0 km away" but the same recorded place. */
  samePoint: boolean;
}

/** True when two places have the same coordinates to 5 decimals (about 1 m), the app's "shared point" rule. */
export function samePoint(
  a: { lng: number; lat: number },
  b: { lng: number; lat: number },
): boolean {
  return a.lng.toFixed(5) === b.lng.toFixed(5) && a.lat.toFixed(5) === b.lat.toFixed(5);
}

/**
 * The `count` bases nearest to `from` (itself excluded), nearest first. Bases sharing its point come
 * first and are not counted against `count`, so a proxy twin never hides a real neighbour.
 */
export function nearestBases<B extends { id: string; lng: number; lat: number }>(
  bases: readonly B[],
  from: B,
  count: number,
): NearBase[] {
  const others = bases
    .filter((b) => b.id !== from.id)
    .map((b) => ({
      id: b.id,
      km: samePoint(b, from) ? 0 : distanceKm([from.lng, from.lat], [b.lng, b.lat]),
      samePoint: samePoint(b, from),
    }))
    .sort((a, b) => a.km - b.km || a.id.localeCompare(b.id));
  const twins = others.filter((b) => b.samePoint);
  return [...twins, ...others.filter((b) => !b.samePoint).slice(0, count)];
}
