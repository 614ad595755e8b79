/**
 * A fast path in front of the point schema. It returns exactly what the schema would for a
 * value it is sure is valid, and `undefined` for anything else, which then goes through zod
 * (the source of truth, and of the error messages). It may refuse valid input (that just takes
 * the slow path) but never accepts invalid input: tests check both. (Incident rows have their
 * own fast path, straight into columns: incident-columns.ts.)
 */
/** [lng, lat] of a valid Point geometry, or undefined to use zod. */
export function fastPoint(g: unknown): [number, number] | undefined {
  const geom = g as { type?: unknown; coordinates?: unknown };
  if (geom.type !== 'Point' || !Array.isArray(geom.coordinates) || geom.coordinates.length < 2)
    return undefined;
  const [lng, lat] = geom.coordinates as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number') return undefined;
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return undefined;
  if (!geom.coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))) return undefined;
  return [lng, lat];
}
