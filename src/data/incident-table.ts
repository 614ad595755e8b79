/**
 * Incidents normalized once at load into columns sorted by day: typed arrays for the map and the
 * aggregates, interned strings for the repeated text (targets, groups, countries) and packed text
 * for the per-row values (ids, sources, notes). A million incidents stay a few typed arrays and a
 * few hundred strings instead of millions of objects; `incidentAt` rebuilds one record on demand.
 */
import { dayToIso } from '../time/days';
import type { DaySpan } from '../time/window';
import { CONFIDENCE_LEVELS, COORD_PRECISIONS, INCIDENT_TYPES, type Incident } from './types';

/** Text properties, stored per row as an index (-1 = null): see `IncidentTable.text`. */
export const TEXT_FIELDS = [
  'id',
  'date_note',
  'weapon',
  'target',
  'base_id',
  'country',
  'claimed_by',
  'claimed_by_group',
  'casualty_note',
  'other_casualties',
  'description',
  'sources',
  'source_names',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fields with few distinct values (targets, groups, countries): stored once each in `strings`. */
export const INTERNED_FIELDS = [
  'weapon',
  'target',
  'base_id',
  'country',
  'claimed_by',
  'claimed_by_group',
] as const;
/** Fields that are mostly distinct per row: stored in the packed text, never interned. */
export const PLAIN_FIELDS = [
  'id',
  'date_note',
  'casualty_note',
  'other_casualties',
  'description',
  'sources',
  'source_names',
] as const;
const IS_INTERNED = new Set<TextField>(INTERNED_FIELDS);

/**
 * Per-row text packed into a few long strings: value k is the slice
 * `[offsets[k], offsets[k + 1])` of the concatenation of `chunks` (chunk c starts at
 * `chunkStart[c]`; no value spans two chunks). Millions of small strings would cost the garbage
 * collector while loading and a long structured clone when the worker hands them over.
 */
export interface PackedText {
  chunks: string[];
  chunkStart: Float64Array;
  offsets: Float64Array;
}

/** Stored for "not given" in the confidence and precision columns. */
export const NONE = 255;
/** URLs cannot contain a newline, so one string holds a row's whole source list. */
export const SOURCE_SEPARATOR = '\n';

/** Column-oriented incidents, sorted by day (ties keep file order). Row i of every column is incident i. */
export interface IncidentTable {
  length: number;
  /** Epoch day per row. */
  day: Int32Array;
  /** Index into INCIDENT_TYPES per row. */
  typeIndex: Uint8Array;
  /** [lng, lat] per row; NaN for rows without a location. */
  position: Float32Array;
  /** U.S. killed / injured per row; -1 when not reported. */
  usKilled: Int32Array;
  usInjured: Int32Array;
  /** Index into CONFIDENCE_LEVELS / COORD_PRECISIONS; 255 when not given. */
  confidence: Uint8Array;
  precision: Uint8Array;
  /**
   * Per text field, each row's value: an index into `strings` for INTERNED_FIELDS, into `packed`
   * for PLAIN_FIELDS; -1 = null.
   */
  text: Record<TextField, Int32Array>;
  /** Interned strings (every distinct value once). */
  strings: string[];
  /** The per-row values of PLAIN_FIELDS. */
  packed: PackedText;
  /** First to last incident day, or null when there are no incidents. */
  span: DaySpan | null;
}

/** A text property of one row. */
export function textAt(t: IncidentTable, field: TextField, row: number): string | null {
  const k = t.text[field][row]!;
  if (k < 0) return null;
  return IS_INTERNED.has(field) ? t.strings[k]! : packedAt(t.packed, k);
}

/**
 * The text from character `from` to `to` of packed chunks that start at `chunkStart` (the text
 * of one value never crosses a chunk).
 */
export function sliceChunks(
  chunks: readonly string[],
  chunkStart: ArrayLike<number>,
  from: number,
  to: number,
): string {
  // The last chunk starting at or before `from` (binary search: a few hundred chunks at most).
  let lo = 0;
  let hi = chunkStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunkStart[mid]! <= from) lo = mid;
    else hi = mid - 1;
  }
  const start = chunkStart[lo]!;
  return chunks[lo]!.slice(from - start, to - start);
}

/** Value k of packed text. */
export function packedAt(p: PackedText, k: number): string {
  return sliceChunks(p.chunks, p.chunkStart, p.offsets[k]!, p.offsets[k + 1]!);
}

/** The id of one row. */
export function idAt(t: IncidentTable, row: number): string {
  return textAt(t, 'id', row)!;
}

/** The full record of one row, for panels and lists. */
export function incidentAt(t: IncidentTable, row: number): Incident {
  const text = (f: TextField) => textAt(t, f, row);
  const lng = t.position[2 * row]!;
  const count = (v: number) => (v < 0 ? null : v);
  return {
    id: text('id')!,
    date: dayToIso(t.day[row]!),
    day: t.day[row]!,
    date_note: text('date_note'),
    type: INCIDENT_TYPES[t.typeIndex[row]!]!,
    weapon: text('weapon'),
    target: text('target'),
    base_id: text('base_id'),
    country: text('country'),
    claimed_by: text('claimed_by'),
    claimed_by_group: text('claimed_by_group') ?? 'unclaimed',
    us_killed: count(t.usKilled[row]!),
    us_injured: count(t.usInjured[row]!),
    casualty_note: text('casualty_note'),
    other_casualties: text('other_casualties'),
    description: text('description'),
    confidence: t.confidence[row] === NONE ? null : CONFIDENCE_LEVELS[t.confidence[row]!]!,
    coord_precision: t.precision[row] === NONE ? null : COORD_PRECISIONS[t.precision[row]!]!,
    sources: text('sources')?.split(SOURCE_SEPARATOR) ?? [],
    source_names: text('source_names'),
    lng: Number.isFinite(lng) ? lng : null,
    lat: Number.isFinite(lng) ? t.position[2 * row + 1]! : null,
  };
}

const idIndexes = new WeakMap<IncidentTable, Map<string, number>>();

/** The row of an incident id, or undefined. The id index is built on first use (clicks and links are rare). */
export function rowOfId(t: IncidentTable, id: string): number | undefined {
  let index = idIndexes.get(t);
  if (!index) {
    index = new Map();
    const ids = t.text.id;
    for (let row = 0; row < t.length; row++) index.set(packedAt(t.packed, ids[row]!), row);
    idIndexes.set(t, index);
  }
  return index.get(id);
}

/** True for U.S. strikes (as opposed to attacks on U.S. and coalition forces). */
export function isStrike(table: IncidentTable, row: number): boolean {
  return table.typeIndex[row] === STRIKE;
}

const STRIKE = INCIDENT_TYPES.indexOf('us_strike');
