/** Bounding boxes for fitting the camera to data. */
import bbox from '@turf/bbox';
import { multiPoint } from '@turf/helpers';

/** [west, south, east, north] */
export type Bounds = [number, number, number, number];

/**
 * Bounds of the finite positions in an interleaved [lng, lat, lng, lat, ...] array, or null when
 * there is none. A single point gets a small box around it.
 */
export function positionsBounds(positions: ArrayLike<number>): Bounds | null {
  const coords: [number, number][] = [];
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const lng = positions[i]!;
    const lat = positions[i + 1]!;
    if (Number.isFinite(lng) && Number.isFinite(lat)) coords.push([lng, lat]);
  }
  if (coords.length === 0) return null;
  const [w, s, e, n] = bbox(multiPoint(coords)) as Bounds;
  const pad = 0.25;
  return w === e && s === n ? [w - pad, s - pad, e + pad, n + pad] : [w, s, e, n];
}

/** Bounds of any GeoJSON feature or geometry. */
export function featureBounds(geojson: Parameters<typeof bbox>[0]): Bounds {
  return bbox(geojson) as Bounds;
}
