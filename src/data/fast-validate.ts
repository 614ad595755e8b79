/**
 * A fast path in front of the point schema. It returns exactly what the schema would for a
 * value it is sure is valid, and `undefined` for anything else, which then goes through zod
 * (the source of truth, and of the error messages). It may refuse valid input (that just takes
 * the slow path) but never accepts invalid input: tests check both. (Incident rows have their
 * own fast path, straight into columns: incident-columns.ts, with the value readers below.)
 */
import { NONE } from './incident-table';
import { CONFIDENCE_LEVELS, COORD_PRECISIONS, INCIDENT_TYPES } from './types';

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

/** Index of each incident type, confidence level and coordinate precision. */
export const TYPE_INDEX = new Map<unknown, number>(INCIDENT_TYPES.map((t, i) => [t, i]));
export const CONFIDENCE_INDEX = new Map<unknown, number>(CONFIDENCE_LEVELS.map((t, i) => [t, i]));
export const PRECISION_INDEX = new Map<unknown, number>(COORD_PRECISIONS.map((t, i) => [t, i]));

/** Marks a value the fast path will not decide on. */
export const SLOW = Symbol('slow');

/** Optional text as the schema reads it: trimmed, blank → null; SLOW for a non-string. */
export function text(v: unknown): string | null | typeof SLOW {
  if (v == null) return null;
  if (typeof v !== 'string') return SLOW;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Optional count: -1 for none; SLOW for anything but a non-negative safe integer. */
export function count(v: unknown): number | typeof SLOW {
  if (v == null) return -1;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : SLOW;
}

/** Optional enum member index: NONE for none; SLOW for an unknown value. */
export function member(v: unknown, index: Map<unknown, number>): number | typeof SLOW {
  if (v == null) return NONE;
  return index.get(v) ?? SLOW;
}
