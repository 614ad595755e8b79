/**
 * Range rings around a base, drawn with Turf `circle` (geodesic circles, so a 500 km ring is 500 km
 * in every direction on the Web Mercator map): the radius used for "attacks near this base", and
 * reach rings for one-way drones and missiles. Each ring is switched on or off on its own.
 */
import circle from '@turf/circle';
import type { FeatureCollection, Polygon } from 'geojson';

/** Reach rings (km), for the range of one-way attack drones and short-range missiles. */
export const REACH_RINGS_KM = [100, 300, 500] as const;
export type ReachKm = (typeof REACH_RINGS_KM)[number];

/** Which rings are drawn: the query radius ring, and which reach rings (in REACH_RINGS_KM order). */
export interface RingChoice {
  radius: boolean;
  reach: readonly ReachKm[];
}

/** No ring at all (the default). */
export const NO_RINGS: RingChoice = { radius: false, reach: [] };
/** Every ring: what the single "Range rings" switch of older links (`rings=1`) drew. */
export const ALL_RINGS: RingChoice = { radius: true, reach: REACH_RINGS_KM };

/** Whether the choice draws any ring. */
export function hasRings(choice: RingChoice): boolean {
  return choice.radius || choice.reach.length > 0;
}

/** Whether two choices draw the same rings. */
export function sameRings(a: RingChoice, b: RingChoice): boolean {
  return (
    a.radius === b.radius &&
    a.reach.length === b.reach.length &&
    a.reach.every((km) => b.reach.includes(km))
  );
}

/**
 * The choice with one ring switched: `'radius'` or a reach distance. The reach list stays in
 * REACH_RINGS_KM order, so equal choices look the same (in the URL too).
 */
export function withRing(choice: RingChoice, ring: 'radius' | ReachKm, on: boolean): RingChoice {
  if (ring === 'radius') return { ...choice, radius: on };
  const reach = REACH_RINGS_KM.filter((km) => (km === ring ? on : choice.reach.includes(km)));
  return { ...choice, reach };
}

/** Properties of a ring: its radius, label, and whether it is the query radius or a reach ring. */
export interface RingProps {
  km: number;
  label: string;
  kind: 'radius' | 'reach';
}

/** Vertices per ring: smooth at the zoom levels a 10 km ring is looked at. */
const STEPS = 128;

/**
 * The chosen rings around `centre` ([lng, lat]): the query radius first, then the chosen reach
 * rings, largest last. A reach ring the size of a drawn radius ring is drawn once, as the radius.
 */
export function rangeRings(
  centre: [number, number],
  radiusKm: number,
  choice: RingChoice = ALL_RINGS,
): FeatureCollection<Polygon, RingProps> {
  const ring = (km: number, kind: RingProps['kind']) =>
    circle<RingProps>(centre, km, {
      steps: STEPS,
      units: 'kilometers',
      properties: { km, label: `${km} km`, kind },
    });
  const reach = REACH_RINGS_KM.filter(
    (km) => choice.reach.includes(km) && !(choice.radius && km === radiusKm),
  );
  return {
    type: 'FeatureCollection',
    features: [
      ...(choice.radius ? [ring(radiusKm, 'radius')] : []),
      ...reach.map((km) => ring(km, 'reach')),
    ],
  };
}
