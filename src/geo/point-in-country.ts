/**
 * Incidents inside a country's outline: a box query on the KD-tree over the shape's bounding box,
 * then Turf `booleanPointInPolygon` on the candidates only. Used for incidents whose `country` is
 * missing, so they still count in the country where they are recorded.
 */
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { SpatialIndex } from './spatial-index';

/**
 * Table rows inside the shape for which `keep(row)` holds, sorted by row (day order). `keep` runs
 * before the polygon test, so a cheap filter (e.g. "country is missing") saves the expensive one.
 */
export function rowsInShape(
  index: SpatialIndex,
  position: Float32Array,
  shape: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon,
  keep: (row: number) => boolean = () => true,
): Uint32Array {
  if (index.rowOf.length === 0) return new Uint32Array(0);
  const [w, s, e, n] = bbox(shape);
  const found: number[] = [];
  for (const k of index.tree.range(w, s, e, n)) {
    const row = index.rowOf[k]!;
    if (!keep(row)) continue;
    if (booleanPointInPolygon([position[2 * row]!, position[2 * row + 1]!], shape)) found.push(row);
  }
  return Uint32Array.from(found).sort();
}
