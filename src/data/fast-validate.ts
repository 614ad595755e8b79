/**
 * Fast paths in front of the zod schemas for big files. Each returns exactly what the schema
 * would return for a value it is sure is valid, and `undefined` for anything else, which then
 * goes through zod (the source of truth, and of the error messages). They may refuse valid
 * input (it just takes the slow path) but never accept invalid input: tests check both.
 */
import { isoToDay } from '../time/days';
import { CONFIDENCE_LEVELS, COORD_PRECISIONS, INCIDENT_TYPES } from './types';
import type { z } from 'zod';
import type { incidentProperties } from './schemas';

type IncidentProps = z.output<typeof incidentProperties>;

const INVALID = Symbol('invalid');
const TYPES = new Set<unknown>(INCIDENT_TYPES);
const CONFIDENCE = new Set<unknown>(CONFIDENCE_LEVELS);
const PRECISION = new Set<unknown>(COORD_PRECISIONS);

function text(v: unknown): string | null | typeof INVALID {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return INVALID;
  const t = v.trim();
  return t === '' ? null : t;
}

function count(v: unknown): number | null | typeof INVALID {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : INVALID;
}

function member(v: unknown, allowed: Set<unknown>): string | null | typeof INVALID {
  if (v === null || v === undefined) return null;
  return allowed.has(v) ? (v as string) : INVALID;
}

/** The incident properties as `incidentProperties` would parse them, or undefined to use zod. */
export function fastIncidentProperties(p: Record<string, unknown>): IncidentProps | undefined {
  const id = typeof p.id === 'number' && Number.isFinite(p.id) ? String(p.id) : p.id;
  if (typeof id !== 'string' || id === '') return undefined;
  if (typeof p.date !== 'string' || isoToDay(p.date) === null) return undefined;
  if (!TYPES.has(p.type)) return undefined;
  const sources = p.sources ?? [];
  if (!Array.isArray(sources) || !sources.every((s) => typeof s === 'string')) return undefined;
  const out = {
    id,
    date: p.date,
    date_note: text(p.date_note),
    type: p.type,
    weapon: text(p.weapon),
    target: text(p.target),
    base_id: text(p.base_id),
    country: text(p.country),
    claimed_by: text(p.claimed_by),
    claimed_by_group: text(p.claimed_by_group),
    us_killed: count(p.us_killed),
    us_injured: count(p.us_injured),
    casualty_note: text(p.casualty_note),
    other_casualties: text(p.other_casualties),
    description: text(p.description),
    confidence: member(p.confidence, CONFIDENCE),
    coord_precision: member(p.coord_precision, PRECISION),
    sources: sources as string[],
  };
  for (const v of Object.values(out)) if (v === INVALID) return undefined;
  out.claimed_by_group ??= 'unclaimed';
  return out as IncidentProps;
}

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
