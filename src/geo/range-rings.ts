/**
 * Range rings around a base, drawn with Turf `circle` (geodesic circles, so a 500 km ring is 500 km
 * in every direction on the Web Mercator map): the radius used for "attacks near this base", and
 * reach rings for one-way drones and missiles.
 */
import circle from '@turf/circle';
import type { FeatureCollection, Polygon } from 'geojson';

/** Reach rings (km), for the range of one-way attack drones and short-range missiles. */
export const REACH_RINGS_KM = [100, 300, 500] as const;

/** Properties of a ring: its radius, label, and whether it is the query radius or a reach ring. */
export interface RingProps {
  km: number;
  label: string;
  kind: 'radius' | 'reach';
}

/** Vertices per ring: smooth at the zoom levels a 10 km ring is looked at. */
const STEPS = 128;

/**
 * The rings around `centre` ([lng, lat]): the query radius first, then every reach ring of another
 * size, largest last.
 */
export function rangeRings(
  centre: [number, number],
  radiusKm: number,
): FeatureCollection<Polygon, RingProps> {
  const ring = (km: number, kind: RingProps['kind']) =>
    circle<RingProps>(centre, km, {
      steps: STEPS,
      units: 'kilometers',
      properties: { km, label: `${km} km`, kind },
    });
  return {
    type: 'FeatureCollection',
    features: [
      ring(radiusKm, 'radius'),
      ...REACH_RINGS_KM.filter((km) => km !== radiusKm).map((km) => ring(km, 'reach')),
    ],
  };
}
